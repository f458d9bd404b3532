#pragma once

#include "scenario.h"

#include <QByteArray>
#include <QJsonDocument>
#include <QString>
#include <QStringList>

#include <optional>

namespace concviz {

// Reads format version 1. Every problem is reported as one sentence that starts with where it is:
// "demo.json:4:17: ..." for JSON syntax, "demo.json: tasks[3].duration_ms: ..." for content.
struct ScenarioReadResult
{
    std::optional<Scenario> scenario; // set only when there are no errors
    QStringList errors;
};

class ScenarioReader
{
public:
    // The largest scenario file read: a million tasks take far less.
    static constexpr qint64 maxFileBytes = 64 * 1024 * 1024;

    // `source` names the input in messages (a file name, ":/scenarios/x.json", "<editor>").
    static ScenarioReadResult read(const QByteArray &json, const QString &source);
    // The same, of JSON parsed already (a file read once and tried as a scenario and as a trace).
    static ScenarioReadResult read(const QJsonDocument &document, const QString &source);
    static ScenarioReadResult readFile(const QString &path);

private:
    static ScenarioReadResult tooLarge(const QString &source, qint64 bytes);
};

} // namespace concviz
