#include "httprequestparser.h"

namespace concviz {

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
        const QList<QByteArray> lines = m_buffer.left(end).split('\n');
        const QList<QByteArray> requestLine = lines.first().trimmed().split(' ');
        if (requestLine.size() != 3 || !requestLine[2].startsWith("HTTP/1.") || !requestLine[1].startsWith('/'))
            return State::Bad;
        m_request.method = requestLine[0];
        m_request.target = requestLine[1];
        m_request.version = requestLine[2];
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const QByteArray line = lines[i].trimmed();
            const qsizetype colon = line.indexOf(':');
            if (colon <= 0)
                return State::Bad;
            m_request.headers.append({line.left(colon).trimmed().toLower(), line.mid(colon + 1).trimmed()});
        }
        if (!m_request.header("transfer-encoding").isEmpty())
            return State::Bad; // chunked uploads are more than a demo needs
        bool ok = true;
        const QByteArray length = m_request.header("content-length");
        m_bodyLength = length.isEmpty() ? 0 : length.toLongLong(&ok);
        if (!ok || m_bodyLength < 0)
            return State::Bad;
        if (m_bodyLength > maxBodyBytes)
            return State::BodyTooLarge;
        m_buffer.remove(0, end + 4);
    }
    if (m_buffer.size() < m_bodyLength)
        return State::NeedMore;
    m_request.body = m_buffer.left(m_bodyLength);
    m_buffer.remove(0, m_bodyLength);
    return State::Ready;
}

} // namespace concviz
