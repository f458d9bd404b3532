#include "exportpythoncommand.h"

#include "cli.h"
#include "engine/pythonprogram.h"

#include <QCommandLineParser>
#include <QFileInfo>

namespace concviz::cli {

int exportPythonCommand(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Writes the scenario as a Python 3.11 program that uses only the standard library: the tasks as async functions,\n"
        "the strategy as the asyncio code it stands for. `python3 PATH` prints what happens; `python3 PATH --json` prints\n"
        "the measured times in the shape of `concviz run --format json`."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("FILE"), QStringLiteral("A scenario file (.json)."), QStringLiteral("FILE"));
    parser.addOptions({
        {{QStringLiteral("s"), QStringLiteral("strategy")}, QStringLiteral("Strategy to use instead of the file's: %1.").arg(strategySyntaxHelp()), QStringLiteral("S")},
        {{QStringLiteral("o"), QStringLiteral("out")}, QStringLiteral("Write the program to PATH instead of standard output."), QStringLiteral("PATH")},
    });
    if (!parseCommand(parser, QStringLiteral("concviz export-python"), arguments))
        return Success;
    if (parser.positionalArguments().size() != 1)
        throw UsageError{QStringLiteral("export-python takes one scenario file, not %1").arg(parser.positionalArguments().size())};
    const QString file = parser.positionalArguments().first();
    const Scenario scenario = loadScenario(file);
    const StrategySpec strategy = parser.isSet(QStringLiteral("strategy")) ? parseStrategy(parser.value(QStringLiteral("strategy")))
                                                                          : scenario.strategy;
    checkRunsCallerSteps(QStringLiteral("--strategy"), scenario, strategy);
    const PythonProgram program(scenario, strategy, QFileInfo(file).fileName());
    writeOutput(parser.value(QStringLiteral("out")), program.text().toUtf8());
    return Success;
}

} // namespace concviz::cli
