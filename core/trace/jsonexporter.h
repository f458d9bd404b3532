#pragma once

#include "trace.h"

#include <QByteArray>
#include <QIODevice>
#include <QList>

namespace concviz {

// The trace as one JSON object, times in milliseconds from the start of the run:
// {"scenario", "strategy", "clock", "makespan_ms", "stats": {...}, "tasks": [...], "markers": [...]}.
// Written straight into the bytes, a task to a line: a million tasks take a second, not the
// gigabytes and tens of seconds a QJsonDocument of them would.
class JsonExporter
{
public:
    static QByteArray toJson(const Trace &trace);
    // The same, written to `device` as it goes, a megabyte at a time, so a million tasks never sit
    // in memory twice. False when the device refused a write.
    static bool write(const Trace &trace, QIODevice &device);
    // Several runs of one scenario: {"scenario": ..., "runs": [<each trace as above>]}.
    static QByteArray toJson(const QList<Trace> &traces, const QString &scenario);

private:
    // Appends the trace to `out`; with a device, hands it what `out` holds whenever that passes a
    // megabyte (and sets *failed when a write fails).
    static void append(QByteArray &out, const Trace &trace, const QByteArray &indent, QIODevice *device = nullptr,
                       bool *failed = nullptr);
};

} // namespace concviz
