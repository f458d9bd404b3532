#pragma once

#include <QTcpServer>

namespace concviz {

// Accepts connections and hands over their descriptors as they are, so that the server chooses
// the socket each one gets (QTcpServer would wrap each in a buffered QTcpSocket).
class DemoListener : public QTcpServer
{
    Q_OBJECT
public:
    using QTcpServer::QTcpServer;

Q_SIGNALS:
    void accepted(qintptr descriptor);

protected:
    void incomingConnection(qintptr descriptor) override;
};

} // namespace concviz
