#pragma once

#include <QString>

class QNetworkReply;

namespace concviz {

// What Qt lets through of a response's head that a client must not take as an answer, in words
// ("the status -200 is not a code from 100 to 599"); empty when the head is sound. Qt 6.4 reads a
// negative status or a Content-Length of "abc" or "-5" without complaint.
QString malformedHead(const QNetworkReply &reply);

// The response's status line and headers in bytes, as they came over the wire: what they cost
// against max_bytes besides the body.
qint64 headBytes(const QNetworkReply &reply);

} // namespace concviz
