#include "runcommand.h"

#include "cli.h"
#include "trace/exportformat.h"
#include "gantt/terminalgantt.h"

#include <QCommandLineParser>

namespace concviz::cli {

int runCommand(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Runs a scenario (the built-in demo when FILE is left out) and prints what happened."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("FILE"), QStringLiteral("A scenario file (.json)."), QStringLiteral("[FILE]"));
    parser.addOptions({
        {{QStringLiteral("s"), QStringLiteral("strategy")}, QStringLiteral("Strategy to use instead of the file's: %1.").arg(strategySyntaxHelp()), QStringLiteral("S")},
        {QStringLiteral("clock"), QStringLiteral("real (default: wall-clock time) or virtual (exact, instant)."), QStringLiteral("real|virtual"), QStringLiteral("real")},
        {QStringLiteral("format"), QStringLiteral("text (Gantt chart, default), json, csv or chrome-trace."), QStringLiteral("FORMAT"), QStringLiteral("text")},
        {{QStringLiteral("o"), QStringLiteral("out")}, QStringLiteral("Write to PATH instead of standard output."), QStringLiteral("PATH")},
        {QStringLiteral("width"), QStringLiteral("Characters for the chart's time axis (text)."), QStringLiteral("N"), QStringLiteral("60")},
        {QStringLiteral("lanes"), QStringLiteral("Most tasks drawn one per row (text)."), QStringLiteral("N"), QStringLiteral("40")},
    });
    if (!parseCommand(parser, QStringLiteral("concviz run"), arguments))
        return Success;
    if (parser.positionalArguments().size() > 1)
        throw UsageError{QStringLiteral("run takes one scenario file, not %1").arg(parser.positionalArguments().size())};

    const QString format = parser.value(QStringLiteral("format"));
    const std::optional<ExportFormat> exportFormat = traceFormatOption(format);
    const TerminalGantt::Options chart = chartOptions(parser.value(QStringLiteral("width")), parser.value(QStringLiteral("lanes")));
    const ClockKind clock = parseClock(parser.value(QStringLiteral("clock")));
    const Scenario scenario = loadScenario(parser.positionalArguments().value(0));
    const StrategySpec strategy = parser.isSet(QStringLiteral("strategy")) ? parseStrategy(parser.value(QStringLiteral("strategy")))
                                                                          : scenario.strategy;
    checkRunsCallerSteps(QStringLiteral("--strategy"), scenario, strategy);

    int signal = 0;
    const Trace trace = executeRun(scenario, strategy, clock, &signal);

    if (exportFormat)
        writeOutputWith(parser.value(QStringLiteral("out")), [&](QIODevice &device) { return writeTrace(trace, *exportFormat, device); });
    else
        writeOutput(parser.value(QStringLiteral("out")), (TerminalGantt::render(trace, chart) + TerminalGantt::legend()).toUtf8());
    if (signal)
        return reportInterrupted(signal, parser.value(QStringLiteral("out")));
    return Success;
}

} // namespace concviz::cli
