#pragma once

#include "trace.h"

#include <QByteArray>

namespace concviz {

// Chrome Trace Event JSON, which Perfetto and chrome://tracing open. Each task gets a thread of its
// own, named after it, so overlapping tasks never share a lane; attempts and waits are complete
// ("X") events on it, caller markers are global instant events.
class ChromeTraceExporter
{
public:
    static QByteArray toJson(const Trace &trace);
};

} // namespace concviz
