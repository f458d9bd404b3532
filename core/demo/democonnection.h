#pragma once

#include "../async/clock.h"
#include "demooutputbudget.h"
#include "demoroutes.h"
#include "httprequestparser.h"

#include <QObject>
#include <QPointer>
#include <QAbstractSocket>

namespace concviz {

// How long a client may keep the server waiting on it before its connection is closed.
struct DemoTimeouts
{
    Micros header = 10 * 1000 * 1000; // to send a request's headers, once it has begun
    Micros idle = 15 * 1000 * 1000;   // to begin its first or next request
    Micros send = 30 * 1000 * 1000;   // to take any of an answer it holds up
};

// One client of the demo server. Answers its requests in order (keep-alive, pipelining), waits
// for delayed answers on the server's clock rather than on a thread or a timer of its own, drops
// the client if it sends garbage or takes too long to send its headers, and closes the connection
// once it has waited idle too long for the next request.
//
// A client may pipeline any number of requests: they are parsed and answered one at a time, and
// nothing more is read while an answer is pending or too much of the answers is still unsent. The
// rest waits in the operating system, which makes the client wait (TCP flow control).
//
// The socket is unbuffered (a QAbstractSocket, not a QTcpSocket): it reads only when asked. A
// buffered one reads on its own, and on reading the end of a client's input closes the socket at
// once, so a client that half-closes after its request would never get the answer.
//
// Bodies go out the same way: a piece at a time as the client takes them, never built whole, with
// at most maxUnsentOutput unsent per connection and, past a small share each, only while the
// server's budget over all connections has room.
class DemoConnection : public QObject
{
    Q_OBJECT
public:
    // Input read at a time, and only when the next request is wanted.
    static constexpr qint64 maxBufferedInput = 16 * 1024;
    // Unsent answers at most before the next request is taken or the next piece of a body written.
    static constexpr qint64 maxUnsentOutput = 64 * 1024;
    // Unsent bytes a connection may always have, budget or not: one client that never reads
    // cannot hold back the answers of the others.
    static constexpr qint64 guaranteedOutput = 16 * 1024;
    // Bytes answered in one turn before the other connections get theirs.
    static constexpr qint64 turnBytes = 8 * 1024;
    // The piece of a body written at a time.
    static constexpr qint64 bodyPieceBytes = 16 * 1024;
    // How long a client that ended its input while waiting has to show, by not resetting the
    // connection, that it still waits for its answer. On loopback a reset comes at once; one that
    // comes later only keeps the connection until its answer.
    static constexpr Micros probeWait = 500 * 1000;

    DemoConnection(QAbstractSocket *socket, Clock &clock, DemoOutputBudget &budget, DemoTimeouts timeouts, QObject *parent = nullptr);
    ~DemoConnection() override;

    // Request bytes read from the client and not yet answered.
    qint64 bufferedInput() const;
    // Waiting for the client's next (or first) request with nothing of it read and nothing to send:
    // such a connection may be closed to make room for a new one, as a keep-alive client expects.
    bool isIdle() const;
    Micros idleSince() const { return m_idleSince; }
    void closeIdle();

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
    void end();
    void checkPeerWhileBusy();
    void account();
    TimerId after(Micros delay, std::function<void()> fn);
    void waitForClient();

    QAbstractSocket *m_socket;
    Clock &m_clock;
    DemoOutputBudget &m_budget;
    DemoTimeouts m_timeouts;
    HttpRequestParser m_parser;
    bool m_busy = false;       // an answer is being prepared or sent
    bool m_serving = false;    // serve() is on the stack: an answer that ends lets its loop go on
    TimerId m_timer = 0;       // the one pending wake-up of this connection
    TimerId m_headerTimer = 0;
    TimerId m_idleTimer = 0;
    Micros m_idleSince = 0;
    TimerId m_probeTimer = 0;
    TimerId m_stallTimer = 0;  // runs while the client leaves part of an answer untaken
    bool m_pendingHttp11 = false; // the request being answered allows interim 1xx answers
    bool m_probed = false;        // a 100 Continue went out to see whether the client is still there
    qint64 m_accounted = 0;    // bytes of ours the budget counts: written, not yet sent
    qint64 m_written = 0;      // bytes written in all
    bool m_ended = false;
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
