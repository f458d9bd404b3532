#include "simulateddemotransport.h"

#include "../async/cancellation.h"
#include "../async/sleep.h"
#include "demoroutes.h"
#include "demoserverhost.h"

namespace concviz {

Task<HttpResult> SimulatedDemoTransport::exchange(const FetchRequest &fetch, HttpPhaseSink phase)
{
    const QUrl url(fetch.url);
    // A name under .invalid never resolves anywhere (RFC 6761): the virtual clock can say so too,
    // in the words the real clock's client uses.
    const QString host = url.host().toLower();
    if (host == QLatin1String("invalid") || host.endsWith(QLatin1String(".invalid")))
        throw TaskFailure{QStringLiteral("host not found: %1 (the name does not resolve)").arg(url.host())};
    if (!DemoServerHost::isDemoUrl(url))
        throw TaskFailure{QStringLiteral("%1 can only be fetched on the real clock; the virtual clock knows the demo server alone")
                              .arg(url.toString())};
    HttpRequest request;
    request.method = "GET";
    request.target = url.path(QUrl::FullyEncoded).toLatin1();
    if (url.hasQuery())
        request.target += '?' + url.query(QUrl::FullyEncoded).toLatin1();
    const DemoResponse response = DemoRoutes::route(request);
    if (response.action != DemoResponse::Action::Respond)
        throw TaskFailure{QStringLiteral("the server closed the connection before the whole response arrived")};
    phase(HttpPhase::WaitingFirstByte, true);
    co_await sleepFor(response.delay);
    phase(HttpPhase::WaitingFirstByte, false);
    if (response.dripDuration > 0) {
        phase(HttpPhase::Downloading, true);
        co_await sleepFor(response.dripDuration);
        phase(HttpPhase::Downloading, false);
    }
    HttpResult result;
    result.status = response.status;
    result.bytes = response.bodySize();
    result.hops << url.toString();
    co_return result;
}

} // namespace concviz
