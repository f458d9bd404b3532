#pragma once

#include "scenario/scenario.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <optional>

namespace concviz::cli {

// Exit statuses of every command.
enum ExitCode { Success = 0, InternalError = 1, BadInput = 2, Interrupted = 130 };

// Thrown by a command for bad input: the message goes to stderr and the exit status is 2.
struct UsageError
{
    QString message;
};

void printOut(const QString &text);
void printErr(const QString &text);

// The scenario in `file`, or the built-in demo when `file` is empty. Throws UsageError.
Scenario loadScenario(const QString &file);
// StrategySpec::parseList for --strategies, which must name at least one. Throws UsageError.
QList<StrategySpec> parseStrategyList(const QString &text);
StrategySpec parseStrategy(const QString &text);
// Writes to `path` atomically, or to stdout when `path` is empty. Throws UsageError.
void writeOutput(const QString &path, const QByteArray &data);
// A whole number option within bounds. Throws UsageError.
int intOption(const QString &name, const QString &value, int min, int max);

} // namespace concviz::cli

#include "engine/runner.h"

#include <QCommandLineParser>

namespace concviz::cli {

// Runs to the end on the event loop; Ctrl-C stops it cleanly and sets *interrupted. Throws
// UsageError when the scenario cannot run on that clock.
Trace executeRun(const Scenario &scenario, const StrategySpec &strategy, ClockKind clock, bool *interrupted);
// Runs the scenario under each strategy in turn, stopping after the run that Ctrl-C interrupted.
QList<Trace> executeRuns(const Scenario &scenario, const QList<StrategySpec> &strategies, ClockKind clock, bool *interrupted);
// The strategies named by --strategies, else the scenario's compare list.
QList<StrategySpec> strategiesToCompare(const QCommandLineParser &parser, const Scenario &scenario);
// Parses a command's arguments ("concviz NAME ..."). Returns false when --help was asked for and
// printed; throws UsageError for bad options.
bool parseCommand(QCommandLineParser &parser, const QString &name, const QStringList &arguments);
ClockKind parseClock(const QString &text);

} // namespace concviz::cli
