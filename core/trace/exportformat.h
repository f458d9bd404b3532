#pragma once

#include "trace.h"

#include <QByteArray>
#include <QIODevice>
#include <QList>
#include <QString>

#include <optional>

namespace concviz {

// The file formats a trace is exported in, chosen in one place for the window and the command line.
enum class ExportFormat {
    Json,        // ConcViz's own: every run with its statistics, tasks, attempts, phases and markers
    Csv,         // one row per task and attempt, for a spreadsheet
    ChromeTrace, // the Trace Event format that Perfetto and chrome://tracing open
};

// "json", "csv", "chrome-trace": as --format names them.
QString exportFormatName(ExportFormat format);
std::optional<ExportFormat> exportFormatFromName(const QString &name);
// By the file's name: .trace.json is a Chrome trace, .csv is CSV, anything else ConcViz JSON.
ExportFormat exportFormatForPath(const QString &path);

// One run in that format.
QByteArray exportTrace(const Trace &trace, ExportFormat format);
// The same, written to `device` (JSON as it is made, so a huge run is not held twice); false when a
// write failed.
bool writeTrace(const Trace &trace, ExportFormat format, QIODevice &device);
// Several runs of one scenario: JSON holds them all as {"scenario": ..., "runs": [...]}; CSV and
// Chrome traces describe one run, the last.
QByteArray exportRuns(const QList<Trace> &traces, const QString &scenario, ExportFormat format);

} // namespace concviz
