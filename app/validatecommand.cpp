#include "validatecommand.h"

#include "cli.h"
#include "scenario/scenarioreader.h"

namespace concviz::cli {

int validateCommand(const QStringList &arguments)
{
    if (arguments.contains(QStringLiteral("--help")) || arguments.contains(QStringLiteral("-h"))) {
        printOut(QStringLiteral("Usage: concviz validate FILE...\nChecks scenario files and reports every error in each.\n"));
        return Success;
    }
    if (arguments.isEmpty())
        throw UsageError{QStringLiteral("validate needs at least one scenario file")};
    bool allValid = true;
    for (const QString &file : arguments) {
        const ScenarioReadResult result = ScenarioReader::readFile(file);
        if (result.scenario) {
            printOut(QStringLiteral("%1: ok (%2 tasks, strategy %3)\n")
                         .arg(file)
                         .arg(result.scenario->instances().size())
                         .arg(result.scenario->strategy.toString()));
        } else {
            allValid = false;
            printErr(result.errors.join(QLatin1Char('\n')) + QLatin1Char('\n'));
        }
    }
    return allValid ? Success : BadInput;
}

} // namespace concviz::cli
