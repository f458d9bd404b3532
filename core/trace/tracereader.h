#pragma once

#include "trace.h"

#include <QByteArray>
#include <QJsonDocument>
#include <QList>
#include <QString>

namespace concviz {

struct TraceReadResult
{
    QList<Trace> traces; // empty when the file was refused
    QString error;       // "FILE: tasks[3].start_ms: must be ..." when it was
};

// Reads ConcViz's trace JSON back into traces: one run as `concviz run --format json` writes it, or
// several as `compare --format json` does ({"scenario", "runs": [...]}), or what an exported
// Python program prints with --json (clock "asyncio", read as a real run); and Chrome Trace Event
// JSON, handed to ChromeTraceReader. Strict about what it
// reads — every field's type and range, times from 0 to a year, at most 2,000,000 tasks and
// 256 MiB — and silent about fields it does not know, so newer files still open. A message names
// the file and the JSON path of the first problem.
class TraceReader
{
public:
    static constexpr qsizetype maxBytes = qsizetype(256) << 20;
    static constexpr qsizetype maxTasks = 2000000;

    static TraceReadResult read(const QByteArray &json, const QString &source);
    // The same, of JSON parsed already (a file read once and tried as a scenario and as a trace).
    static TraceReadResult read(const QJsonDocument &document, const QString &source);
    static TraceReadResult readFile(const QString &path);
};

} // namespace concviz
