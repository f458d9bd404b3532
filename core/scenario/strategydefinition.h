#pragma once

#include "../async/task.h"
#include "strategyparam.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace concviz {

class Engine;
struct StrategySpec;

// Everything about one strategy, declared once in its file under core/engine/strategies/ and
// registered there: its name and parameters, the asyncio code it mirrors, the limit it sets on
// running tasks and the coroutine that runs it. Nothing else lists strategies.
struct StrategyDefinition
{
    QString name = {};
    int order = 0;             // its place in lists and help texts: simplest first
    QString summary = {};           // what the caller does, in a sentence
    QString asyncioCode = {};       // the asyncio code it mirrors, a few lines
    QList<StrategyParam> params = {}; // positional ones first, in the order they are written
    QChar separator = QLatin1Char('/'); // between positional values: rate_limit:5/1000
    QStringList examples = {};      // written forms to offer; the first is quoted in messages
    // The limit on running tasks it sets, or 0 when it sets none.
    int (*concurrencyLimit)(const StrategySpec &spec) = nullptr;
    // Why `spec` cannot start `tasks` tasks within the 24 hours a run may take (a rate limit, a
    // producer's interval), or empty; null when it always can.
    QString (*checkSchedule)(const StrategySpec &spec, int tasks) = nullptr;
    // Whether it creates every task before the caller goes on, so that the scenario's caller steps
    // can run between creating the tasks and awaiting them.
    bool runsCallerSteps = false;
    // The caller's coroutine: runs the engine's tasks in this strategy's order.
    Task<void> (*run)(Engine &engine, const StrategySpec &spec) = nullptr;

    // The written forms the help text shows: "semaphore:N", "queue:WORKERS[,maxsize=M][,interval=MS]";
    // a strategy whose parameter is a flag or a choice shows one form per value.
    QStringList syntaxForms() const;
    // What a spec missing its parameters lacks: "its number of permits", "CALLS/PERIOD_MS".
    QString needs() const;
    QList<StrategyParam> positionalParams() const;
    QList<StrategyParam> namedParams() const;
};

} // namespace concviz
