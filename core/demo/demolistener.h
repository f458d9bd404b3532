#pragma once

#include <QSocketNotifier>
#include <QTcpServer>

namespace concviz {

// Listens like a QTcpServer but accepts by itself and hands over each descriptor as it is, so
// that the server chooses the socket each one gets (QTcpServer would wrap each in a buffered
// QTcpSocket) and so that running out of file descriptors is survived. With every descriptor in
// use, QTcpServer leaves the waiting client in the listen queue and is woken for it again at once,
// for ever, at full CPU; this listener closes a spare descriptor, takes the client and closes it
// (the client sees its connection closed), takes the spare back, and carries on.
class DemoListener : public QTcpServer
{
    Q_OBJECT
public:
    explicit DemoListener(QObject *parent = nullptr);
    ~DemoListener() override;

    // As QTcpServer::listen, then accepts on its own.
    bool listenOn(const QHostAddress &address, quint16 port);
    // Clients closed at once because the process had no descriptor left for them.
    qint64 droppedForDescriptors() const { return m_dropped; }

Q_SIGNALS:
    void accepted(qintptr descriptor);

private:
    void acceptPending();
    bool dropOne();

    QSocketNotifier *m_notifier = nullptr; // a child, so that it moves to the server's thread along
    int m_spare = -1; // a descriptor kept open to be given up when none is left
    qint64 m_dropped = 0;
};

} // namespace concviz
