#include "networktransport.h"

#include "../async/cancellation.h"
#include "replyawaiter.h"
#include "responsecheck.h"

#include <QNetworkRequest>
#include <QTimer>
#include <QtGlobal>

#if QT_VERSION >= QT_VERSION_CHECK(6, 5, 0)
#include <QHttp1Configuration>
#endif

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <mutex>

namespace concviz {

namespace {

// Qt 6.4's fixed number of connections per host:port for one manager.
constexpr int qtConnectionsPerManager = 6;

// Qt 6.4 prints this whenever a reply that already has an error (a status of 400 or more, while
// its body still arrives) is aborted: the abort is ours and meant, and the warning would only puzzle
// the user. Every other message goes on to the handler that was there before.
QtMessageHandler previousHandler = nullptr;

void dropAbortWarning(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    if (type == QtWarningMsg && message.startsWith(QLatin1String("QNetworkReplyImplPrivate::error: Internal problem")))
        return;
    if (previousHandler)
        previousHandler(type, context, message);
    else
        std::fputs(qPrintable(qFormatLogMessage(type, context, message) + QLatin1Char('\n')), stderr);
}

// Atomic: runs on other threads may start requests while a test changes it.
std::atomic<qint64> defaultDeadlineMs{60 * 1000};

struct DeleteLater
{
    void operator()(QObject *o) const { o->deleteLater(); }
};

QString seconds(std::chrono::milliseconds ms)
{
    return QString::number(static_cast<double>(ms.count()) / 1000.0);
}

// `asked` is the URL as the task wrote it (http://demo/... before it is resolved).
QString failureReason(QNetworkReply *reply, const QString &asked, qint64 maxBytes)
{
    const QUrl url = reply->url();
    const QByteArray encoding = reply->rawHeader("Content-Encoding");
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    // Qt says only "Decompression failed" for a body that is not what its encoding claims and for
    // one that expands so far it gives up (past max_bytes, at more than 40 times its size).
    if (!encoding.isEmpty() && status < 400 && reply->error() == QNetworkReply::UnknownContentError)
        return QStringLiteral("the response from %1 could not be decompressed (Content-Encoding: %2): it is corrupt or expands past max_bytes (%3)")
            .arg(asked, QString::fromLatin1(encoding.left(40)), QString::number(maxBytes));
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
    case QNetworkReply::ProtocolUnknownError: {
        // A redirect Qt cannot follow: say where it wanted to go, in our words.
        const QUrl target = url.resolved(QUrl::fromEncoded(reply->rawHeader("Location").left(2000)));
        return QStringLiteral("refused a redirect from %1 to %2: only http and https URLs can be fetched").arg(asked, target.toString());
    }
    default:
        return reply->errorString();
    }
}

} // namespace

NetworkTransport::NetworkTransport(int connectionsPerHost, std::function<QUrl(const QUrl &)> resolve)
    : m_connectionsPerHost(connectionsPerHost)
    , m_resolve(std::move(resolve))
{
    static std::once_flag installed;
    std::call_once(installed, [] { previousHandler = qInstallMessageHandler(dropAbortWarning); });
}

NetworkTransport::~NetworkTransport() = default;

std::chrono::milliseconds NetworkTransport::defaultDeadline()
{
    return std::chrono::milliseconds(defaultDeadlineMs.load());
}

void NetworkTransport::setDefaultDeadline(std::chrono::milliseconds deadline)
{
    defaultDeadlineMs.store(deadline.count());
}

int NetworkTransport::pickManager()
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

