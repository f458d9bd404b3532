#pragma once

#include <QJsonObject>
#include <QMap>
#include <QString>

#include <optional>

namespace concviz {

enum class TaskKind { Sleep, Fail, Blocking, Cpu, Http };

QString taskKindName(TaskKind kind);
std::optional<TaskKind> taskKindFromName(const QString &name);

// One entry of a scenario's "tasks" list, as written in the file (before `count` expands it).
struct TaskSpec
{
    QString name;
    TaskKind kind = TaskKind::Sleep;
    double durationMs = 0;
    QString error;            // fail: the error it raises
    bool offload = false;     // blocking, cpu: run in the executor pool instead of on the loop
    int count = 1;            // expands into name#1..name#count
    std::optional<double> timeoutMs; // overrides the scenario's timeout_ms
    // http
    QString url;
    QString method;           // GET (default), HEAD, POST
    QString body;
    QMap<QString, QString> headers;
    std::optional<qint64> maxBytes;
    std::optional<int> expectStatus;
    // Fields this build does not know, written back unchanged on save.
    QJsonObject extra;

    bool operator==(const TaskSpec &) const = default;
};

} // namespace concviz
