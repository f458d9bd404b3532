#pragma once

#include "tracereader.h"

#include <QJsonDocument>

namespace concviz {

// Reads Chrome Trace Event JSON, as VizTracer, Perfetto's JSON export, chrome://tracing and
// `concviz run --format chrome-trace` write it (the array form and {"traceEvents": [...]}), into
// one trace with a lane per thread (X complete events, B/E pairs; slices nested in another are part
// of it) and per async id (b/e nestable async events); instants (i, I, and n on an async id)
// become marks of the whole run; M metadata names processes and threads and orders the threads. Times are microseconds; the earliest event is the start. A
// ConcViz export comes back with its tasks, their waits, attempts, states and marks. Events of
// other kinds (counters, flows, samples) are passed over; a field of the wrong type or range is
// refused with the event's index.
class ChromeTraceReader
{
public:
    static constexpr qsizetype maxEvents = 2000000;
    static constexpr qsizetype maxLanes = 100000;

    // Whether a parsed document is in this format rather than ConcViz's own.
    static bool recognises(const QJsonDocument &document);
    static TraceReadResult read(const QJsonDocument &document, const QString &source);
};

} // namespace concviz
