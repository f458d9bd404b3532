#include "httprequestparser.h"

#include <cctype>
#include <cstring>

namespace concviz {

namespace {

// RFC 9110 token characters: what a method and a field name are made of.
bool isToken(const QByteArray &s)
{
    static constexpr char extra[] = "!#$%&'*+-.^_`|~";
    if (s.isEmpty())
        return false;
    for (const char c : s)
        if (!std::isalnum(static_cast<unsigned char>(c)) && (c == '\0' || !std::strchr(extra, c)))
            return false;
    return true;
}

bool isDigits(const QByteArray &s)
{
    if (s.isEmpty())
        return false;
    for (const char c : s)
        if (c < '0' || c > '9')
            return false;
    return true;
}

QByteArray withoutCr(const QByteArray &line)
{
    return line.endsWith('\r') ? line.chopped(1) : line;
}

} // namespace

QByteArray HttpRequest::header(const QByteArray &lowerName) const
{
    for (const auto &[name, value] : headers)
        if (name == lowerName)
            return value;
    return {};
}

bool HttpRequest::keepAlive() const
{
    const QByteArray connection = header("connection").toLower();
    if (version == "HTTP/1.0")
        return connection == "keep-alive";
    return connection != "close";
}

HttpRequestParser::State HttpRequestParser::feed(const QByteArray &bytes)
{
    if (m_state == State::Ready || m_state == State::NeedMore) {
        m_buffer += bytes;
        m_state = parse();
    }
    return m_state;
}

HttpRequest HttpRequestParser::takeRequest()
{
    HttpRequest r = std::move(m_request);
    m_request = {};
    m_bodyLength = -1;
    // Pipelined bytes of the next request may already be here.
    m_state = m_buffer.isEmpty() ? State::NeedMore : parse();
    return r;
}

HttpRequestParser::State HttpRequestParser::parse()
{
    if (m_bodyLength < 0) {
        const qsizetype end = m_buffer.indexOf("\r\n\r\n");
        if (end < 0)
            return m_buffer.size() > maxHeaderBytes ? State::HeadersTooLarge : State::NeedMore;
        if (end > maxHeaderBytes)
            return State::HeadersTooLarge;
        const State head = parseHead(end);
        if (head != State::NeedMore)
            return head;
    }
    if (m_buffer.size() < m_bodyLength)
        return State::NeedMore;
    m_request.body = m_buffer.left(m_bodyLength);
    m_buffer.remove(0, m_bodyLength);
    return State::Ready;
}

HttpRequestParser::State HttpRequestParser::parseHead(qsizetype end)
{
    const QList<QByteArray> lines = m_buffer.left(end).split('\n');
    const QList<QByteArray> requestLine = withoutCr(lines.first()).split(' ');
    if (requestLine.size() != 3 || !isToken(requestLine[0]) || !requestLine[1].startsWith('/'))
        return State::Bad;
    // HTTP-version = "HTTP/" DIGIT "." DIGIT (RFC 9112): a well-formed version this server does not
    // speak gets 505, anything else is not HTTP.
    const QByteArray &version = requestLine[2];
    if (version.size() != 8 || !version.startsWith("HTTP/") || !isDigits(version.mid(5, 1)) || version[6] != '.'
        || !isDigits(version.mid(7, 1)))
        return State::Bad;
    if (version != "HTTP/1.1" && version != "HTTP/1.0")
        return State::VersionNotSupported;
    m_request.method = requestLine[0];
    m_request.target = requestLine[1];
    m_request.version = version;
    QByteArray length;
    bool chunked = false;
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray line = withoutCr(lines[i]);
        const qsizetype colon = line.indexOf(':');
        // No white space before the colon and no folded lines: both let two readers of one message
        // see different headers (RFC 9112 section 5).
        if (colon <= 0 || !isToken(line.left(colon)))
            return State::Bad;
        const QByteArray name = line.left(colon).toLower();
        const QByteArray value = line.mid(colon + 1).trimmed();
        if (name == "content-length") {
            // Digits only, and one length however often it is sent: a second, different one is how
            // a request gets smuggled past a proxy that believed the other.
            if (!isDigits(value) || (!length.isNull() && value != length))
                return State::Bad;
            length = value;
        } else if (name == "transfer-encoding") {
            chunked = true;
        }
        m_request.headers.append({name, value});
    }
    if (chunked)
        return State::Bad; // chunked uploads are more than a demo needs, and with a length they are a smuggling attempt
    bool ok = true;
    m_bodyLength = length.isNull() ? 0 : length.toLongLong(&ok);
    if (!ok || m_bodyLength > maxBodyBytes)
        return State::BodyTooLarge; // all digits, so only too many of them fail
    m_buffer.remove(0, end + 4);
    return State::NeedMore;
}

} // namespace concviz
