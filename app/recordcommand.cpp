#include "recordcommand.h"

#include "cli.h"
#include "interrupt.h"
#include "gantt/terminalgantt.h"
#include "trace/tracereader.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QEventLoop>
#include <QFileInfo>
#include <QProcess>
#include <QProcessEnvironment>

namespace concviz::cli {

QString recorderPythonDir()
{
    const QString app = QCoreApplication::applicationDirPath();
    const QStringList candidates{
        qEnvironmentVariable("CONCVIZ_PYTHON_DIR"),
        app + QStringLiteral("/../share/concviz/python"), // cmake --install on Linux and Windows
        app + QStringLiteral("/../Resources/python"),     // cmake --install of the macOS bundle
        QStringLiteral(CONCVIZ_SOURCE_PYTHON_DIR),        // a build that was not installed
    };
    for (const QString &dir : candidates)
        if (!dir.isEmpty() && QFileInfo::exists(dir + QStringLiteral("/concviz_record/__init__.py")))
            return QDir(dir).absolutePath();
    return {};
}

namespace {

// Where the trace goes when --out is left out: beside where the command runs, named after the program.
QString defaultOut(const QStringList &command)
{
    for (const QString &argument : command.mid(1))
        if (argument.endsWith(QLatin1String(".py")))
            return QFileInfo(argument).completeBaseName() + QStringLiteral(".concviz-trace.json");
    return QStringLiteral("recorded.concviz-trace.json");
}

} // namespace

int recordCommand(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Runs a Python program and records every asyncio task it runs: when each was created, ran and waited, and on "
        "what; what it ended with; the executor threads' work; the loop being blocked. Shows the result as view does "
        "and writes it as a trace that view and the window open.\n\nconcviz record [options] -- python3 prog.py ARGS..."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("COMMAND"), QStringLiteral("The program to record, after --: python3 prog.py ARGS..."),
                                 QStringLiteral("-- COMMAND..."));
    parser.addOptions({
        {{QStringLiteral("o"), QStringLiteral("out")}, QStringLiteral("Write the trace to PATH (default: PROGRAM.concviz-trace.json here)."),
         QStringLiteral("PATH")},
        {QStringLiteral("open"), QStringLiteral("Open the trace in the window once the program has ended.")},
        {QStringLiteral("slow-ms"), QStringLiteral("A step of a task longer than this blocks the loop (default 100, as asyncio's debug mode)."),
         QStringLiteral("MS"), QStringLiteral("100")},
        {QStringLiteral("width"), QStringLiteral("Characters for the chart's time axis."), QStringLiteral("N"), QStringLiteral("60")},
        {QStringLiteral("lanes"), QStringLiteral("Most tasks drawn one per row."), QStringLiteral("N"), QStringLiteral("40")},
    });
    if (!parseCommand(parser, QStringLiteral("concviz record"), arguments))
        return Success;
    const QStringList command = parser.positionalArguments();
    if (command.isEmpty())
        throw UsageError{QStringLiteral("record needs the program to run after --, such as: concviz record -- python3 prog.py")};
    const int slowMs = intOption(QStringLiteral("slow-ms"), parser.value(QStringLiteral("slow-ms")), 1, 3600000);
    const TerminalGantt::Options chart = chartOptions(parser.value(QStringLiteral("width")), parser.value(QStringLiteral("lanes")));
    const QString python = recorderPythonDir();
    if (python.isEmpty())
        throw UsageError{QStringLiteral("the recorder (the concviz_record Python package) is not installed beside this program; "
                                        "set CONCVIZ_PYTHON_DIR to the folder that holds it")};
    const QString out = QFileInfo(parser.isSet(QStringLiteral("out")) ? parser.value(QStringLiteral("out")) : defaultOut(command)).absoluteFilePath();
    if (!QFileInfo(QFileInfo(out).absolutePath()).isDir())
        throw UsageError{QStringLiteral("--out: %1: no such folder").arg(QFileInfo(out).absolutePath())};
    // What an earlier recording left must not pass for this one's.
    if (QFileInfo::exists(out) && !QFile::remove(out))
        throw UsageError{QStringLiteral("%1: cannot be replaced").arg(out)};

    // The program finds the recorder through its sitecustomize hook: nothing to change in it.
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    const QString hook = python + QStringLiteral("/concviz_record/hook");
    const QString inherited = environment.value(QStringLiteral("PYTHONPATH"));
    environment.insert(QStringLiteral("PYTHONPATH"),
                       QDir::toNativeSeparators(python) + QDir::listSeparator() + QDir::toNativeSeparators(hook)
                           + (inherited.isEmpty() ? QString() : QDir::listSeparator() + inherited));
    environment.insert(QStringLiteral("CONCVIZ_RECORD_OUT"), QDir::toNativeSeparators(out));
    environment.insert(QStringLiteral("CONCVIZ_RECORD_SLOW_MS"), QString::number(slowMs));

    QProcess program;
    program.setProgram(command.first());
    program.setArguments(command.mid(1));
    program.setProcessEnvironment(environment);
    program.setProcessChannelMode(QProcess::ForwardedChannels);
    program.setInputChannelMode(QProcess::ForwardedInputChannel);
    // Ctrl-C reaches the program too, which stops and writes what it recorded: wait for it.
    InterruptWatcher watcher;
    QEventLoop loop;
    QObject::connect(&program, &QProcess::finished, &loop, &QEventLoop::quit);
    QObject::connect(&program, &QProcess::errorOccurred, &loop, [&](QProcess::ProcessError error) {
        if (error == QProcess::FailedToStart)
            loop.quit();
    });
    program.start();
    if (program.state() != QProcess::NotRunning || program.error() != QProcess::FailedToStart)
        loop.exec();
    if (program.error() == QProcess::FailedToStart)
        throw UsageError{QStringLiteral("%1: cannot be started: %2").arg(command.first(), program.errorString())};

    if (!QFileInfo::exists(out))
        throw UsageError{QStringLiteral("%1 wrote no trace: record runs Python 3.10 or later (python3 prog.py ...), and the program "
                                        "must not end with os._exit")
                             .arg(command.join(QLatin1Char(' ')))};
    const TraceReadResult read = TraceReader::readFile(out);
    if (!read.error.isEmpty())
        throw UsageError{read.error};
    printOut(chartOfRuns(read.traces, chart));
    qsizetype tasks = 0;
    for (const Trace &t : read.traces)
        tasks += t.tasks.size();
    printErr(QStringLiteral("concviz: recorded %1 %2 in %3 %4: %5\n")
                 .arg(tasks)
                 .arg(tasks == 1 ? QStringLiteral("lane") : QStringLiteral("lanes"))
                 .arg(read.traces.size())
                 .arg(read.traces.size() == 1 ? QStringLiteral("event loop") : QStringLiteral("event loops"), out));
    const bool crashed = program.exitStatus() == QProcess::CrashExit;
    if (crashed || program.exitCode() != 0)
        printErr(crashed ? QStringLiteral("concviz: the program crashed; the trace holds what ran until then\n")
                         : QStringLiteral("concviz: the program exited with status %1; the trace holds what ran until then\n").arg(program.exitCode()));
    if (parser.isSet(QStringLiteral("open")) && !QProcess::startDetached(QCoreApplication::applicationFilePath(), {out}))
        throw UsageError{QStringLiteral("the window cannot be opened on %1").arg(out)};
    return Success;
}

} // namespace concviz::cli
