#include "examples.h"

#include "scenarioreader.h"

#include <QDir>

#include <algorithm>

namespace concviz {

QStringList examplePaths()
{
    QStringList paths;
    const QDir dir(QStringLiteral(":/scenarios"));
    for (const QString &name : dir.entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name))
        paths.append(dir.filePath(name));
    return paths;
}

QStringList exampleTopics()
{
    return {QStringLiteral("Basics"),
            QStringLiteral("Errors, timeouts and retries"),
            QStringLiteral("Limits and pools"),
            QStringLiteral("HTTP"),
            QStringLiteral("Databases"),
            QStringLiteral("Blocking and CPU work"),
            QStringLiteral("Patterns")};
}

QList<Example> examplesByTopic()
{
    QList<Example> all;
    for (const QString &path : examplePaths()) {
        const ScenarioReadResult r = ScenarioReader::readFile(path);
        if (!r.scenario)
            continue; // the tests keep every shipped file valid
        all.append({path, r.scenario->name, r.scenario->topic, r.scenario->lesson, r.scenario->description});
    }
    const QStringList topics = exampleTopics();
    // A topic this list does not know goes last, so nothing shipped is ever hidden.
    auto rank = [&](const Example &e) {
        const qsizetype i = topics.indexOf(e.topic);
        return i < 0 ? topics.size() : i;
    };
    std::stable_sort(all.begin(), all.end(), [&](const Example &a, const Example &b) { return rank(a) < rank(b); });
    return all;
}

Scenario builtinDemo()
{
    ScenarioReadResult result = ScenarioReader::readFile(QStringLiteral(":/scenarios/async_demo.json"));
    Q_ASSERT_X(result.scenario, "builtinDemo", "the built-in demo must be valid");
    return result.scenario ? *result.scenario : Scenario();
}

} // namespace concviz
