#include "democonnection.h"

#include "../http/httpstatus.h"

#include <QDateTime>
#include <QLocale>

#ifdef Q_OS_WIN
#include <winsock2.h>
#else
#include <cerrno>
#include <sys/socket.h>
#endif

namespace concviz {

namespace {
QByteArray httpDate()
{
    return QLocale::c().toString(QDateTime::currentDateTimeUtc(), QStringLiteral("ddd, dd MMM yyyy hh:mm:ss 'GMT'")).toLatin1();
}

enum class PeerInput { Data, Nothing, End, Gone };

// What the client has sent, looked at without taking it.
PeerInput peekPeer(qintptr fd)
{
    char byte = 0;
#ifdef Q_OS_WIN
    const int n = ::recv(static_cast<SOCKET>(fd), &byte, 1, MSG_PEEK);
    if (n < 0)
        return WSAGetLastError() == WSAEWOULDBLOCK ? PeerInput::Nothing : PeerInput::Gone;
#else
    const auto n = ::recv(static_cast<int>(fd), &byte, 1, MSG_PEEK | MSG_DONTWAIT);
    if (n < 0)
        return errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR ? PeerInput::Nothing : PeerInput::Gone;
#endif
    return n == 0 ? PeerInput::End : PeerInput::Data;
}

// Whether the system has an error for the socket, such as the reset a closed client sends back.
// (Once the client's end of input has come, reading reports that end and not the reset.)
bool hasPendingError(qintptr fd)
{
    int error = 0;
#ifdef Q_OS_WIN
    int length = sizeof error;
    ::getsockopt(static_cast<SOCKET>(fd), SOL_SOCKET, SO_ERROR, reinterpret_cast<char *>(&error), &length);
#else
    socklen_t length = sizeof error;
    ::getsockopt(static_cast<int>(fd), SOL_SOCKET, SO_ERROR, &error, &length);
#endif
    return error != 0;
}

} // namespace

DemoConnection::DemoConnection(QAbstractSocket *socket, Clock &clock, DemoOutputBudget &budget, DemoTimeouts timeouts, QObject *parent)
    : QObject(parent)
    , m_socket(socket)
    , m_clock(clock)
    , m_budget(budget)
    , m_timeouts(timeouts)
{
    m_socket->setParent(this);
    connect(m_socket, &QAbstractSocket::readyRead, this, [this] {
        if (m_busy)
            checkPeerWhileBusy();
        serve();
    });
    connect(m_socket, &QAbstractSocket::bytesWritten, this, [this] {
        account();
        serve();
    });
    connect(&m_budget, &DemoOutputBudget::roomFreed, this, [this] {
        if (m_sendingBody)
            serve();
    });
    connect(m_socket, &QAbstractSocket::disconnected, this, &DemoConnection::end);
    // A client that connects and says nothing is idle from the start, and closed as any other.
    waitForClient();
}

DemoConnection::~DemoConnection()
{
    // Pending answers and checks die with the connection: nothing fires for a closed client.
    m_clock.cancelTimer(m_timer);
    m_clock.cancelTimer(m_headerTimer);
    m_clock.cancelTimer(m_idleTimer);
    m_clock.cancelTimer(m_probeTimer);
    m_clock.cancelTimer(m_stallTimer);
    // What the socket had not sent yet dies with it.
    m_budget.give(m_accounted);
}

qint64 DemoConnection::bufferedInput() const
{
    // The socket holds nothing of its own: what the client sent and this side has not read is
    // with the operating system.
    return m_parser.bufferedBytes();
}

bool DemoConnection::isIdle() const
{
    return !m_ended && m_idleTimer != 0 && !m_busy && !m_sendingBody && !m_parser.hasPartialRequest() && m_socket->bytesToWrite() == 0;
}

void DemoConnection::closeIdle()
{
    m_socket->disconnectFromHost();
    end();
}

void DemoConnection::end()
{
    if (m_ended)
        return;
    m_ended = true;
    Q_EMIT closed();
    deleteLater();
}

void DemoConnection::checkPeerWhileBusy()
{
    // Nothing is read while an answer is pending, but a client that is gone should not keep its
    // connection, and a place under the cap, until a delayed answer is due.
    switch (peekPeer(m_socket->socketDescriptor())) {
    case PeerInput::Data:
    case PeerInput::Nothing:
        return;
    case PeerInput::Gone:
        m_socket->abort();
        end();
        return;
    case PeerInput::End:
        break;
    }
    // The client has sent all it will: it closed its socket, or only half-closed it and waits for
    // the answer. Only sending tells which, as a closed socket answers anything with a reset.
    // HTTP/1.1 lets a server send an interim 1xx answer before the final one, and requires every
    // client to skip it; nothing of the answer may have gone out yet.
    if (m_probed || !m_pendingHttp11 || !m_timer || m_sendingBody)
        return;
    m_probed = true;
    send("HTTP/1.1 100 Continue\r\n\r\n");
    m_probeTimer = after(probeWait, [this] {
        m_probeTimer = 0;
        if (hasPendingError(m_socket->socketDescriptor())) {
            m_socket->abort();
            end();
        }
    });
}

void DemoConnection::account()
{
    // The socket writes straight to the system while it can and keeps the rest: the budget counts
    // the rest.
    const qint64 held = std::max<qint64>(m_socket->bytesToWrite(), 0);
    const bool progress = held < m_accounted;
    if (held > m_accounted)
        m_budget.take(held - m_accounted);
    else
        m_budget.give(m_accounted - held);
    m_accounted = held;
    // A client that takes nothing of what it is sent for a while loses its connection: one that
    // never reads would otherwise hold a place under the cap, and its share of the budget, for ever.
    if (held == 0 || progress) {
        m_clock.cancelTimer(m_stallTimer);
        m_stallTimer = 0;
    }
    if (held > 0 && !m_stallTimer)
        m_stallTimer = after(m_timeouts.send, [this] {
            m_stallTimer = 0;
            m_socket->abort();
            end();
        });
}

TimerId DemoConnection::after(Micros delay, std::function<void()> fn)
{
    return m_clock.callAt(m_clock.now() + delay, std::move(fn));
}

void DemoConnection::serve()
{
    // A loop, not a call per request: a client that pipelines thousands of requests must not make
    // the stack grow with each one. An answer that ends inside the loop lets it take the next one.
    if (m_serving || m_ended)
        return;
    m_serving = true;
    const qint64 writtenBefore = m_written;
    while (m_socket->state() == QAbstractSocket::ConnectedState) {
        if (m_written - writtenBefore >= turnBytes) {
            // A client that reads as fast as it asks could keep this loop going for ever: after a
            // turn's worth, the others get theirs, and this one goes on later.
            QMetaObject::invokeMethod(this, &DemoConnection::serve, Qt::QueuedConnection);
            break;
        }
        if (m_sendingBody) {
            if (!sendBody())
                break; // the rest goes out as the client takes what was sent
            continue;
        }
        if (m_busy || m_socket->bytesToWrite() >= maxUnsentOutput)
            break;
        if (m_parser.state() == HttpRequestParser::State::Ready) {
            handle();
            continue;
        }
        if (m_parser.state() != HttpRequestParser::State::NeedMore) {
            // Also a bad request pipelined behind a good one, found as the good one was taken.
            refuseMalformed();
            break;
        }
        if (!readInput())
            break;
    }
    m_serving = false;
}

void DemoConnection::waitForClient()
{
    m_clock.cancelTimer(m_idleTimer);
    m_idleTimer = 0;
    if (m_parser.hasPartialRequest()) {
        // One that starts a request must finish its headers in time.
        if (!m_headerTimer)
            m_headerTimer = after(m_timeouts.header, [this] {
                m_headerTimer = 0;
                if (!m_busy && m_parser.state() == HttpRequestParser::State::NeedMore && m_parser.hasPartialRequest())
                    m_socket->abort();
            });
        return;
    }
    // One between requests may keep its connection a while, not for ever: each open connection
    // counts against the cap that keeps the server up for everyone.
    m_idleSince = m_clock.now();
    m_idleTimer = after(m_timeouts.idle, [this] {
        m_idleTimer = 0;
        if (!m_busy && !m_parser.hasPartialRequest() && m_socket->bytesAvailable() == 0)
            m_socket->disconnectFromHost();
    });
}

bool DemoConnection::readInput()
{
    // Only read while no whole request is waiting, so the parser holds at most one request being
    // put together plus one read's worth of the ones after it; the rest waits in the system.
    const qint64 available = m_socket->bytesAvailable();
    // Reading past what is there finds the client's end of input, and the socket closes with it:
    // so that is looked for only once every answer is out. A client that half-closes after its
    // request still gets the whole answer.
    if (available == 0 && m_socket->bytesToWrite() > 0) {
        waitForClient();
        return false;
    }
    const QByteArray bytes = m_socket->read(available > 0 ? std::min(available, maxBufferedInput) : maxBufferedInput);
    if (m_socket->state() != QAbstractSocket::ConnectedState) {
        end(); // the client has finished, or is gone
        return false;
    }
    if (bytes.isEmpty()) {
        waitForClient();
        return false;
    }
    const HttpRequestParser::State state = m_parser.feed(bytes);
    if (state == HttpRequestParser::State::NeedMore || state == HttpRequestParser::State::Ready)
        return true;
    refuseMalformed();
    return false;
}

void DemoConnection::refuseMalformed()
{
    // Each way a request can be refused, with its status and the reason the answer gives.
    struct Refusal
    {
        HttpRequestParser::State state;
        int status;
        const char *reason;
    };
    static constexpr Refusal refusals[] = {
        {HttpRequestParser::State::Bad, 400, "malformed request"},
        {HttpRequestParser::State::HeadersTooLarge, 431, "request headers larger than 16 KiB"},
        {HttpRequestParser::State::BodyTooLarge, 413, "request body larger than 1 MiB"},
        {HttpRequestParser::State::VersionNotSupported, 505, "this server speaks HTTP/1.0 and HTTP/1.1"},
    };
    for (const Refusal &r : refusals) {
        if (r.state == m_parser.state()) {
            refuse(r.status, r.reason);
            return;
        }
    }
}

void DemoConnection::handle()
{
    m_clock.cancelTimer(m_headerTimer);
    m_headerTimer = 0;
    m_clock.cancelTimer(m_idleTimer);
    m_idleTimer = 0;
    m_busy = true;
    const HttpRequest request = m_parser.takeRequest();
    m_pendingHttp11 = request.version == "HTTP/1.1";
    const DemoResponse response = DemoRoutes::route(request);
    if (response.delay > 0)
        m_timer = after(response.delay, [this, request, response] {
            m_timer = 0;
            answer(request, response);
        });
    else
        answer(request, response);
}

void DemoConnection::answer(const HttpRequest &request, const DemoResponse &response)
{
    switch (response.action) {
    case DemoResponse::Action::Close:
        m_socket->disconnectFromHost();
        return;
    case DemoResponse::Action::Reset:
        reset();
        return;
    case DemoResponse::Action::Respond:
        break;
    }
    const bool keepAlive = request.keepAlive();
    const bool head = request.method == "HEAD";
    sendHead(response, response.bodySize(), keepAlive);
    if (head || response.bodySize() == 0) {
        finishResponse(keepAlive);
        return;
    }
    m_response = response;
    m_sendingBody = true;
    m_keepAlive = keepAlive;
    m_bodySent = 0;
    if (response.dripDuration > 0) {
        // The body arrives slowly: an equal piece now and then, the last one at the end of the duration.
        m_dripPieces = static_cast<int>(std::min<qint64>(response.bodySize(), 50));
        m_dripPiecesDue = 0;
        m_bodyDue = 0;
        dripLater();
    } else {
        m_bodyDue = response.bodySize();
        serve();
    }
}

void DemoConnection::sendHead(const DemoResponse &response, qint64 contentLength, bool keepAlive)
{
    QByteArray head = "HTTP/1.1 " + QByteArray::number(response.status) + ' ' + reasonPhrase(response.status) + "\r\n";
    head += "Date: " + httpDate() + "\r\n";
    head += "Server: ConcViz demo\r\n";
    head += "Content-Type: " + response.contentType + "\r\n";
    head += "Content-Length: " + QByteArray::number(contentLength) + "\r\n";
    head += keepAlive ? "Connection: keep-alive\r\n" : "Connection: close\r\n";
    head += "\r\n";
    send(head);
}

void DemoConnection::dripLater()
{
    m_timer = after(m_response.dripDuration / m_dripPieces, [this] {
        m_timer = 0;
        ++m_dripPiecesDue;
        m_bodyDue = m_response.bodySize() * m_dripPiecesDue / m_dripPieces;
        if (m_dripPiecesDue < m_dripPieces)
            dripLater();
        serve();
    });
}

bool DemoConnection::sendBody()
{
    // One piece at a time, so that serve() can hand the loop to others after a turn's worth: the
    // system takes pieces as fast as a quick client reads them. False when nothing can go out
    // until the client takes what was sent, the budget has room again or a drip is due.
    if (m_bodySent < m_bodyDue) {
        const qint64 unsent = m_socket->bytesToWrite();
        const qint64 room = (m_budget.isExhausted() ? guaranteedOutput : maxUnsentOutput) - unsent;
        if (room <= 0)
            return false;
        const qint64 length = std::min({bodyPieceBytes, room, m_bodyDue - m_bodySent});
        send(m_response.bodyPiece(m_bodySent, length));
        m_bodySent += length;
        return true;
    }
    if (m_bodySent < m_response.bodySize())
        return false; // dripping: the next piece is due later
    m_sendingBody = false;
    m_response = {};
    finishResponse(m_keepAlive);
    return true;
}

void DemoConnection::send(const QByteArray &bytes)
{
    if (m_socket->write(bytes) < 0) {
        m_socket->abort(); // the client is gone
        end();
        return;
    }
    m_written += bytes.size();
    account();
}

void DemoConnection::finishResponse(bool keepAlive)
{
    Q_EMIT requestServed();
    m_busy = false;
    if (!keepAlive) {
        m_socket->disconnectFromHost();
        return;
    }
    serve(); // a pipelined request may be waiting
}

void DemoConnection::refuse(int status, const QByteArray &message)
{
    DemoResponse r;
    r.status = status;
    r.contentType = "text/plain";
    r.body = message + '\n';
    sendHead(r, r.body.size(), false);
    send(r.body);
    m_socket->disconnectFromHost();
}

void DemoConnection::reset()
{
    // SO_LINGER with a zero timeout makes close() send a TCP reset instead of a FIN.
    const qintptr fd = m_socket->socketDescriptor();
    if (fd >= 0) {
        struct linger option
        {
            1, 0
        };
#ifdef Q_OS_WIN
        ::setsockopt(static_cast<SOCKET>(fd), SOL_SOCKET, SO_LINGER, reinterpret_cast<const char *>(&option), sizeof option);
#else
        ::setsockopt(static_cast<int>(fd), SOL_SOCKET, SO_LINGER, &option, sizeof option);
#endif
    }
    m_socket->abort();
}

} // namespace concviz
