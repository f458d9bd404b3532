#pragma once

#include "trace.h"

#include <QByteArray>
#include <QIODevice>

namespace concviz {

// One row per attempt (a task that never started gets one row with empty times), for spreadsheets.
class CsvExporter
{
public:
    static QByteArray toCsv(const Trace &trace);
    // The same, written to `device` as it goes, a megabyte at a time. False when a write failed.
    static bool write(const Trace &trace, QIODevice &device);
};

} // namespace concviz
