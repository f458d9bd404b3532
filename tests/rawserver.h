#pragma once

// A server for the tests that answers every request with exactly the bytes it is given, on a
// thread of its own: for the responses no well-behaved server sends.

#include <QHostAddress>
#include <QTcpServer>
#include <QTcpSocket>
#include <QThread>

namespace concviz::test {

// Once a request's head has arrived, sends `response`; then, when `filler` is not empty, sends it
// again and again as the client reads, up to fillerLimit bytes (a header line with no end, say),
// and falls silent. The connection stays open unless `close` is set: a silent server is one with
// nothing to send.
//
// The limit is there because Qt 6.4's network thread, while bytes keep coming for a head, does not
// get to an abort: a client's run would end only once the test's server stopped.
class RawServer
{
public:
    explicit RawServer(QByteArray response, QByteArray filler = {}, bool close = false)
    {
        m_thread.start();
        m_server = new QTcpServer;
        m_server->moveToThread(&m_thread);
        QMetaObject::invokeMethod(
            m_server,
            [this, response = std::move(response), filler = std::move(filler), close] {
                QObject::connect(m_server, &QTcpServer::newConnection, m_server,
                                 [this, response, filler, close] { serveNext(response, filler, close); });
                m_server->listen(QHostAddress::LocalHost, 0);
                m_port = m_server->serverPort();
            },
            Qt::BlockingQueuedConnection);
        if (m_port == 0)
            qFatal("the raw test server could not listen");
    }
    ~RawServer()
    {
        // The sockets are the server's children: they go with it, on its thread.
        QMetaObject::invokeMethod(m_server, [this] { delete m_server; }, Qt::BlockingQueuedConnection);
        m_thread.quit();
        m_thread.wait();
    }
    RawServer(const RawServer &) = delete;
    RawServer &operator=(const RawServer &) = delete;

    QString url(const QString &path = QStringLiteral("/")) const { return QStringLiteral("http://127.0.0.1:%1%2").arg(m_port).arg(path); }

private:
    void serveNext(const QByteArray &response, const QByteArray &filler, bool close)
    {
        QTcpSocket *socket = m_server->nextPendingConnection();
        if (!socket)
            return;
        socket->setParent(m_server);
        auto answered = std::make_shared<bool>(false);
        auto head = std::make_shared<QByteArray>();
        QObject::connect(socket, &QTcpSocket::readyRead, socket, [=] {
            head->append(socket->readAll());
            if (*answered || !head->contains("\r\n\r\n"))
                return;
            *answered = true;
            socket->write(response);
            if (!filler.isEmpty())
                socket->write(filler);
            if (close)
                socket->disconnectFromHost();
        });
        // More filler only as the client takes it, so the server's memory stays small.
        auto sent = std::make_shared<qint64>(filler.size());
        QObject::connect(socket, &QTcpSocket::bytesWritten, socket, [=] {
            if (!filler.isEmpty() && *sent < fillerLimit && socket->state() == QAbstractSocket::ConnectedState
                && socket->bytesToWrite() < filler.size()) {
                socket->write(filler);
                *sent += filler.size();
            }
        });
    }

    static constexpr qint64 fillerLimit = 1024 * 1024;

    QThread m_thread;
    QTcpServer *m_server = nullptr;
    quint16 m_port = 0;
};

} // namespace concviz::test
