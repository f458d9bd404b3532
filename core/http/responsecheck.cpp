#include "responsecheck.h"

#include <QNetworkReply>

#include <algorithm>

namespace concviz {

QString malformedHead(const QNetworkReply &reply)
{
    const QVariant status = reply.attribute(QNetworkRequest::HttpStatusCodeAttribute);
    if (status.isValid() && (status.toInt() < 100 || status.toInt() > 599))
        return QStringLiteral("the status %1 is not a code from 100 to 599").arg(status.toInt());
    // Qt reads a length it cannot parse as no length at all, and a negative one as it comes: either
    // way the body's end is guessed. Only digits make a length.
    if (reply.hasRawHeader("Content-Length")) {
        const QByteArray length = reply.rawHeader("Content-Length").trimmed();
        const bool digits = !length.isEmpty() && std::all_of(length.begin(), length.end(), [](char c) { return c >= '0' && c <= '9'; });
        if (!digits)
            return QStringLiteral("Content-Length \"%1\" is not a number of bytes").arg(QString::fromLatin1(length.left(40)));
    }
    return {};
}

qint64 headBytes(const QNetworkReply &reply)
{
    // "HTTP/1.1 200 OK\r\n", each "Name: value\r\n", then the blank line.
    const QByteArray reason = reply.attribute(QNetworkRequest::HttpReasonPhraseAttribute).toByteArray();
    qint64 bytes = 9 + 3 + 1 + reason.size() + 2 + 2;
    for (const QNetworkReply::RawHeaderPair &header : reply.rawHeaderPairs())
        bytes += header.first.size() + 2 + header.second.size() + 2;
    return bytes;
}

} // namespace concviz
