#pragma once

#include <QMap>
#include <QString>

#include <optional>

namespace concviz {

// One HTTP request as a task asks for it: what to fetch, how, and what answer counts as success.
struct FetchRequest
{
    QString url;
    QString method = QStringLiteral("GET"); // GET, HEAD or POST
    QMap<QString, QString> headers;
    QString body;                      // sent with POST
    std::optional<qint64> maxBytes;    // the most bytes to accept, head and decoded body; the client's default if unset
    std::optional<int> expectStatus;   // the status that counts as success; any below 400 if unset
    bool timedByTask = false;          // a timeout_ms bounds it, so the transport sets no deadline of its own
};

} // namespace concviz
