#pragma once

#include "../async/clock.h"
#include "demooutputbudget.h"
#include "demoroutes.h"
#include "httprequestparser.h"

#include <QObject>
#include <QPointer>
#include <QTcpSocket>

namespace concviz {

// One client of the demo server. Answers its requests in order (keep-alive, pipelining), waits
// for delayed answers on the server's clock rather than on a thread or a timer of its own, drops
// the client if it sends garbage or takes too long to send its headers, and closes the connection
// once it has waited idle too long for the next request.
//
// A client may pipeline any number of requests: they are parsed and answered one at a time, and
// nothing more is read while an answer is pending or too much of the answers is still unsent. The
// rest waits in the operating system, which makes the client wait (TCP flow control).
//
// Bodies go out the same way: a piece at a time as the client takes them, never built whole, with
// at most maxUnsentOutput unsent per connection and, past a small share each, only while the
// server's budget over all connections has room.
class DemoConnection : public QObject
{
    Q_OBJECT
public:
    // Input the socket holds unread at most; beyond it, reading stops until there is room.
    static constexpr qint64 maxBufferedInput = 16 * 1024;
    // Unsent answers at most before the next request is taken or the next piece of a body written.
    static constexpr qint64 maxUnsentOutput = 64 * 1024;
    // Unsent bytes a connection may always have, budget or not: one client that never reads
    // cannot hold back the answers of the others.
    static constexpr qint64 guaranteedOutput = 16 * 1024;
    // The piece of a body written at a time.
    static constexpr qint64 bodyPieceBytes = 16 * 1024;

    DemoConnection(QTcpSocket *socket, Clock &clock, DemoOutputBudget &budget, Micros headerTimeout, Micros idleTimeout,
                   QObject *parent = nullptr);
    ~DemoConnection() override;

    // Request bytes read from the client and not yet answered.
    qint64 bufferedInput() const;

Q_SIGNALS:
    void requestServed();
    void closed();

private:
    void serve();
    bool readInput();
    void handle();
    void answer(const HttpRequest &request, const DemoResponse &response);
    void sendHead(const DemoResponse &response, qint64 contentLength, bool keepAlive);
    void send(const QByteArray &bytes);
    bool sendBody();
    void dripLater();
    void finishResponse(bool keepAlive);
    void refuseMalformed();
    void refuse(int status, const QByteArray &message);
    void reset();
    TimerId after(Micros delay, std::function<void()> fn);
    void waitForClient();

    QTcpSocket *m_socket;
    Clock &m_clock;
    DemoOutputBudget &m_budget;
    Micros m_headerTimeout;
    Micros m_idleTimeout;
    HttpRequestParser m_parser;
    bool m_busy = false;       // an answer is being prepared or sent
    bool m_serving = false;    // serve() is on the stack: an answer that ends lets its loop go on
    TimerId m_timer = 0;       // the one pending wake-up of this connection
    TimerId m_headerTimer = 0;
    TimerId m_idleTimer = 0;
    qint64 m_accounted = 0;    // bytes of ours the budget counts: written, not yet sent
    // The body being sent: m_bodySent of it so far, m_bodyDue may go out now (less while dripping).
    DemoResponse m_response;
    bool m_sendingBody = false;
    bool m_keepAlive = false;
    qint64 m_bodySent = 0;
    qint64 m_bodyDue = 0;
    int m_dripPieces = 0;
    int m_dripPiecesDue = 0;
};

} // namespace concviz