Task<HttpResult> NetworkTransport::exchange(const FetchRequest &spec, HttpPhaseSink phase)
{
    const QUrl url = m_resolve ? m_resolve(QUrl(spec.url)) : QUrl(spec.url);
    QNetworkRequest request(url);
    for (auto it = spec.headers.begin(); it != spec.headers.end(); ++it)
        request.setRawHeader(it.key().toUtf8(), it.value().toUtf8());
#if QT_VERSION >= QT_VERSION_CHECK(6, 5, 0)
    QHttp1Configuration http1;
    http1.setNumberOfConnectionsPerHost(static_cast<unsigned>(std::min(m_connectionsPerHost, 255)));
    request.setHttp1Configuration(http1);
#endif
    const qint64 maxBytes = spec.maxBytes.value_or(defaultMaxBytes);
    // Qt distrusts a body that decompresses to more than 40 times its size once past this much; at
    // max_bytes, the budget and Qt's check agree (its default of 10 MiB would refuse a larger budget).
    request.setDecompressedSafetyCheckThreshold(maxBytes);
    const int managerIndex = pickManager();
    QNetworkAccessManager &manager = *m_managers[static_cast<std::size_t>(managerIndex)];
    const QByteArray method = spec.method.isEmpty() ? QByteArray("GET") : spec.method.toLatin1();
    QNetworkReply *raw = method == "HEAD" ? manager.head(request)
        : method == "POST"                 ? manager.post(request, spec.body.toUtf8())
                                           : manager.get(request);
    std::unique_ptr<QNetworkReply, DeleteLater> reply(raw);
    ++m_inFlight[static_cast<std::size_t>(managerIndex)];

    HttpResult result;
    result.hops << spec.url;
    QString failure; // why the reply was aborted, in words
    qint64 head = 0; // the status line's and headers' bytes, which max_bytes counts as well
    bool answered = false;
    bool connecting = false;
    bool waitingFirstByte = false;
    bool downloading = false;
    auto abortWith = [&](const QString &why) {
        if (!failure.isEmpty())
            return;
        failure = why;
        // Not from inside the reply's own signal: Qt 6.4 would go on to report its error a second
        // time and print an internal warning for the user to puzzle over.
        QMetaObject::invokeMethod(raw, &QNetworkReply::abort, Qt::QueuedConnection);
    };
    auto overBudget = [&] {
        const bool decoded = !raw->rawHeader("Content-Encoding").isEmpty();
        return QStringLiteral("the response from %1 grew past max_bytes (%2) while downloading%3")
            .arg(spec.url, QString::number(maxBytes), decoded ? QStringLiteral(", decompressed") : QString());
    };
    // The waterfall, as the reply reports it: connecting only when no kept-alive connection was free.
    QObject::connect(raw, &QNetworkReply::socketStartedConnecting, raw, [&] {
        connecting = true;
        phase(HttpPhase::Connecting, true);
    });
    QObject::connect(raw, &QNetworkReply::requestSent, raw, [&] {
        if (connecting)
            phase(HttpPhase::Connecting, false);
        connecting = false;
        waitingFirstByte = true;
        phase(HttpPhase::WaitingFirstByte, true);
    });
    QObject::connect(raw, &QNetworkReply::metaDataChanged, raw, [&] {
        answered = true;
        if (waitingFirstByte)
            phase(HttpPhase::WaitingFirstByte, false);
        waitingFirstByte = false;
        if (!downloading) {
            downloading = true;
            phase(HttpPhase::Downloading, true);
        }
        if (const QString malformed = malformedHead(*raw); !malformed.isEmpty())
            return abortWith(QStringLiteral("malformed response from %1: %2").arg(spec.url, malformed));
        // Qt 6.4 gathers the head in its network thread and shows it only once whole, so it can be
        // counted here and no sooner. A head that never ends is ended for the task by the deadline
        // alone; Qt's thread, busy reading it, reads on until the server stops.
        head = headBytes(*raw);
        // The answer to a HEAD announces the length of a body it does not send.
        const QVariant length = raw->header(QNetworkRequest::ContentLengthHeader);
        const qint64 announced = head + (length.isValid() && method != "HEAD" ? length.toLongLong() : 0);
        if (announced > maxBytes)
            abortWith(QStringLiteral("the response from %1 is %2 bytes with its headers, more than max_bytes (%3)")
                          .arg(spec.url, QString::number(announced), QString::number(maxBytes)));
    });
    QObject::connect(raw, &QNetworkReply::readyRead, raw, [&] {
        // Counted as it arrives (decompressed, as Qt hands it over) and thrown away: a huge body
        // never sits in memory.
        result.bytes += raw->read(raw->bytesAvailable()).size();
        if (head + result.bytes > maxBytes)
            abortWith(overBudget());
    });
    // One deadline for the whole exchange, not Qt's transfer timeout: that one restarts with every
    // byte, so a server that trickles (or sends an endless header line) would never meet it.
    QTimer deadline;
    deadline.setSingleShot(true);
    deadline.setTimerType(Qt::PreciseTimer); // a deadline must not come early
    const std::chrono::milliseconds allowed = defaultDeadline();
    QObject::connect(&deadline, &QTimer::timeout, raw, [&] {
        abortWith(answered ? QStringLiteral("the response from %1 did not finish within %2 s").arg(spec.url, seconds(allowed))
                           : QStringLiteral("no answer from %1 within %2 s").arg(spec.url, seconds(allowed)));
    });
    if (!spec.timedByTask)
        deadline.start(allowed);
    QObject::connect(raw, &QNetworkReply::redirected, raw, [&](const QUrl &to) { result.hops << to.toString(); });

    std::exception_ptr cancelled;
    try {
        co_await ReplyAwaiter(raw);
    } catch (...) {
        cancelled = std::current_exception();
    }
    raw->disconnect(); // the lambdas above refer to this frame; nothing may call them from now on
    deadline.stop();
    --m_inFlight[static_cast<std::size_t>(managerIndex)];
    if (connecting)
        phase(HttpPhase::Connecting, false);
    if (waitingFirstByte)
        phase(HttpPhase::WaitingFirstByte, false);
    if (downloading)
        phase(HttpPhase::Downloading, false);
    if (cancelled)
        std::rethrow_exception(cancelled);
    if (!failure.isEmpty())
        throw TaskFailure{failure};
    const QVariant status = raw->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    if (status.isValid()) {
        result.status = status.toInt();
        result.bytes += raw->readAll().size();
        if (head + result.bytes > maxBytes)
            throw TaskFailure{overBudget()};
        // Qt turns a status of 400 or more into an error of its own: that is an answer, and the
        // status decides. Below 400 an error is something that broke after the head (a body that
        // would not decompress, a connection closed early): the task fails with it.
        const int error = raw->error();
        const bool statusError = result.status >= 400
            && ((error >= QNetworkReply::ContentAccessDenied && error < QNetworkReply::ProtocolUnknownError)
                || (error >= QNetworkReply::InternalServerError && error <= QNetworkReply::UnknownServerError));
        if (error == QNetworkReply::NoError || statusError)
            co_return result; // the caller judges the status
    }
    throw TaskFailure{failureReason(raw, spec.url, maxBytes)};
}

} // namespace concviz
