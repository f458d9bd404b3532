#include "cli.h"
#include "comparecommand.h"
#include "recordcommand.h"
#include "exportpythoncommand.h"
#include "freedmemory.h"
#include "rendercommand.h"
#include "runcommand.h"
#include "servecommand.h"
#include "validatecommand.h"
#include "viewcommand.h"
#include "windowcommand.h"

#include <QApplication>
#include <QFileInfo>

#include <exception>

using namespace concviz;

namespace {

const char *usage = "Usage: concviz <command> [options]\n"
                    "\n"
                    "Commands:\n"
                    "  run [FILE]        run a scenario and print a Gantt chart, JSON, CSV or a Chrome trace\n"
                    "  compare [FILE]    run the tasks under several strategies and compare them\n"
                    "  validate FILE...  check scenario files and report every error\n"
                    "  render [FILE]     draw the comparison as PNG, SVG or PDF, with no window\n"
                    "  serve             run the built-in demo HTTP server (http://demo/... in scenarios)\n"
                    "  export-python FILE  write the scenario as a runnable Python asyncio program\n"
                    "  view FILE         show a trace written before (run or compare --format json) as run shows one\n"
                    "  record -- python3 prog.py ARGS  record a real asyncio program's tasks as a trace (--open shows it)\n"
                    "\n"
                    "With no command, concviz opens the window (concviz [FILE] [--run] [--screenshot PATH] [--quit]\n"
                    "[--theme NAME] [--clock real|virtual] [--size WxH]); with no display it prints the comparison.\n"
                    "Without FILE the built-in demo runs. 'concviz <command> --help' shows a command's options.\n"
                    "Exit status: 0 success, 1 internal error, 2 bad input, 130 interrupted (Ctrl-C), 143 terminated (SIGTERM),\n"
                    "129 hung up (SIGHUP); the runs so far are written either way.\n";

} // namespace

// Runs a command, turning bad input into exit status 2 and anything unexpected into 1.
int guarded(const std::function<int()> &command)
{
    try {
        return command();
    } catch (const cli::UsageError &e) {
        cli::printErr(QStringLiteral("concviz: %1\n").arg(e.message));
        return cli::BadInput;
    } catch (const std::exception &e) {
        cli::printErr(QStringLiteral("concviz: internal error: %1\n").arg(QString::fromLocal8Bit(e.what())));
        return cli::InternalError;
    }
}

void describeApplication()
{
    QCoreApplication::setApplicationName(QStringLiteral("concviz"));
    QCoreApplication::setOrganizationName(QStringLiteral("ConcViz"));
    QCoreApplication::setApplicationVersion(QStringLiteral(CONCVIZ_VERSION));
}

int main(int argc, char **argv)
{
    keepFreedMemoryReturnable(); // before any thread starts
    // The kind of application is chosen before one exists: the terminal commands need no display,
    // render needs fonts and painting but no screen, and only the window needs a desktop.
    const QString first = argc > 1 ? QString::fromLocal8Bit(argv[1]) : QString();
    const QStringList terminalCommands{QStringLiteral("run"), QStringLiteral("compare"), QStringLiteral("validate"), QStringLiteral("serve"),
                                       QStringLiteral("export-python"), QStringLiteral("view"), QStringLiteral("record"), QStringLiteral("help"), QStringLiteral("--help"), QStringLiteral("-h"), QStringLiteral("--version")};
    const bool wantsWindow = !terminalCommands.contains(first) && first != QLatin1String("render")
        && (first.isEmpty() || first.startsWith(QLatin1Char('-')) || QFileInfo(first).isFile());
    if (first == QLatin1String("render")) {
        if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
            qputenv("QT_QPA_PLATFORM", "offscreen");
        QGuiApplication app(argc, argv);
        describeApplication();
        return guarded([] { return cli::renderCommand(QCoreApplication::arguments().mid(2)); });
    }
    if (wantsWindow && cli::hasDisplay()) {
        QApplication app(argc, argv);
        describeApplication();
        return guarded([] { return cli::windowCommand(QCoreApplication::arguments().mid(1)); });
    }
    QCoreApplication app(argc, argv);
    describeApplication();
    QStringList args = QCoreApplication::arguments().mid(1);
    if (wantsWindow) {
        // No display: `concviz` and `concviz FILE` show the comparison in the terminal instead.
        cli::printErr(QStringLiteral("concviz: no display; showing the comparison here (concviz compare --help for more)\n"));
        const QString file = !args.isEmpty() && !args.first().startsWith(QLatin1Char('-')) ? args.first() : QString();
        args = file.isEmpty() ? QStringList{QStringLiteral("compare")} : QStringList{QStringLiteral("compare"), file};
    }
    const QString command = args.takeFirst();
    return guarded([&] {
        if (command == QLatin1String("run"))
            return cli::runCommand(args);
        if (command == QLatin1String("compare"))
            return cli::compareCommand(args);
        if (command == QLatin1String("validate"))
            return cli::validateCommand(args);
        if (command == QLatin1String("serve"))
            return cli::serveCommand(args);
        if (command == QLatin1String("export-python"))
            return cli::exportPythonCommand(args);
        if (command == QLatin1String("view"))
            return cli::viewCommand(args);
        if (command == QLatin1String("record"))
            return cli::recordCommand(args);
        if (command == QLatin1String("--help") || command == QLatin1String("-h") || command == QLatin1String("help")) {
            cli::printOut(QString::fromLatin1(usage));
            return int(cli::Success);
        }
        if (command == QLatin1String("--version")) {
            cli::printOut(QStringLiteral("concviz %1\n").arg(QCoreApplication::applicationVersion()));
            return int(cli::Success);
        }
        throw cli::UsageError{QStringLiteral("unknown command \"%1\"\n\n%2").arg(command, QString::fromLatin1(usage))};
    });
}
