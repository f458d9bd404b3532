#include "cli.h"

#include "scenario/examples.h"
#include "scenario/scenarioreader.h"
#include "scenario/scenariovalidator.h"
#include "trace/safetext.h"

#include <QFile>
#include <QSaveFile>

#include <cstdio>

namespace concviz::cli {

void printOut(const QString &text)
{
    const QByteArray bytes = escapeControls(text, true).toUtf8();
    std::fwrite(bytes.constData(), 1, static_cast<size_t>(bytes.size()), stdout);
    std::fflush(stdout);
}

void printErr(const QString &text)
{
    // Messages quote names and values from files: nothing in them may drive the terminal.
    printStatus(escapeControls(text, true));
}

void printStatus(const QString &text)
{
    const QByteArray bytes = text.toUtf8();
    std::fwrite(bytes.constData(), 1, static_cast<size_t>(bytes.size()), stderr);
    std::fflush(stderr);
}

Scenario loadScenario(const QString &file)
{
    if (file.isEmpty())
        return builtinDemo();
    ScenarioReadResult result = ScenarioReader::readFile(file);
    if (!result.scenario)
        throw UsageError{result.errors.join(QLatin1Char('\n'))};
    return *result.scenario;
}

StrategySpec parseStrategy(const QString &text)
{
    QString error;
    const std::optional<StrategySpec> spec = StrategySpec::parse(text, &error);
    if (!spec)
        throw UsageError{QStringLiteral("--strategy: %1").arg(error)};
    return *spec;
}

QList<StrategySpec> parseStrategyList(const QString &text)
{
    QString error;
    const std::optional<QList<StrategySpec>> specs = StrategySpec::parseList(text, &error);
    if (!specs)
        throw UsageError{QStringLiteral("--strategies: %1").arg(error)};
    if (specs->isEmpty())
        throw UsageError{QStringLiteral("--strategies: name at least one strategy")};
    return *specs;
}

void writeOutput(const QString &path, const QByteArray &data)
{
    if (path.isEmpty()) {
        std::fwrite(data.constData(), 1, static_cast<size_t>(data.size()), stdout);
        std::fflush(stdout);
        return;
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(data) != data.size() || !file.commit())
        throw UsageError{QStringLiteral("%1: cannot be written: %2").arg(path, file.errorString())};
}

void writeOutputWith(const QString &path, const std::function<bool(QIODevice &)> &write)
{
    if (path.isEmpty()) {
        QFile out;
        if (!out.open(stdout, QIODevice::WriteOnly) || !write(out) || !out.flush())
            throw UsageError{QStringLiteral("standard output cannot be written: %1").arg(out.errorString())};
        return;
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || !write(file) || !file.commit())
        throw UsageError{QStringLiteral("%1: cannot be written: %2").arg(path, file.errorString())};
}

int intOption(const QString &name, const QString &value, int min, int max)
{
    bool ok = false;
    const int n = value.toInt(&ok);
    if (!ok || n < min || n > max)
        throw UsageError{QStringLiteral("--%1: must be a whole number from %2 to %3, not \"%4\"").arg(name).arg(min).arg(max).arg(value)};
    return n;
}

std::optional<ExportFormat> traceFormatOption(const QString &value)
{
    const std::optional<ExportFormat> format = exportFormatFromName(value);
    if (value != QLatin1String("text") && !format)
        throw UsageError{QStringLiteral("--format: must be text, json, csv or chrome-trace, not \"%1\"").arg(value)};
    return format;
}

TerminalGantt::Options chartOptions(const QString &width, const QString &lanes)
{
    TerminalGantt::Options chart;
    chart.width = intOption(QStringLiteral("width"), width, 10, 1000);
    chart.maxLanes = intOption(QStringLiteral("lanes"), lanes, 0, 1000000);
    return chart;
}

QString chartOfRuns(const QList<Trace> &traces, const TerminalGantt::Options &options)
{
    if (traces.size() == 1)
        return TerminalGantt::render(traces.first(), options) + TerminalGantt::legend();
    return TerminalGantt::renderComparison(traces, options);
}

double millisOption(const QString &name, const QString &value)
{
    bool ok = false;
    const double ms = value.trimmed().toDouble(&ok);
    if (!ok || !(ms >= 0 && ms <= 86400000))
        throw UsageError{QStringLiteral("--%1: must be a time in milliseconds from 0 to 86400000, not \"%2\"").arg(name, value)};
    return ms;
}

} // namespace concviz::cli

