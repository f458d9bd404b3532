#pragma once

#include "../async/clock.h"
#include "demoroutes.h"
#include "httprequestparser.h"

#include <QObject>
#include <QPointer>
#include <QTcpSocket>

namespace concviz {

// One client of the demo server. Answers its requests in order (keep-alive, pipelining), waits
// for delayed answers on the server's clock rather than on a thread or a timer of its own, and
// drops the client if it sends garbage or takes too long to send its headers.
//
// A client may pipeline any number of requests: they are parsed and answered one at a time, and
// nothing more is read while an answer is pending or too much of the answers is still unsent. The
// rest waits in the operating system, which makes the client wait (TCP flow control).
class DemoConnection : public QObject
{
    Q_OBJECT
public:
    // Input the socket holds unread at most; beyond it, reading stops until there is room.
    static constexpr qint64 maxBufferedInput = 16 * 1024;
    // Unsent answers at most before the next request is taken.
    static constexpr qint64 maxUnsentOutput = 64 * 1024;

    DemoConnection(QTcpSocket *socket, Clock &clock, Micros headerTimeout, QObject *parent = nullptr);
    ~DemoConnection() override;

Q_SIGNALS:
    void requestServed();
    void closed();

private:
    void serve();
    bool readInput();
    void handle();
    void answer(const HttpRequest &request, const DemoResponse &response);
    void sendHead(const DemoResponse &response, qint64 contentLength, bool keepAlive);
    void sendDrip(QByteArray rest, int chunksLeft, Micros interval, bool keepAlive);
    void finishResponse(bool keepAlive);
    void refuseMalformed();
    void refuse(int status, const QByteArray &message);
    void reset();
    TimerId after(Micros delay, std::function<void()> fn);

    QTcpSocket *m_socket;
    Clock &m_clock;
    Micros m_headerTimeout;
    HttpRequestParser m_parser;
    bool m_busy = false;       // an answer is being prepared or sent
    bool m_serving = false;    // serve() is on the stack: an answer that ends lets its loop go on
    TimerId m_timer = 0;       // the one pending wake-up of this connection
    TimerId m_headerTimer = 0;
};

} // namespace concviz
