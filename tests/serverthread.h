#pragma once

// A demo server on a thread of its own for the tests, so they can block on their clients.

#include "demo/demoserver.h"

#include <QThread>

#include <functional>

namespace concviz::test {

// The server on a thread of its own, as the program runs it, so that the test can block on its
// clients. Its counters are read on its own thread.
class ServerThread
{
public:
    explicit ServerThread(Micros headerTimeout = 10 * 1000 * 1000)
    {
        m_thread.start();
        m_server = new DemoServer;
        m_server->setHeaderTimeout(headerTimeout);
        m_server->moveToThread(&m_thread);
        QMetaObject::invokeMethod(
            m_server, [this] { m_server->listen(QHostAddress::LocalHost, 0, &m_error); }, Qt::BlockingQueuedConnection);
        if (!m_error.isEmpty())
            qFatal("%s", qPrintable(m_error));
        m_port = read([this] { return static_cast<qint64>(m_server->port()); });
    }
    ~ServerThread()
    {
        QMetaObject::invokeMethod(m_server, [this] { delete m_server; }, Qt::BlockingQueuedConnection);
        m_thread.quit();
        m_thread.wait();
    }
    // Runs `fn` on the server's thread, for settings that take effect at once.
    void configure(const std::function<void(DemoServer &)> &fn)
    {
        read([&] {
            fn(*m_server);
            return qint64(0);
        });
    }
    quint16 port() const { return static_cast<quint16>(m_port); }
    int openConnections() { return static_cast<int>(read([this] { return static_cast<qint64>(m_server->openConnections()); })); }
    qint64 requestsServed() { return read([this] { return m_server->requestsServed(); }); }
    qint64 queuedBytes() { return read([this] { return m_server->queuedBytes(); }); }
    qint64 bufferedInputBytes() { return read([this] { return m_server->bufferedInputBytes(); }); }

private:
    qint64 read(const std::function<qint64()> &fn)
    {
        qint64 value = 0;
        QMetaObject::invokeMethod(m_server, [&] { value = fn(); }, Qt::BlockingQueuedConnection);
        return value;
    }
    QThread m_thread;
    DemoServer *m_server = nullptr;
    QString m_error;
    qint64 m_port = 0;
};

} // namespace concviz::test
