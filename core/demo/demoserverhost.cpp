#include "demoserverhost.h"

#include "../async/cancellation.h"
#include "demoserver.h"

#include <QCoreApplication>
#include <QMutex>
#include <QThread>

namespace concviz {

namespace {

struct Host
{
    QMutex mutex;
    QThread *thread = nullptr;
    QUrl base;
    QString error;
};

Host &host()
{
    static Host h;
    return h;
}

void stopHost()
{
    Host &h = host();
    QMutexLocker lock(&h.mutex);
    if (h.thread) {
        h.thread->quit();
        h.thread->wait();
        delete h.thread;
        h.thread = nullptr;
    }
}

} // namespace

QUrl DemoServerHost::baseUrl(QString *error)
{
    Host &h = host();
    QMutexLocker lock(&h.mutex);
    if (!h.thread) {
        h.thread = new QThread;
        h.thread->setObjectName(QStringLiteral("demo server"));
        auto *server = new DemoServer;
        server->moveToThread(h.thread);
        QObject::connect(h.thread, &QThread::finished, server, &QObject::deleteLater);
        h.thread->start();
        QMetaObject::invokeMethod(
            server,
            [&h, server] {
                if (server->listen(QHostAddress::LocalHost, 0, &h.error))
                    h.base = server->baseUrl();
            },
            Qt::BlockingQueuedConnection);
        qAddPostRoutine(stopHost);
    }
    if (h.base.isEmpty() && error)
        *error = h.error;
    return h.base;
}

bool DemoServerHost::isDemoUrl(const QUrl &url)
{
    return url.host().compare(QLatin1String("demo"), Qt::CaseInsensitive) == 0;
}

QUrl DemoServerHost::resolveStarting(const QUrl &url)
{
    if (!isDemoUrl(url))
        return url;
    QString error;
    const QUrl base = baseUrl(&error);
    if (base.isEmpty())
        throw TaskFailure{QStringLiteral("the demo server could not start: %1").arg(error)};
    return resolve(url, base);
}

QUrl DemoServerHost::resolve(const QUrl &url, const QUrl &base)
{
    if (!isDemoUrl(url))
        return url;
    QUrl resolved = url;
    resolved.setScheme(base.scheme());
    resolved.setHost(base.host());
    resolved.setPort(base.port());
    return resolved;
}

} // namespace concviz
