#include "demoserver.h"

#include "democonnection.h"
#include "demoturnaway.h"

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

void DemoServer::accept(qintptr descriptor)
{
    if (m_open >= m_maxConnections) {
        auto *socket = new QTcpSocket;
        if (socket->setSocketDescriptor(descriptor))
            new DemoTurnAway(socket, this);
        else
            delete socket;
        return;
    }
    // Unbuffered: the connection reads when it wants the next request (see DemoConnection).
    auto *socket = new QAbstractSocket(QAbstractSocket::TcpSocket, nullptr);
    if (!socket->setSocketDescriptor(descriptor, QAbstractSocket::ConnectedState, QIODevice::ReadWrite | QIODevice::Unbuffered)) {
        delete socket;
        return;
    }
    auto *connection = new DemoConnection(socket, m_clock, m_budget, m_headerTimeout, m_idleTimeout, this);
    ++m_open;
    connect(connection, &DemoConnection::closed, this, [this] { --m_open; });
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
    if (m_server.listen(address, port))
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
