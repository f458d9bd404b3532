#include "demoturnaway.h"

#include "../http/httpstatus.h"

#include <QTimer>

#ifdef Q_OS_WIN
#include <winsock2.h>
#else
#include <sys/socket.h>
#endif

namespace concviz {

DemoTurnAway::DemoTurnAway(QTcpSocket *socket, QObject *parent)
    : QObject(parent)
    , m_socket(socket)
{
    m_socket->setParent(this);
    connect(m_socket, &QTcpSocket::readyRead, this, [this] { m_socket->readAll(); });
    connect(m_socket, &QTcpSocket::bytesWritten, this, &DemoTurnAway::finishSending);
    connect(m_socket, &QTcpSocket::disconnected, this, &QObject::deleteLater);
    QTimer::singleShot(lingerMs, this, [this] {
        m_socket->abort();
        deleteLater();
    });
    const QByteArray body = "too many connections; try again later\n";
    m_socket->write("HTTP/1.1 503 " + reasonPhrase(503) + "\r\nServer: ConcViz demo\r\nContent-Type: text/plain\r\nContent-Length: "
                    + QByteArray::number(body.size()) + "\r\nConnection: close\r\n\r\n" + body);
}

void DemoTurnAway::finishSending()
{
    if (m_shutDown || m_socket->bytesToWrite() > 0)
        return;
    // The answer is out: say so with a FIN and wait for the client to close its side.
    m_shutDown = true;
#ifdef Q_OS_WIN
    ::shutdown(static_cast<SOCKET>(m_socket->socketDescriptor()), SD_SEND);
#else
    ::shutdown(static_cast<int>(m_socket->socketDescriptor()), SHUT_WR);
#endif
}

} // namespace concviz
