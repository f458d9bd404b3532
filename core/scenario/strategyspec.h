#pragma once

#include <QJsonValue>
#include <QList>
#include <QString>
#include <QVariantMap>

#include <optional>

namespace concviz {

struct StrategyDefinition;

// How the tasks of a scenario are run: a registered strategy's name and its parameters' values.
// Written as a string ("semaphore:3", "queue:3,maxsize=5,interval=100") or as an object
// ({"type": "semaphore", "limit": 3}); what each strategy takes is declared in its definition.
struct StrategySpec
{
    QString name = QStringLiteral("gather");
    QVariantMap values; // by parameter key; a parameter left out is absent

    bool operator==(const StrategySpec &) const = default;

    // The values, read by parameter key; an absent one reads as 0, false or "".
    int count(const QString &key) const { return values.value(key).toInt(); }
    double millis(const QString &key) const { return values.value(key).toDouble(); }
    bool flag(const QString &key) const { return values.value(key).toBool(); }
    QString choice(const QString &key) const { return values.value(key).toString(); }

    // The registered definition of this strategy, or null for a name no file registers.
    const StrategyDefinition *definition() const;

    // Parses the string form; on failure returns nullopt and sets *error to a sentence.
    static std::optional<StrategySpec> parse(const QString &text, QString *error);
    // Parses a comma-separated list, "sequential,queue:3,maxsize=5,gather": a piece with '=' and no
    // ':' belongs to the strategy before it. An empty text gives an empty list.
    static std::optional<QList<StrategySpec>> parseList(const QString &text, QString *error);
    // Parses either form from a scenario file.
    static std::optional<StrategySpec> fromJson(const QJsonValue &value, QString *error);
    // The string form; parse(toString()) gives back the same spec.
    QString toString() const;
    // The limit on running tasks that this strategy sets, or 0 when it sets none.
    int concurrencyLimit() const;
};

// The list that the help text and error messages show, from the registered strategies.
QString strategySyntaxHelp();

} // namespace concviz
