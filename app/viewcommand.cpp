#include "viewcommand.h"

#include "cli.h"
#include "engine/tracescenario.h"
#include "gantt/terminalgantt.h"
#include "scenario/scenariowriter.h"
#include "trace/exportformat.h"
#include "trace/tracereader.h"

#include <QCommandLineParser>

namespace concviz::cli {

int viewCommand(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Shows a trace written before: ConcViz JSON from run or compare --format json, or from an exported Python "
        "program's --json. The same chart, statistics and insights as run, or the trace again in another format."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("FILE"), QStringLiteral("A trace file (.json)."), QStringLiteral("FILE"));
    parser.addOptions({
        {QStringLiteral("format"), QStringLiteral("text (Gantt chart, default), json, csv, chrome-trace, or scenario: the trace's tasks as a scenario "
                                                      "to run under other strategies."), QStringLiteral("FORMAT"), QStringLiteral("text")},
        {{QStringLiteral("o"), QStringLiteral("out")}, QStringLiteral("Write to PATH instead of standard output."), QStringLiteral("PATH")},
        {QStringLiteral("run"), QStringLiteral("Of a file with several runs, only the Nth (from 1); csv and chrome-trace need one."),
         QStringLiteral("N")},
        {QStringLiteral("width"), QStringLiteral("Characters for the chart's time axis (text)."), QStringLiteral("N"), QStringLiteral("60")},
        {QStringLiteral("lanes"), QStringLiteral("Most tasks drawn one per row (text)."), QStringLiteral("N"), QStringLiteral("40")},
    });
    if (!parseCommand(parser, QStringLiteral("concviz view"), arguments))
        return Success;
    if (parser.positionalArguments().size() != 1)
        throw UsageError{QStringLiteral("view takes one trace file, not %1").arg(parser.positionalArguments().size())};
    const QString format = parser.value(QStringLiteral("format"));
    const bool asScenario = format == QLatin1String("scenario");
    // "text" gives no export format: the chart, or here the scenario.
    const std::optional<ExportFormat> exportFormat = traceFormatOption(asScenario ? QStringLiteral("text") : format);
    const TerminalGantt::Options chart = chartOptions(parser.value(QStringLiteral("width")), parser.value(QStringLiteral("lanes")));

    const TraceReadResult read = TraceReader::readFile(parser.positionalArguments().first());
    if (!read.error.isEmpty())
        throw UsageError{read.error};
    QList<Trace> traces = read.traces;
    if (parser.isSet(QStringLiteral("run"))) {
        const int n = intOption(QStringLiteral("run"), parser.value(QStringLiteral("run")), 1, static_cast<int>(traces.size()));
        traces = {traces.at(n - 1)};
    }
    const bool oneRunFormat = asScenario || (exportFormat && *exportFormat != ExportFormat::Json);
    if (oneRunFormat && traces.size() > 1)
        throw UsageError{QStringLiteral("--format %1 holds one run and this file has %2: choose one with --run N").arg(format).arg(traces.size())};

    QByteArray output;
    if (asScenario)
        output = ScenarioWriter::toJson(TraceScenario::from(traces.first(), parser.positionalArguments().first()));
    else if (exportFormat)
        output = traces.size() == 1 ? exportTrace(traces.first(), *exportFormat) : exportRuns(traces, traces.first().scenario, *exportFormat);
    else
        output = chartOfRuns(traces, chart).toUtf8();
    writeOutput(parser.value(QStringLiteral("out")), output);
    return Success;
}

} // namespace concviz::cli
