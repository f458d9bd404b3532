#include "httpclient.h"

#include "../async/cancellation.h"
#include "httpstatus.h"

#include <optional>

namespace concviz {

namespace {

QString statusText(int status)
{
    return QStringLiteral("HTTP %1 %2").arg(status).arg(QString::fromLatin1(reasonPhrase(status)));
}

// Whether a response with this status is what the task asked for.
void checkStatus(const FetchRequest &spec, int status)
{
    if (spec.expectStatus && status != *spec.expectStatus)
        throw TaskFailure{QStringLiteral("%1, expected %2").arg(statusText(status)).arg(*spec.expectStatus)};
    if (!spec.expectStatus && status >= 400)
        throw TaskFailure{statusText(status)};
}

} // namespace

HttpClient::HttpClient(int connectionsPerHost, int totalConnections, std::unique_ptr<HttpTransport> transport)
    : m_connectionsPerHost(connectionsPerHost)
    , m_total(totalConnections > 0 ? std::make_unique<Semaphore>(totalConnections) : nullptr)
    , m_transport(std::move(transport))
{
}

HttpClient::~HttpClient() = default;

Semaphore &HttpClient::slotsFor(const QString &url)
{
    std::unique_ptr<Semaphore> &slots = m_hosts[HttpTransport::hostKey(QUrl(url))];
    if (!slots)
        slots = std::make_unique<Semaphore>(m_connectionsPerHost);
    return *slots;
}

Task<HttpResult> HttpClient::fetch(const FetchRequest &request, HttpPhaseSink phase)
{
    Semaphore &slots = slotsFor(request.url);
    phase(HttpPhase::WaitConnection, true);
    // The host's slot first, then one of all: always in this order, so two requests never hold one
    // each while waiting for the other.
    std::optional<Permit> hostPermit;
    std::optional<Permit> totalPermit;
    try {
        co_await slots.acquire();
        hostPermit.emplace(slots);
        if (m_total) {
            co_await m_total->acquire();
            totalPermit.emplace(*m_total);
        }
    } catch (...) {
        phase(HttpPhase::WaitConnection, false);
        throw;
    }
    phase(HttpPhase::WaitConnection, false);
    const HttpResult result = co_await m_transport->exchange(request, phase);
    checkStatus(request, result.status);
    co_return result;
}

} // namespace concviz
