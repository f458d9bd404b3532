#include "httpclient.h"

#include "../async/cancellation.h"
#include "../async/sleep.h"
#include "demoroutes.h"
#include "demoserverhost.h"
#include "replyawaiter.h"

#include <QNetworkRequest>
#include <QtGlobal>

#if QT_VERSION >= QT_VERSION_CHECK(6, 5, 0)
#include <QHttp1Configuration>
#endif

#include <cmath>

namespace concviz {

namespace {

// Qt 6.4's fixed number of connections per host:port for one manager.
constexpr int qtConnectionsPerManager = 6;

struct DeleteLater
{
    void operator()(QObject *o) const { o->deleteLater(); }
};

QString failureReason(QNetworkReply *reply)
{
    const QUrl url = reply->url();
    switch (reply->error()) {
    case QNetworkReply::HostNotFoundError:
        return QStringLiteral("host not found: %1 (the name does not resolve)").arg(url.host());
    case QNetworkReply::ConnectionRefusedError:
        return QStringLiteral("connection refused by %1:%2 (nothing listens there)").arg(url.host()).arg(url.port(url.scheme() == QLatin1String("https") ? 443 : 80));
    case QNetworkReply::RemoteHostClosedError:
        return QStringLiteral("the server closed the connection before the whole response arrived");
    case QNetworkReply::TimeoutError:
        return QStringLiteral("the connection timed out");
    case QNetworkReply::SslHandshakeFailedError:
        return QStringLiteral("TLS handshake failed: %1").arg(reply->errorString());
    case QNetworkReply::TooManyRedirectsError:
        return QStringLiteral("too many redirects");
    case QNetworkReply::InsecureRedirectError:
        return QStringLiteral("refused a redirect from https to http");
    default:
        return reply->errorString();
    }
}

QString statusText(int status)
{
    return QStringLiteral("HTTP %1 %2").arg(status).arg(QString::fromLatin1(DemoRoutes::reasonPhrase(status)));
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

HttpClient::HttpClient(Clock &clock, int connectionsPerHost, QUrl demoBase, QString demoError)
    : m_clock(clock)
    , m_connectionsPerHost(connectionsPerHost)
    , m_demoBase(std::move(demoBase))
    , m_demoError(std::move(demoError))
{
}

HttpClient::~HttpClient() = default;

Semaphore &HttpClient::slotsFor(const QUrl &url)
{
    const QString key = url.scheme() + QLatin1Char('/') + url.host() + QLatin1Char(':') + QString::number(url.port(-1));
    std::unique_ptr<Semaphore> &slots = m_hosts[key];
    if (!slots)
        slots = std::make_unique<Semaphore>(m_connectionsPerHost);
    return *slots;
}

int HttpClient::pickManager()
{
#if QT_VERSION >= QT_VERSION_CHECK(6, 5, 0)
    const int managers = 1; // one manager, told how many connections to open
#else
    const int managers = (m_connectionsPerHost + qtConnectionsPerManager - 1) / qtConnectionsPerManager;
#endif
    if (m_managers.empty()) {
        for (int i = 0; i < managers; ++i) {
            m_managers.push_back(std::make_unique<QNetworkAccessManager>());
            m_inFlight.push_back(0);
        }
    }
    return static_cast<int>(std::min_element(m_inFlight.begin(), m_inFlight.end()) - m_inFlight.begin());
}

Task<HttpResult> HttpClient::fetch(const FetchRequest &spec, PhaseSink phase)
{
    const QUrl asked(spec.url);
    if (DemoServerHost::isDemoUrl(asked) && m_demoBase.isEmpty() && !m_clock.isVirtual())
        throw TaskFailure{QStringLiteral("the demo server could not start: %1").arg(m_demoError)};
    const QUrl url = m_clock.isVirtual() ? asked : DemoServerHost::resolve(asked, m_demoBase);
    Semaphore &slots = slotsFor(url);
    phase(PhaseKind::WaitConnection, true);
    try {
        co_await slots.acquire();
    } catch (...) {
        phase(PhaseKind::WaitConnection, false);
        throw;
    }
    phase(PhaseKind::WaitConnection, false);
    Permit permit(slots);
    // Two plain statements: g++ 12 miscompiles co_await inside a conditional expression.
    HttpResult result;
    if (m_clock.isVirtual())
        result = co_await simulate(asked, phase);
    else
        result = co_await fetchReal(spec, url, phase);
    checkStatus(spec, result.status);
    co_return result;
}

Task<HttpResult> HttpClient::simulate(const QUrl &url, PhaseSink phase)
{
    // The virtual clock cannot open sockets; it knows what the demo server would do and when.
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
    phase(PhaseKind::WaitingFirstByte, true);
    co_await sleepFor(response.delay);
    phase(PhaseKind::WaitingFirstByte, false);
    if (response.dripDuration > 0) {
        phase(PhaseKind::Downloading, true);
        co_await sleepFor(response.dripDuration);
        phase(PhaseKind::Downloading, false);
    }
    HttpResult result;
    result.status = response.status;
    result.bytes = response.body.size();
    result.hops << url.toString();
    co_return result;
}

Task<HttpResult> HttpClient::fetchReal(const FetchRequest &spec, const QUrl &url, PhaseSink phase)
{
    QNetworkRequest request(url);
    for (auto it = spec.headers.begin(); it != spec.headers.end(); ++it)
        request.setRawHeader(it.key().toUtf8(), it.value().toUtf8());
#if QT_VERSION >= QT_VERSION_CHECK(6, 5, 0)
    QHttp1Configuration http1;
    http1.setNumberOfConnectionsPerHost(static_cast<unsigned>(std::min(m_connectionsPerHost, 255)));
    request.setHttp1Configuration(http1);
#endif
    const int managerIndex = pickManager();
    QNetworkAccessManager &manager = *m_managers[static_cast<std::size_t>(managerIndex)];
    const QByteArray method = spec.method.isEmpty() ? QByteArray("GET") : spec.method.toLatin1();
    QNetworkReply *raw = method == "HEAD" ? manager.head(request)
        : method == "POST"                 ? manager.post(request, spec.body.toUtf8())
                                           : manager.get(request);
    std::unique_ptr<QNetworkReply, DeleteLater> reply(raw);
    ++m_inFlight[static_cast<std::size_t>(managerIndex)];

    const qint64 maxBytes = spec.maxBytes.value_or(defaultMaxBytes);
    HttpResult result;
    result.hops << spec.url;
    QString tooLarge;
    bool connecting = false;
    bool waitingFirstByte = false;
    bool downloading = false;
    // The waterfall, as the reply reports it: connecting only when no kept-alive connection was free.
    QObject::connect(raw, &QNetworkReply::socketStartedConnecting, raw, [&] {
        connecting = true;
        phase(PhaseKind::Connecting, true);
    });
    QObject::connect(raw, &QNetworkReply::requestSent, raw, [&] {
        if (connecting)
            phase(PhaseKind::Connecting, false);
        connecting = false;
        waitingFirstByte = true;
        phase(PhaseKind::WaitingFirstByte, true);
    });
    QObject::connect(raw, &QNetworkReply::metaDataChanged, raw, [&] {
        if (waitingFirstByte)
            phase(PhaseKind::WaitingFirstByte, false);
        waitingFirstByte = false;
        if (!downloading) {
            downloading = true;
            phase(PhaseKind::Downloading, true);
        }
        const QVariant length = raw->header(QNetworkRequest::ContentLengthHeader);
        if (length.isValid() && length.toLongLong() > maxBytes) {
            tooLarge = QStringLiteral("the response is %1 bytes, more than max_bytes (%2)").arg(length.toLongLong()).arg(maxBytes);
            raw->abort();
        }
    });
    QObject::connect(raw, &QNetworkReply::readyRead, raw, [&] {
        // Counted as it arrives and thrown away: a huge body never sits in memory.
        result.bytes += raw->read(raw->bytesAvailable()).size();
        if (result.bytes > maxBytes && tooLarge.isEmpty()) {
            tooLarge = QStringLiteral("the response grew past max_bytes (%1) while downloading").arg(maxBytes);
            raw->abort();
        }
    });
    QObject::connect(raw, &QNetworkReply::redirected, raw, [&](const QUrl &to) { result.hops << to.toString(); });

    std::exception_ptr cancelled;
    try {
        co_await ReplyAwaiter(raw);
    } catch (...) {
        cancelled = std::current_exception();
    }
    raw->disconnect(); // the lambdas above refer to this frame; nothing may call them from now on
    --m_inFlight[static_cast<std::size_t>(managerIndex)];
    if (connecting)
        phase(PhaseKind::Connecting, false);
    if (waitingFirstByte)
        phase(PhaseKind::WaitingFirstByte, false);
    if (downloading)
        phase(PhaseKind::Downloading, false);
    if (cancelled)
        std::rethrow_exception(cancelled);
    if (!tooLarge.isEmpty())
        throw TaskFailure{tooLarge};
    const QVariant status = raw->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    if (status.isValid()) {
        result.status = status.toInt();
        result.bytes += raw->readAll().size();
        // 2xx-4xx content and server errors are answers: the status decides, not Qt's error.
        const int error = raw->error();
        const bool answered = error == QNetworkReply::NoError || (error >= QNetworkReply::ContentAccessDenied && error < QNetworkReply::ProtocolUnknownError)
            || (error >= QNetworkReply::InternalServerError && error <= QNetworkReply::UnknownServerError);
        if (answered)
            co_return result; // the caller judges the status
    }
    throw TaskFailure{failureReason(raw)};
}

} // namespace concviz
