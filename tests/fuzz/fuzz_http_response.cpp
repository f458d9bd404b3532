// The HTTP client faces whatever a server sends. Any bytes as the answer to a request must end the
// task ok or failed with a reason in words, within its timeout, and an ok answer is a real status
// and within max_bytes: never a crash, a hang or a lie.
//
// A server on a thread of its own answers every request with the input and closes the connection;
// the task is a real run of the engine, as `concviz run` does it.

#include "engine/comparison.h"
#include "scenario/scenarioreader.h"

#include <QCoreApplication>
#include <QMutex>
#include <QTcpServer>
#include <QTcpSocket>
#include <QThread>

#include <cstddef>
#include <cstdint>

using namespace concviz;

namespace {

constexpr qint64 maxBytes = 65536;

class ResponseServer
{
public:
    ResponseServer()
    {
        m_thread.start();
        m_server = new QTcpServer;
        m_server->moveToThread(&m_thread);
        QMetaObject::invokeMethod(
            m_server,
            [this] {
                QObject::connect(m_server, &QTcpServer::newConnection, m_server, [this] { answerNext(); });
                m_server->listen(QHostAddress::LocalHost, 0);
                m_port = m_server->serverPort();
            },
            Qt::BlockingQueuedConnection);
        if (m_port == 0)
            qFatal("the response server could not listen");
    }
    ~ResponseServer()
    {
        QMetaObject::invokeMethod(m_server, [this] { delete m_server; }, Qt::BlockingQueuedConnection);
        m_thread.quit();
        m_thread.wait();
    }
    void setResponse(const QByteArray &response)
    {
        QMutexLocker lock(&m_mutex);
        m_response = response;
    }
    QString url() const { return QStringLiteral("http://127.0.0.1:%1/fuzz").arg(m_port); }

private:
    void answerNext()
    {
        QTcpSocket *socket = m_server->nextPendingConnection();
        if (!socket)
            return;
        socket->setParent(m_server);
        QObject::connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        QObject::connect(socket, &QTcpSocket::readyRead, socket, [this, socket] {
            // Once the request's head is in; what follows it (a POST body) is read and dropped.
            QByteArray head = socket->property("head").toByteArray() + socket->readAll();
            socket->setProperty("head", head);
            if (socket->property("answered").toBool() || !head.contains("\r\n\r\n"))
                return;
            socket->setProperty("answered", true);
            QMutexLocker lock(&m_mutex);
            socket->write(m_response);
            socket->disconnectFromHost();
        });
    }

    QThread m_thread;
    QTcpServer *m_server = nullptr;
    quint16 m_port = 0;
    QMutex m_mutex;
    QByteArray m_response;
};

Scenario scenarioFor(const QString &url, bool head)
{
    const QByteArray json = "{\"concviz\": 1, \"tasks\": [{\"name\": \"fetch\", \"kind\": \"http\", \"url\": \"" + url.toUtf8()
        + "\", \"method\": \"" + (head ? "HEAD" : "GET") + "\", \"max_bytes\": " + QByteArray::number(maxBytes)
        + ", \"timeout_ms\": 3000}]}";
    ScenarioReadResult result = ScenarioReader::read(json, QStringLiteral("<fuzz>"));
    if (!result.scenario)
        qFatal("%s", qPrintable(result.errors.join(QLatin1Char('\n'))));
    return *result.scenario;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static int argc = 1;
    static char name[] = "fuzz_http_response";
    static char *argv[] = {name, nullptr};
    static QCoreApplication app(argc, argv);
    static ResponseServer server;
    static const Scenario get = scenarioFor(server.url(), false);
    static const Scenario head = scenarioFor(server.url(), true);
    static const QList<StrategySpec> gather{*StrategySpec::parse(QStringLiteral("gather"), nullptr)};
    if (size == 0)
        return 0;
    // The first byte picks the method; the rest is the answer.
    server.setResponse(QByteArray(reinterpret_cast<const char *>(data + 1), static_cast<qsizetype>(size - 1)));
    const Trace trace = Comparison::run(data[0] % 2 ? head : get, gather, ClockKind::Real).value(0);
    // What the run left to be deleted once control is back in the event loop: this program has no
    // loop of its own to get back to.
    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
    const TaskTrace task = trace.tasks.value(0);
    if (trace.tasks.size() != 1 || task.outcome == Outcome::Pending || task.outcome == Outcome::Cancelled)
        __builtin_trap(); // the run did not end the task
    if (task.outcome == Outcome::Ok && (task.extras().httpStatus < 100 || task.extras().httpStatus > 599 || task.extras().bytes > maxBytes))
        __builtin_trap(); // an answer no server may give was taken as one
    if (task.outcome != Outcome::Ok && task.error.trimmed().isEmpty())
        __builtin_trap(); // a failure that does not say why
    return 0;
}
