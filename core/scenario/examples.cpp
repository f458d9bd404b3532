#include "examples.h"

#include "scenarioreader.h"

#include <QDir>

namespace concviz {

QStringList examplePaths()
{
    QStringList paths;
    const QDir dir(QStringLiteral(":/scenarios"));
    for (const QString &name : dir.entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name))
        paths.append(dir.filePath(name));
    return paths;
}

Scenario builtinDemo()
{
    ScenarioReadResult result = ScenarioReader::readFile(QStringLiteral(":/scenarios/async_demo.json"));
    Q_ASSERT_X(result.scenario, "builtinDemo", "the built-in demo must be valid");
    return result.scenario ? *result.scenario : Scenario();
}

} // namespace concviz
