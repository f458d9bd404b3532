#include "rendercommand.h"

#include "cli.h"
#include "interrupt.h"
#include "theme.h"
#include "timelineexport.h"

#include <QCommandLineParser>
#include <QGuiApplication>

namespace concviz::cli {

int renderCommand(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Runs the scenario under each strategy and draws the comparison as PNG, SVG or PDF, with no window."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("FILE"), QStringLiteral("A scenario file (.json)."), QStringLiteral("[FILE]"));
    parser.addOptions({
        {{QStringLiteral("o"), QStringLiteral("out")}, QStringLiteral("The picture to write: .png, .svg or .pdf."), QStringLiteral("PATH")},
        {QStringLiteral("strategies"), QStringLiteral("Comma-separated strategies (default: the file's compare list)."), QStringLiteral("S1,S2,...")},
        {QStringLiteral("clock"), QStringLiteral("virtual (default: exact, instant) or real."), QStringLiteral("real|virtual"), QStringLiteral("virtual")},
        {QStringLiteral("width"), QStringLiteral("Width in pixels (default 1600)."), QStringLiteral("W"), QStringLiteral("1600")},
        {QStringLiteral("height"), QStringLiteral("Height in pixels (default: what the lanes need)."), QStringLiteral("H")},
        {QStringLiteral("theme"), QStringLiteral("light (default), dark or projector."), QStringLiteral("NAME"), QStringLiteral("light")},
        {QStringLiteral("at"), QStringLiteral("Draw the runs as played back to MS milliseconds: the rest greyed, and below them what "
                                              "was true then (the loop, the caller, permits, the queue, pools, tasks)."),
         QStringLiteral("MS")},
    });
    if (!parseCommand(parser, QStringLiteral("concviz render"), arguments))
        return Success;
    const QString out = parser.value(QStringLiteral("out"));
    if (out.isEmpty())
        throw UsageError{QStringLiteral("render needs --out PATH ending in .png, .svg or .pdf")};
    const QStringList themes{QStringLiteral("light"), QStringLiteral("dark"), QStringLiteral("projector")};
    if (!themes.contains(parser.value(QStringLiteral("theme"))))
        throw UsageError{QStringLiteral("--theme: must be light, dark or projector, not \"%1\"").arg(parser.value(QStringLiteral("theme")))};
    const int width = intOption(QStringLiteral("width"), parser.value(QStringLiteral("width")), 320, 20000);
    const ClockKind clock = parseClock(parser.value(QStringLiteral("clock")));
    const Micros at = parser.isSet(QStringLiteral("at")) ? fromMs(millisOption(QStringLiteral("at"), parser.value(QStringLiteral("at")))) : -1;
    const Scenario scenario = loadScenario(parser.positionalArguments().value(0));
    int signal = 0;
    const QList<Trace> traces = executeRuns(scenario, strategiesToCompare(parser, scenario), clock, &signal);
    if (signal) {
        printErr(QStringLiteral("concviz: %1; nothing was drawn\n").arg(interruptedBy(signal)));
        return interruptedExitCode(signal);
    }
    GanttModel model;
    model.setTraces(traces, scenario.deadlineMs);
    const Theme theme = Theme::make(Theme::kindFromName(parser.value(QStringLiteral("theme"))), QGuiApplication::palette());
    PlaybackInstant instant;
    if (at >= 0)
        instant = {at, traces};
    QSize size = naturalExportSize(model, theme, width, instant);
    if (parser.isSet(QStringLiteral("height")))
        size.setHeight(intOption(QStringLiteral("height"), parser.value(QStringLiteral("height")), 200, 20000));
    QString error;
    if (!exportTimeline(model, theme, out, size, &error, instant))
        throw UsageError{error};
    return Success;
}

} // namespace concviz::cli
