#pragma once

#include "gantt/terminalgantt.h"
#include "scenario/scenario.h"
#include "trace/exportformat.h"

#include <QByteArray>
#include <QIODevice>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>

namespace concviz::cli {

// Exit statuses of every command.
enum ExitCode { Success = 0, InternalError = 1, BadInput = 2 }; // and 128 + a signal: see interrupt.h

// Thrown by a command for bad input: the message goes to stderr and the exit status is 2.
struct UsageError
{
    QString message;
};

void printOut(const QString &text);
// A message on stderr, its control characters written out (see escapeControls), line breaks kept.
void printErr(const QString &text);
// A status line on stderr as it is: for our own terminal codes (\r, erase line), never for text from a file.
void printStatus(const QString &text);

// The scenario in `file`, or the built-in demo when `file` is empty. Throws UsageError.
Scenario loadScenario(const QString &file);
// StrategySpec::parseList for --strategies, which must name at least one. Throws UsageError.
QList<StrategySpec> parseStrategyList(const QString &text);
StrategySpec parseStrategy(const QString &text);
// Writes to `path` atomically, or to stdout when `path` is empty. Throws UsageError.
void writeOutput(const QString &path, const QByteArray &data);
// The same, with `write` filling the file (or standard output) as it goes; it returns false when a
// write failed. The file is replaced whole or not at all.
void writeOutputWith(const QString &path, const std::function<bool(QIODevice &)> &write);
// A whole number option within bounds. Throws UsageError.
int intOption(const QString &name, const QString &value, int min, int max);
// A time in milliseconds, from 0 to a day, fractions allowed. Throws UsageError.
double millisOption(const QString &name, const QString &value);
// run's and view's --format: std::nullopt for text (the chart), else the export format. Throws UsageError.
std::optional<ExportFormat> traceFormatOption(const QString &value);
// The terminal chart's --width and --lanes. Throws UsageError.
TerminalGantt::Options chartOptions(const QString &width, const QString &lanes);
// What view and record print of a trace file's runs: one run's chart with the legend, or several
// on one time axis.
QString chartOfRuns(const QList<Trace> &traces, const TerminalGantt::Options &options);

} // namespace concviz::cli

#include "engine/runner.h"

#include <QCommandLineParser>

namespace concviz::cli {

// Runs to the end on the event loop; Ctrl-C, SIGTERM or SIGHUP stops it cleanly and sets *signal
// to the signal (0 when none came). Throws UsageError when the scenario cannot run on that clock.
Trace executeRun(const Scenario &scenario, const StrategySpec &strategy, ClockKind clock, int *signal);
// Runs the scenario under each strategy in turn, stopping after the run that a signal interrupted.
QList<Trace> executeRuns(const Scenario &scenario, const QList<StrategySpec> &strategies, ClockKind clock, int *signal);
// Says on stderr that `signal` stopped the runs and where what ran until then went (the file `out`,
// or the output above when empty); returns the exit status for it.
int reportInterrupted(int signal, const QString &out);
// The strategies named by --strategies, else the scenario's compare list.
QList<StrategySpec> strategiesToCompare(const QCommandLineParser &parser, const Scenario &scenario);
// Throws UsageError, naming `option`, when `strategy` cannot run the scenario's caller steps.
void checkRunsCallerSteps(const QString &option, const Scenario &scenario, const StrategySpec &strategy);
// Parses a command's arguments ("concviz NAME ..."). Returns false when --help was asked for and
// printed; throws UsageError for bad options.
bool parseCommand(QCommandLineParser &parser, const QString &name, const QStringList &arguments);
ClockKind parseClock(const QString &text);

} // namespace concviz::cli
