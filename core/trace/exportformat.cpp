#include "exportformat.h"

#include "chrometraceexporter.h"
#include "csvexporter.h"
#include "jsonexporter.h"


#include <utility>

namespace concviz {

namespace {
// Each format with the name --format gives it.
const std::pair<ExportFormat, const char *> formatNames[] = {
    {ExportFormat::Json, "json"},
    {ExportFormat::Csv, "csv"},
    {ExportFormat::ChromeTrace, "chrome-trace"},
};
} // namespace

QString exportFormatName(ExportFormat format)
{
    for (const auto &[f, name] : formatNames)
        if (f == format)
            return QString::fromLatin1(name);
    return {};
}

std::optional<ExportFormat> exportFormatFromName(const QString &name)
{
    for (const auto &[f, text] : formatNames)
        if (name == QLatin1String(text))
            return f;
    return std::nullopt;
}

ExportFormat exportFormatForPath(const QString &path)
{
    if (path.endsWith(QLatin1String(".trace.json"), Qt::CaseInsensitive))
        return ExportFormat::ChromeTrace;
    if (path.endsWith(QLatin1String(".csv"), Qt::CaseInsensitive))
        return ExportFormat::Csv;
    return ExportFormat::Json;
}

QByteArray exportTrace(const Trace &trace, ExportFormat format)
{
    switch (format) {
    case ExportFormat::Json:
        return JsonExporter::toJson(trace);
    case ExportFormat::Csv:
        return CsvExporter::toCsv(trace);
    case ExportFormat::ChromeTrace:
        return ChromeTraceExporter::toJson(trace);
    }
    return {};
}

bool writeTrace(const Trace &trace, ExportFormat format, QIODevice &device)
{
    switch (format) {
    case ExportFormat::Json:
        return JsonExporter::write(trace, device);
    case ExportFormat::Csv:
        return CsvExporter::write(trace, device);
    case ExportFormat::ChromeTrace:
        return ChromeTraceExporter::write(trace, device);
    }
    return false;
}

QByteArray exportRuns(const QList<Trace> &traces, const QString &scenario, ExportFormat format)
{
    if (format != ExportFormat::Json)
        return traces.isEmpty() ? QByteArray() : exportTrace(traces.last(), format);
    return JsonExporter::toJson(traces, scenario);
}

} // namespace concviz
