#include "exportformat.h"

#include "chrometraceexporter.h"
#include "csvexporter.h"
#include "jsonexporter.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace concviz {

QString exportFormatName(ExportFormat format)
{
    switch (format) {
    case ExportFormat::Json:
        return QStringLiteral("json");
    case ExportFormat::Csv:
        return QStringLiteral("csv");
    case ExportFormat::ChromeTrace:
        return QStringLiteral("chrome-trace");
    }
    return {};
}

std::optional<ExportFormat> exportFormatFromName(const QString &name)
{
    for (ExportFormat f : {ExportFormat::Json, ExportFormat::Csv, ExportFormat::ChromeTrace})
        if (exportFormatName(f) == name)
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

QByteArray exportRuns(const QList<Trace> &traces, const QString &scenario, ExportFormat format)
{
    if (format != ExportFormat::Json)
        return traces.isEmpty() ? QByteArray() : exportTrace(traces.last(), format);
    QJsonArray runs;
    for (const Trace &t : traces)
        runs.append(JsonExporter::toJsonObject(t));
    return QJsonDocument(QJsonObject{{QStringLiteral("scenario"), scenario}, {QStringLiteral("runs"), runs}}).toJson(QJsonDocument::Indented);
}

} // namespace concviz