#include "engine/comparison.h"
#include "interrupt.h"
#include "trace/timeformat.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QTimer>

#ifdef Q_OS_WIN
#include <io.h>
#define CONCVIZ_ISATTY(fd) _isatty(fd)
#else
#include <unistd.h>
#define CONCVIZ_ISATTY(fd) isatty(fd)
#endif

namespace concviz::cli {

QList<StrategySpec> strategiesToCompare(const QCommandLineParser &parser, const Scenario &scenario)
{
    if (!parser.isSet(QStringLiteral("strategies")))
        return scenario.compareOrDefault();
    const QList<StrategySpec> specs = parseStrategyList(parser.value(QStringLiteral("strategies")));
    for (const StrategySpec &spec : specs)
        checkRunsCallerSteps(QStringLiteral("--strategies"), scenario, spec);
    return specs;
}

void checkRunsCallerSteps(const QString &option, const Scenario &scenario, const StrategySpec &strategy)
{
    if (const QString problem = ScenarioValidator::callerProblem(scenario, strategy); !problem.isEmpty())
        throw UsageError{QStringLiteral("%1: %2").arg(option, problem)};
}

bool parseCommand(QCommandLineParser &parser, const QString &name, const QStringList &arguments)
{
    QStringList args = arguments;
    args.prepend(name);
    if (!parser.parse(args))
        throw UsageError{parser.errorText()};
    if (parser.isSet(QStringLiteral("help"))) {
        printOut(parser.helpText());
        return false;
    }
    return true;
}

ClockKind parseClock(const QString &text)
{
    if (text == QLatin1String("real"))
        return ClockKind::Real;
    if (text == QLatin1String("virtual"))
        return ClockKind::Virtual;
    throw UsageError{QStringLiteral("--clock: must be real or virtual, not \"%1\"").arg(text)};
}

QList<Trace> executeRuns(const Scenario &scenario, const QList<StrategySpec> &strategies, ClockKind clock, int *signal)
{
    Comparison comparison;
    InterruptWatcher watcher;
    QEventLoop loop;
    bool done = false;
    QString internalError;
    QObject::connect(&comparison, &Comparison::finished, &loop, [&] {
        done = true;
        loop.quit();
    });
    QObject::connect(&comparison, &Comparison::failed, &loop, [&](int, const QString &error) { internalError = error; });
    QObject::connect(&watcher, &InterruptWatcher::interrupted, &comparison, &Comparison::stop);
    // On a terminal, a status line shows that a long real-clock run is alive; it is erased after.
    QTimer progress;
    QElapsedTimer wall;
    const bool showProgress = clock == ClockKind::Real && CONCVIZ_ISATTY(2);
    if (showProgress) {
        QObject::connect(&progress, &QTimer::timeout, &comparison, [&] {
            const QList<Trace> traces = comparison.traces();
            if (traces.isEmpty() || !comparison.isRunning())
                return;
            const Trace &live = traces.last();
            const auto done = std::count_if(live.tasks.begin(), live.tasks.end(), [](const TaskTrace &t) { return t.end >= 0; });
            printStatus(QStringLiteral("\r\033[K%1 running: %2, %3 of %4 tasks done (Ctrl-C stops)")
                         .arg(live.strategy, humanDuration(wall.nsecsElapsed() / 1000))
                         .arg(done)
                         .arg(live.tasks.size()));
        });
        wall.start();
        progress.start(100);
    }
    comparison.start(scenario, strategies, clock);
    if (!done)
        loop.exec();
    if (showProgress)
        printStatus(QStringLiteral("\r\033[K"));
    if (!internalError.isEmpty())
        throw std::runtime_error(internalError.toStdString());
    *signal = watcher.signal();
    return comparison.traces();
}

Trace executeRun(const Scenario &scenario, const StrategySpec &strategy, ClockKind clock, int *signal)
{
    return executeRuns(scenario, {strategy}, clock, signal).value(0);
}

int reportInterrupted(int signal, const QString &out)
{
    const QString where = out.isEmpty() ? QStringLiteral("above") : QStringLiteral("in %1").arg(out);
    printErr(QStringLiteral("concviz: %1; what ran until then is %2\n").arg(interruptedBy(signal), where));
    return interruptedExitCode(signal);
}

} // namespace concviz::cli
