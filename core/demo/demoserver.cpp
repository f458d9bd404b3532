#include "demoserver.h"

#include "democonnection.h"
#include "demoturnaway.h"

#ifdef Q_OS_WIN
#include <winsock2.h>
#else
#include <sys/resource.h>
#include <unistd.h>
#endif

#include <algorithm>

namespace concviz {

DemoServer::DemoServer(QObject *parent)
    : QObject(parent)
{
    // Children, so that moving the server to its thread moves them along.
    m_clock.setParent(this);
    m_budget.setParent(this);
    m_server.setParent(this);
    // Thousands of clients may connect at once (the default backlog is 30).
    m_server.setListenBacklogSize(4096);
    connect(&m_server, &DemoListener::accepted, this, &DemoServer::accept);
}

DemoConnection *DemoServer::longestIdle() const
{
    DemoConnection *oldest = nullptr;
    for (DemoConnection *connection : m_connections) {
        if (connection->isIdle() && (!oldest || connection->idleSince() < oldest->idleSince()))
            oldest = connection;
    }
    return oldest;
}

int DemoServer::filesAllowed()
{
#ifndef Q_OS_WIN
    rlimit files{};
    if (::getrlimit(RLIMIT_NOFILE, &files) == 0 && files.rlim_cur != RLIM_INFINITY)
        return static_cast<int>(std::min<rlim_t>(files.rlim_cur, 1 << 30));
#endif
    return 1 << 30;
}

int DemoServer::cap() const
{
    // Half the files the process may open, less a few: the rest is for the 503s, the listener, and
    // in `concviz run` the clients of the same process.
    return std::clamp(m_filesAllowed / 2 - 32, 1, std::max(m_maxConnections, 1));
}

void DemoServer::accept(qintptr descriptor)
{
    // At the cap, the connection that has waited longest for a request makes room, as a busy web
    // server closes idle keep-alive connections: clients that only hold places cannot keep out one
    // that asks for something.
    if (m_open >= cap()) {
        if (DemoConnection *idle = longestIdle())
            idle->closeIdle();
    }
    if (m_open >= cap()) {
        if (m_turningAway >= maxTurningAway) {
            // Even the 503s are too many to keep: closed unanswered.
#ifdef Q_OS_WIN
            ::closesocket(static_cast<SOCKET>(descriptor));
#else
            ::close(static_cast<int>(descriptor));
#endif
            return;
        }
        auto *socket = new QTcpSocket;
        if (socket->setSocketDescriptor(descriptor)) {
            auto *turnAway = new DemoTurnAway(socket, this);
            ++m_turningAway;
            connect(turnAway, &QObject::destroyed, this, [this] { --m_turningAway; });
        } else
            delete socket;
        return;
    }
    // Unbuffered: the connection reads when it wants the next request (see DemoConnection).
    auto *socket = new QAbstractSocket(QAbstractSocket::TcpSocket, nullptr);
    if (!socket->setSocketDescriptor(descriptor, QAbstractSocket::ConnectedState, QIODevice::ReadWrite | QIODevice::Unbuffered)) {
        delete socket;
        return;
    }
    auto *connection = new DemoConnection(socket, m_clock, m_budget, m_timeouts, this);
    ++m_open;
    m_connections.insert(connection);
    connect(connection, &DemoConnection::closed, this, [this, connection] {
        --m_open;
        m_connections.remove(connection);
    });
    connect(connection, &DemoConnection::requestServed, this, [this] { ++m_served; });
}

DemoServer::~DemoServer()
{
    // Before the clock and the budget they use: QObject would delete them only after both are gone.
    qDeleteAll(findChildren<DemoConnection *>(Qt::FindDirectChildrenOnly));
}

qint64 DemoServer::bufferedInputBytes() const
{
    qint64 total = 0;
    for (const DemoConnection *connection : findChildren<DemoConnection *>(Qt::FindDirectChildrenOnly))
        total += connection->bufferedInput();
    return total;
}

bool DemoServer::listen(const QHostAddress &address, quint16 port, QString *error)
{
    m_filesAllowed = filesAllowed();
    if (m_server.listenOn(address, port))
        return true;
    *error = QStringLiteral("cannot listen on %1:%2: %3").arg(address.toString()).arg(port).arg(m_server.errorString());
    return false;
}

QUrl DemoServer::baseUrl() const
{
    QUrl url;
    url.setScheme(QStringLiteral("http"));
    const QHostAddress address = m_server.serverAddress();
    url.setHost(address == QHostAddress::Any || address == QHostAddress::AnyIPv4 ? QStringLiteral("127.0.0.1") : address.toString());
    url.setPort(m_server.serverPort());
    return url;
}

} // namespace concviz
