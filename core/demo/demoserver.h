#pragma once

#include "../async/realclock.h"
#include "democonnection.h"
#include "demolistener.h"
#include "demooutputbudget.h"

#include <QHostAddress>
#include <QObject>
#include <QSet>
#include <QUrl>

namespace concviz {

// A small HTTP/1.1 server for lessons that need no internet: one thread, event driven, thousands of
// delayed answers at once on one clock. Listens on 127.0.0.1 unless told otherwise.
class DemoServer : public QObject
{
    Q_OBJECT
public:
    // Unsent answers the server holds at most over all connections, beyond each one's small share.
    static constexpr qint64 defaultOutputBudget = 16 * 1024 * 1024;
    static constexpr int defaultMaxConnections = 512;
    // Clients over the cap being told 503 at once; past these, more are closed unanswered.
    static constexpr int maxTurningAway = 64;

    explicit DemoServer(QObject *parent = nullptr);
    ~DemoServer() override;

    // Port 0 picks a free one. On failure returns false and says why.
    bool listen(const QHostAddress &address, quint16 port, QString *error);
    quint16 port() const { return m_server.serverPort(); }
    QUrl baseUrl() const;
    int openConnections() const { return m_open; }
    // How long a client may take to send a request's headers before it is dropped (default 10 s).
    void setHeaderTimeout(Micros timeout) { m_timeouts.header = timeout; }
    // How long a connection may wait for its first or next request before it is closed (15 s).
    void setIdleTimeout(Micros timeout) { m_timeouts.idle = timeout; }
    // How long a client may leave an answer untaken before it is dropped (30 s).
    void setSendTimeout(Micros timeout) { m_timeouts.send = timeout; }
    // Each applies to connections accepted from then on.
    // Connections served at once at most (fewer when the process may open too few files for them).
    // A client over it takes the place of the connection idle the longest, or, when none is idle,
    // is answered 503 and closed.
    void setMaxConnections(int count) { m_maxConnections = count; }
    qint64 requestsServed() const { return m_served; }
    // Clients closed unanswered because the process had no file descriptor left for them.
    qint64 droppedForDescriptors() const { return m_server.droppedForDescriptors(); }
    void setOutputBudget(qint64 bytes) { m_budget.setLimit(bytes); }
    // Answers written and not yet taken by the operating system, over all connections.
    qint64 queuedBytes() const { return m_budget.used(); }
    // Request bytes read and not yet answered, over all connections.
    qint64 bufferedInputBytes() const;

private:
    void accept(qintptr descriptor);
    DemoConnection *longestIdle() const;
    int cap() const;
    static int filesAllowed();

    RealClock m_clock;
    DemoOutputBudget m_budget{defaultOutputBudget};
    DemoListener m_server;
    int m_open = 0;
    int m_turningAway = 0;
    int m_filesAllowed = 1 << 30; // the process's limit on open files, read as it starts listening
    QSet<DemoConnection *> m_connections;
    DemoTimeouts m_timeouts;
    int m_maxConnections = defaultMaxConnections;
    qint64 m_served = 0;
};

} // namespace concviz
