#pragma once

#include "trace.h"

#include <QByteArray>
#include <QJsonObject>

namespace concviz {

// The trace as one JSON object, times in milliseconds from the start of the run:
// {"scenario", "strategy", "clock", "makespan_ms", "stats": {...}, "tasks": [...], "markers": [...]}.
class JsonExporter
{
public:
    static QJsonObject toJsonObject(const Trace &trace);
    static QByteArray toJson(const Trace &trace);
};

} // namespace concviz
