#include "comparecommand.h"

#include "cli.h"
#include "gantt/terminalgantt.h"
#include "trace/exportformat.h"

#include <QCommandLineParser>

namespace concviz::cli {

int compareCommand(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Runs the same tasks under each strategy, one run after another, and shows them on one time axis."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("FILE"), QStringLiteral("A scenario file (.json)."), QStringLiteral("[FILE]"));
    parser.addOptions({
        {QStringLiteral("strategies"), QStringLiteral("Comma-separated strategies (default: the file's compare list, else sequential, gather and the file's strategy)."), QStringLiteral("S1,S2,...")},
        {QStringLiteral("clock"), QStringLiteral("real (default) or virtual."), QStringLiteral("real|virtual"), QStringLiteral("real")},
        {QStringLiteral("format"), QStringLiteral("text (default) or json."), QStringLiteral("FORMAT"), QStringLiteral("text")},
        {{QStringLiteral("o"), QStringLiteral("out")}, QStringLiteral("Write to PATH instead of standard output."), QStringLiteral("PATH")},
        {QStringLiteral("width"), QStringLiteral("Characters for the charts' time axis."), QStringLiteral("N"), QStringLiteral("60")},
        {QStringLiteral("lanes"), QStringLiteral("Most tasks drawn one per row in each chart."), QStringLiteral("N"), QStringLiteral("40")},
    });
    if (!parseCommand(parser, QStringLiteral("concviz compare"), arguments))
        return Success;
    if (parser.positionalArguments().size() > 1)
        throw UsageError{QStringLiteral("compare takes one scenario file, not %1").arg(parser.positionalArguments().size())};
    const QString format = parser.value(QStringLiteral("format"));
    if (format != QLatin1String("text") && format != QLatin1String("json"))
        throw UsageError{QStringLiteral("--format: must be text or json, not \"%1\"").arg(format)};
    const TerminalGantt::Options chart = chartOptions(parser.value(QStringLiteral("width")), parser.value(QStringLiteral("lanes")));
    const ClockKind clock = parseClock(parser.value(QStringLiteral("clock")));
    const Scenario scenario = loadScenario(parser.positionalArguments().value(0));
    int signal = 0;
    const QList<Trace> traces = executeRuns(scenario, strategiesToCompare(parser, scenario), clock, &signal);

    const QByteArray output = format == QLatin1String("json") ? exportRuns(traces, scenario.name, ExportFormat::Json)
                                                              : TerminalGantt::renderComparison(traces, chart).toUtf8();
    writeOutput(parser.value(QStringLiteral("out")), output);
    if (signal)
        return reportInterrupted(signal, parser.value(QStringLiteral("out")));
    return Success;
}

} // namespace concviz::cli
