#include "scenariovalidator.h"

#include "limits.h"
#include "numberformat.h"
#include "scenariofields.h"
#include "strategyregistry.h"
#include "taskkindregistry.h"

namespace concviz {

namespace {

void check(QStringList &out, const QString &path, const Field &field, const QVariant &value)
{
    QString below;
    const QString problem = field.check(value, &below);
    if (!problem.isEmpty())
        out.append(QStringLiteral("%1%2%3: %4").arg(path, field.key, below, problem));
}

void checkTask(QStringList &out, const TaskSpec &t, const QString &path)
{
    const TaskKindDefinition *kind = t.definition();
    if (!kind) {
        out.append(QStringLiteral("%1kind: unknown kind \"%2\"; known: %3").arg(path, t.kind, taskKindNames()));
        return;
    }
    for (const Field &f : kind->fields) {
        if (t.fields.contains(f.key))
            check(out, path, f, t.fields.value(f.key));
        else if (f.required)
            out.append(path + f.key + QStringLiteral(": ") + requiredSentence(*kind));
    }
    for (auto it = t.fields.begin(); it != t.fields.end(); ++it) {
        const QString misplaced = kind->field(it.key()) ? QString() : misplacedSentence(it.key(), it.value());
        if (!misplaced.isEmpty())
            out.append(path + it.key() + QStringLiteral(": ") + misplaced);
    }
    check(out, path, ScenarioFields::taskCount, t.count);
    if (t.timeoutMs)
        check(out, path, ScenarioFields::taskTimeoutMs, *t.timeoutMs);
}

} // namespace

QStringList ScenarioValidator::problems(const Scenario &s)
{
    QStringList out;
    for (qsizetype i = 0; i < s.tasks.size(); ++i)
        checkTask(out, s.tasks[i], QStringLiteral("tasks[%1].").arg(i));
    if (const QString problem = taskCountProblem(s.tasks.size(), s.taskCount()); !problem.isEmpty())
        out.append(QStringLiteral("tasks: ") + problem);
    if (s.timeoutMs)
        check(out, {}, ScenarioFields::timeoutMs, *s.timeoutMs);
    if (s.deadlineMs)
        check(out, {}, ScenarioFields::deadlineMs, *s.deadlineMs);
    check(out, QStringLiteral("retries."), ScenarioFields::retriesMax, s.retries.max);
    check(out, QStringLiteral("retries."), ScenarioFields::retriesBackoffMs, s.retries.backoffMs);
    check(out, QStringLiteral("retries."), ScenarioFields::retriesMaxBackoffMs, s.retries.maxBackoffMs);
    check(out, {}, ScenarioFields::executorWorkers, s.executorWorkers);
    if (s.cores)
        check(out, {}, ScenarioFields::cores, *s.cores);
    if (s.connectionsPerHost)
        check(out, {}, ScenarioFields::connectionsPerHost, *s.connectionsPerHost);
    check(out, {}, ScenarioFields::database, s.database);
    check(out, QStringLiteral("db_pool."), ScenarioFields::dbPoolSize, s.dbPool.size);
    check(out, QStringLiteral("db_pool."), ScenarioFields::dbPoolMaxOverflow, s.dbPool.maxOverflow);
    check(out, QStringLiteral("db_pool."), ScenarioFields::dbPoolTimeoutMs, s.dbPool.timeoutMs);
    for (qsizetype i = 0; i < s.caller.size(); ++i)
        check(out, QStringLiteral("caller[%1].").arg(i), ScenarioFields::callerDurationMs, s.caller[i].durationMs);
    if (s.caller.size() > Limits::maxCallerSteps)
        out.append(QStringLiteral("caller: at most %1 steps").arg(Limits::maxCallerSteps));
    if (out.isEmpty()) {
        for (const Problem &p : scheduleProblems(s))
            out.append(p.text());
    }
    return out;
}

QString ScenarioValidator::taskCountProblem(qsizetype entries, qint64 tasks)
{
    if (entries == 0)
        return QStringLiteral("must hold at least one task");
    if (tasks > Limits::maxTasks)
        return QStringLiteral("%1 tasks after count is expanded; at most %2").arg(tasks).arg(Limits::maxTasks);
    return {};
}

QList<ScenarioValidator::Problem> ScenarioValidator::scheduleProblems(const Scenario &s)
{
    QList<Problem> out;
    const double waits = s.retries.totalBackoffMs();
    if (waits > Limits::maxMs)
        out.append({QStringLiteral("retries"), QStringLiteral("the waits between %1 attempts add up to %2 hours, more than the 24 hours "
                                                              "a run may take; lower max, backoff_ms or max_backoff_ms")
                                                   .arg(s.retries.max + 1)
                                                   .arg(QString::number(waits / 3600000.0, 'f', 1))});
    const int tasks = static_cast<int>(std::min<qint64>(s.taskCount(), Limits::maxTasks));
    auto checkStrategy = [&](const StrategySpec &spec, const QString &path) {
        const StrategyDefinition *d = spec.definition();
        const QString problem = d && d->checkSchedule ? d->checkSchedule(spec, tasks) : QString();
        if (!problem.isEmpty())
            out.append({path, problem});
    };
    checkStrategy(s.strategy, QStringLiteral("strategy"));
    for (qsizetype i = 0; i < s.compare.size(); ++i)
        checkStrategy(s.compare[i], QStringLiteral("compare[%1]").arg(i));
    double callerMs = 0;
    for (const CallerStep &step : s.caller)
        callerMs += step.durationMs;
    if (callerMs > Limits::maxMs)
        out.append({QStringLiteral("caller"), QStringLiteral("the caller's steps add up to %1 hours, more than the 24 hours a run may take")
                                                  .arg(QString::number(callerMs / 3600000.0, 'f', 1))});
    if (const QString problem = callerProblem(s, s.strategy); !problem.isEmpty())
        out.append({QStringLiteral("strategy"), problem});
    for (qsizetype i = 0; i < s.compare.size(); ++i) {
        if (const QString problem = callerProblem(s, s.compare[i]); !problem.isEmpty())
            out.append({QStringLiteral("compare[%1]").arg(i), problem});
    }
    return out;
}

QString ScenarioValidator::callerProblem(const Scenario &s, const StrategySpec &strategy)
{
    const StrategyDefinition *d = strategy.definition();
    if (s.caller.isEmpty() || !d || d->runsCallerSteps)
        return {};
    QStringList able;
    for (const StrategyDefinition *other : StrategyRegistry::all()) {
        if (other->runsCallerSteps)
            able.append(other->name);
    }
    return QStringLiteral("%1 cannot run the caller's own steps (caller): only %2 create every task before the caller goes on")
        .arg(strategy.name, listInWords(able, QStringLiteral("and")));
}

} // namespace concviz
