#include "cli.h"
#include "comparecommand.h"
#include "runcommand.h"
#include "validatecommand.h"

#include <QCoreApplication>
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
                    "\n"
                    "Without FILE the built-in demo runs. 'concviz <command> --help' shows a command's options.\n"
                    "Exit status: 0 success, 1 internal error, 2 bad input, 130 interrupted.\n";

} // namespace

int main(int argc, char **argv)
{
    // Every command here works without a display, so the core application is chosen before any
    // other; the window is a separate front end.
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("concviz"));
    QCoreApplication::setOrganizationName(QStringLiteral("ConcViz"));
    QCoreApplication::setApplicationVersion(QStringLiteral(CONCVIZ_VERSION));

    QStringList args = QCoreApplication::arguments().mid(1);
    // `concviz` and `concviz FILE` show the comparison of the demo or of that file.
    if (args.isEmpty() || (QFileInfo(args.first()).isFile() && !args.first().startsWith(QLatin1Char('-'))))
        args.prepend(QStringLiteral("compare"));
    const QString command = args.takeFirst();
    try {
        if (command == QLatin1String("run"))
            return cli::runCommand(args);
        if (command == QLatin1String("compare"))
            return cli::compareCommand(args);
        if (command == QLatin1String("validate"))
            return cli::validateCommand(args);
        if (command == QLatin1String("--help") || command == QLatin1String("-h") || command == QLatin1String("help")) {
            cli::printOut(QString::fromLatin1(usage));
            return cli::Success;
        }
        if (command == QLatin1String("--version")) {
            cli::printOut(QStringLiteral("concviz %1\n").arg(QCoreApplication::applicationVersion()));
            return cli::Success;
        }
        throw cli::UsageError{QStringLiteral("unknown command \"%1\"\n\n%2").arg(command, QString::fromLatin1(usage))};
    } catch (const cli::UsageError &e) {
        cli::printErr(QStringLiteral("concviz: %1\n").arg(e.message));
        return cli::BadInput;
    } catch (const std::exception &e) {
        cli::printErr(QStringLiteral("concviz: internal error: %1\n").arg(QString::fromLocal8Bit(e.what())));
        return cli::InternalError;
    }
}
