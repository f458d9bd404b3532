#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>

namespace concviz {

// One HTTP/1.1 request as the demo server needs it.
struct HttpRequest
{
    QByteArray method;
    QByteArray target; // path and query, as sent
    QByteArray version;
    QList<QPair<QByteArray, QByteArray>> headers; // names lower-cased
    QByteArray body;

    QByteArray header(const QByteArray &lowerName) const;
    bool keepAlive() const;
};

// Reads requests from a byte stream that arrives in pieces, one request after another on a
// kept-alive connection. Refuses what a small, safe server should: huge headers, huge bodies,
// anything that is not HTTP/1.0 or 1.1, and every message two readers could frame differently
// (RFC 9112: several or signed lengths, a length with a transfer coding, white space before a colon).
class HttpRequestParser
{
public:
    enum class State { NeedMore, Ready, Bad, HeadersTooLarge, BodyTooLarge, VersionNotSupported };

    static constexpr int maxHeaderBytes = 16 * 1024;
    static constexpr int maxBodyBytes = 1024 * 1024;

    // Adds bytes and says whether a whole request is there (take it with takeRequest()).
    State feed(const QByteArray &bytes);
    State state() const { return m_state; }
    HttpRequest takeRequest();
    // True while part of a request has arrived: a connection idle between requests is not "slow".
    bool hasPartialRequest() const { return !m_buffer.isEmpty(); }
    // Bytes held: the request being put together and what came after it.
    qint64 bufferedBytes() const { return m_buffer.size(); }

private:
    State parse();
    // Reads the request line and headers (the first `end` bytes); NeedMore when they are fine.
    State parseHead(qsizetype end);

    QByteArray m_buffer;
    HttpRequest m_request;
    qsizetype m_bodyLength = -1; // known once the headers are parsed
    State m_state = State::NeedMore;
};

} // namespace concviz
