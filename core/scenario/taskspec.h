#pragma once

#include <QJsonObject>
#include <QString>
#include <QVariantMap>

#include <optional>

namespace concviz {

struct TaskKindDefinition;

// One entry of a scenario's "tasks" list, as written in the file (before `count` expands it).
// The fields every task has are members; the fields of its kind (duration_ms, url, ...) are kept
// by key as the kind's definition declares them, with their defaults filled in.
struct TaskSpec
{
    QString name;
    QString kind = QStringLiteral("sleep");
    int count = 1;                   // expands into name#1..name#count
    std::optional<double> timeoutMs; // overrides the scenario's timeout_ms
    QVariantMap fields;              // the kind's own fields, by key
    // Fields this build does not know, written back unchanged on save.
    QJsonObject extra;

    bool operator==(const TaskSpec &) const = default;

    // The registered definition of its kind, or null for a name no file registers.
    const TaskKindDefinition *definition() const;

    // The kind's fields read by key; an absent one reads as 0, "", false or nothing.
    double millis(const QString &key) const { return fields.value(key).toDouble(); }
    QString text(const QString &key) const { return fields.value(key).toString(); }
    bool flag(const QString &key) const { return fields.value(key).toBool(); }
    std::optional<qint64> integer(const QString &key) const
    {
        return fields.contains(key) ? std::optional<qint64>(fields.value(key).toLongLong()) : std::nullopt;
    }
};

} // namespace concviz
