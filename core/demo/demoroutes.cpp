#include "demoroutes.h"

#include "../http/httpstatus.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUrl>
#include <QUrlQuery>

#include <cmath>

namespace concviz {

namespace {

DemoResponse json(int status, const QJsonObject &o)
{
    DemoResponse r;
    r.status = status;
    r.body = QJsonDocument(o).toJson(QJsonDocument::Compact) + '\n';
    return r;
}

DemoResponse problem(int status, const QString &message)
{
    return json(status, {{QStringLiteral("error"), message}});
}

} // namespace

QByteArray DemoResponse::bodyPiece(qint64 offset, qint64 length) const
{
    return fillerBytes > 0 ? DemoRoutes::filler(offset, length) : body.mid(offset, length);
}

QByteArray DemoRoutes::filler(qint64 offset, qint64 length)
{
    static const QByteArray pattern = "ConcViz demo bytes. ";
    QByteArray out;
    out.reserve(length);
    qint64 at = offset % pattern.size();
    while (out.size() < length) {
        const qint64 n = std::min<qint64>(pattern.size() - at, length - out.size());
        out.append(pattern.constData() + at, n);
        at = 0;
    }
    return out;
}

DemoResponse DemoRoutes::route(const HttpRequest &request)
{
    const QUrlQuery query(QUrl(QString::fromLatin1("http://demo") + QString::fromLatin1(request.target)));
    if (!query.hasQueryItem(QStringLiteral("delay")))
        return endpoint(request);
    bool ok = false;
    const double seconds = query.queryItemValue(QStringLiteral("delay")).toDouble(&ok);
    if (!ok || !std::isfinite(seconds) || seconds < 0)
        return problem(400, QStringLiteral("?delay= needs a number of seconds"));
    DemoResponse r = endpoint(request);
    // On top of an endpoint's own wait, within the same cap.
    r.delay = std::min(r.delay + fromMs(seconds * 1000.0), fromMs(maxDelaySeconds * 1000.0));
    return r;
}

DemoResponse DemoRoutes::endpoint(const HttpRequest &request)
{
    const QUrl url(QString::fromLatin1("http://demo") + QString::fromLatin1(request.target));
    const QString path = url.path();
    const QStringList parts = path.split(QLatin1Char('/'), Qt::SkipEmptyParts);
    const QString first = parts.value(0);
    const QString arg = parts.value(1);

    if (parts.isEmpty()) {
        return json(200, {{QStringLiteral("service"), QStringLiteral("ConcViz demo server")},
                          {QStringLiteral("endpoints"),
                           QJsonArray{QStringLiteral("/delay/{seconds}"), QStringLiteral("/status/{code}"), QStringLiteral("/bytes/{n}"),
                                      QStringLiteral("/drip?numbytes=N&duration=S"), QStringLiteral("/json"),
                                      QStringLiteral("/users/{name}"), QStringLiteral("/post"), QStringLiteral("/close"),
                                      QStringLiteral("/reset")}}});
    }
    if (first == QLatin1String("delay") && parts.size() == 2) {
        bool ok = false;
        const double seconds = arg.toDouble(&ok);
        if (!ok || !std::isfinite(seconds) || seconds < 0)
            return problem(400, QStringLiteral("/delay/{seconds} needs a number of seconds"));
        const double capped = std::min(seconds, maxDelaySeconds);
        DemoResponse r = json(200, {{QStringLiteral("delay"), capped}});
        r.delay = fromMs(capped * 1000.0);
        return r;
    }
    if (first == QLatin1String("status") && parts.size() == 2) {
        bool ok = false;
        const int code = arg.toInt(&ok);
        if (!ok || code < 200 || code > 599)
            return problem(400, QStringLiteral("/status/{code} needs a code from 200 to 599"));
        DemoResponse r = json(code, {{QStringLiteral("status"), code}});
        if (code == 204)
            r.body.clear();
        return r;
    }
    if (first == QLatin1String("bytes") && parts.size() == 2) {
        bool ok = false;
        const qint64 n = arg.toLongLong(&ok);
        if (!ok || n < 0)
            return problem(400, QStringLiteral("/bytes/{n} needs a number of bytes"));
        DemoResponse r;
        r.contentType = "application/octet-stream";
        r.fillerBytes = std::min(n, maxBytes);
        return r;
    }
    if (first == QLatin1String("drip") && parts.size() == 1) {
        const QUrlQuery query(url);
        bool okBytes = true, okDuration = true;
        const qint64 n = query.hasQueryItem(QStringLiteral("numbytes")) ? query.queryItemValue(QStringLiteral("numbytes")).toLongLong(&okBytes) : 10;
        const double seconds = query.hasQueryItem(QStringLiteral("duration")) ? query.queryItemValue(QStringLiteral("duration")).toDouble(&okDuration) : 2;
        if (!okBytes || !okDuration || n < 0 || !std::isfinite(seconds) || seconds < 0)
            return problem(400, QStringLiteral("/drip needs numbytes=N and duration=SECONDS"));
        DemoResponse r;
        r.contentType = "application/octet-stream";
        r.fillerBytes = std::min<qint64>(n, 10 * 1024 * 1024);
        r.dripDuration = fromMs(std::min(seconds, maxDelaySeconds) * 1000.0);
        return r;
    }
    if (first == QLatin1String("json") && parts.size() == 1) {
        return json(200, {{QStringLiteral("slideshow"),
                           QJsonObject{{QStringLiteral("title"), QStringLiteral("Concurrency in one picture")},
                                       {QStringLiteral("slides"), QJsonArray{QStringLiteral("sequential"), QStringLiteral("gather"),
                                                                             QStringLiteral("semaphore")}}}}});
    }
    if (first == QLatin1String("users") && parts.size() == 2) {
        const uint h = qHash(arg);
        return json(200, {{QStringLiteral("login"), arg},
                          {QStringLiteral("id"), static_cast<int>(h % 100000)},
                          {QStringLiteral("public_repos"), static_cast<int>(h % 97)},
                          {QStringLiteral("followers"), static_cast<int>((h / 97) % 1000)}});
    }
    if (first == QLatin1String("post") && parts.size() == 1) {
        if (request.method != "POST")
            return problem(405, QStringLiteral("/post takes POST"));
        return json(200, {{QStringLiteral("received_bytes"), static_cast<qint64>(request.body.size())},
                          {QStringLiteral("data"), QString::fromUtf8(request.body.left(1000))}});
    }
    if (first == QLatin1String("close") && parts.size() == 1) {
        DemoResponse r;
        r.action = DemoResponse::Action::Close;
        return r;
    }
    if (first == QLatin1String("reset") && parts.size() == 1) {
        DemoResponse r;
        r.action = DemoResponse::Action::Reset;
        return r;
    }
    return problem(404, QStringLiteral("no such endpoint: %1").arg(path));
}

} // namespace concviz
