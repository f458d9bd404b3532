#pragma once

#include "trace.h"

#include <QByteArray>

namespace concviz {

// One row per attempt (a task that never started gets one row with empty times), for spreadsheets.
class CsvExporter
{
public:
    static QByteArray toCsv(const Trace &trace);
};

} // namespace concviz
