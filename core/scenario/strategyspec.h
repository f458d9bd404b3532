#pragma once

#include <QJsonValue>
#include <QList>
#include <QString>

#include <optional>

namespace concviz {

// How the tasks of a scenario are run, with its parameters. Written as a string
// ("semaphore:3", "queue:3,maxsize=5,interval=100") or as an object ({"type": "semaphore", "limit": 3}).
struct StrategySpec
{
    enum class Kind { Sequential, Gather, TaskGroup, AsCompleted, WaitFirstCompleted, WaitFirstException, Semaphore, RateLimit, Queue, Batches };

    Kind kind = Kind::Gather;
    bool returnExceptions = false; // gather
    int limit = 0;                 // semaphore permits, queue workers, batch size
    int calls = 0;                 // rate_limit: starts allowed ...
    double periodMs = 0;           // ... in any window of this length
    int maxsize = 0;               // queue: 0 = unbounded
    double intervalMs = 0;         // queue: the producer puts one task every intervalMs
    int concurrency = 0;           // batches: at most this many at once within a batch; 0 = all

    bool operator==(const StrategySpec &) const = default;

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

// The list that the help text and error messages show.
QString strategySyntaxHelp();

} // namespace concviz
