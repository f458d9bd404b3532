#pragma once

#include "trace.h"

#include <QByteArray>
#include <QIODevice>

namespace concviz {

// Chrome Trace Event JSON, which Perfetto and chrome://tracing open. Each task gets a thread of its
// own, named after it, so overlapping tasks never share a lane; attempts and waits are complete
// ("X") events on it, caller markers are global instant events.
class ChromeTraceExporter
{
public:
    static QByteArray toJson(const Trace &trace);
    // The same, written to `device` as it goes, a megabyte at a time. False when a write failed.
    static bool write(const Trace &trace, QIODevice &device);
};

} // namespace concviz
