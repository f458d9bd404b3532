#pragma once

#include <QObject>
#include <QTcpSocket>

namespace concviz {

// A client over the server's connection cap: answered at once with 503 Service Unavailable and
// Connection: close, then closed gracefully. Its request is read and dropped rather than left
// unread, since closing a socket with unread input sends a reset that can destroy the answer
// before the client reads it. Lives two seconds at most, whatever the client does.
class DemoTurnAway : public QObject
{
    Q_OBJECT
public:
    static constexpr int lingerMs = 2000;

    explicit DemoTurnAway(QTcpSocket *socket, QObject *parent = nullptr);

private:
    void finishSending();

    QTcpSocket *m_socket;
    bool m_shutDown = false;
};

} // namespace concviz
