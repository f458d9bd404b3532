#include "insights.h"

#include "../trace/statistics.h"
#include "../trace/timeformat.h"

#include <QCoreApplication>

#include <algorithm>
#include <utility>
#include <vector>

namespace concviz {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Insights", text);
}

// "A", "A and B", "A, B and 3 others".
QString namesOf(const Trace &trace, const QList<int> &tasks)
{
    QStringList names;
    for (int i = 0; i < tasks.size() && i < 3; ++i)
        names << trace.tasks[tasks[i]].name;
    if (tasks.size() > 3)
        return names.join(QStringLiteral(", ")) + tr(" and %1 others").arg(tasks.size() - 3);
    if (names.size() > 1)
        return QStringList(names.mid(0, names.size() - 1)).join(QStringLiteral(", ")) + tr(" and ") + names.last();
    return names.value(0);
}

// A task that held the loop (blocking or CPU work on it) while others were ready and could not go on.
void blockedLoop(const Trace &trace, QList<Insight> &out)
{
    // The longest holds only: each is checked against every task, and a run of a hundred thousand
    // blocking tasks must not take the square of that.
    constexpr qsizetype mostHolds = 5;
    std::vector<std::pair<int, PhaseSpan>> holds;
    for (int i = 0; i < trace.tasks.size(); ++i) {
        for (const PhaseSpan &p : trace.tasks[i].phases)
            if (p.kind == PhaseKind::HoldsLoop && p.end > p.start)
                holds.emplace_back(i, p);
    }
    std::stable_sort(holds.begin(), holds.end(),
                     [](const auto &a, const auto &b) { return a.second.end - a.second.start > b.second.end - b.second.start; });
    if (static_cast<qsizetype>(holds.size()) > mostHolds)
        holds.resize(mostHolds);
    for (const auto &[i, hold] : holds) {
        QList<int> held;
        for (int j = 0; j < trace.tasks.size(); ++j) {
            for (const PhaseSpan &p : trace.tasks[j].phases) {
                // Late because of this hold: ready during it, resumed when it ended.
                if (p.kind == PhaseKind::LoopBlocked && p.start < hold.end && p.end > hold.start) {
                    held << j;
                    break;
                }
            }
        }
        if (held.isEmpty())
            continue; // nothing was ready meanwhile: holding the loop cost no one anything
        const QString remedy = trace.tasks[i].database ? tr("use an async driver (asyncpg, aiosqlite), or run the query in an executor")
                                                       : tr("await asyncio.sleep instead of time.sleep, or run it in an executor");
        out.append({tr("%1 blocked the event loop for %2 while %3 %4 ready and could not go on (%5): %6")
                        .arg(trace.tasks[i].name, humanDuration(hold.end - hold.start))
                        .arg(held.size())
                        .arg(held.size() == 1 ? tr("task was") : tr("tasks were"))
                        .arg(namesOf(trace, held), remedy),
                    QList<int>{i} + held});
    }
}

// The caller's own blocking or CPU work: before its first await no task can start; later, it holds
// up the tasks that are ready.
void callerHeldLoop(const Trace &trace, QList<Insight> &out)
{
    for (const CallerSpan &c : trace.callerSpans) {
        if (!c.holdsLoop || c.end <= c.start)
            continue;
        QList<int> delayed;
        QList<int> held;
        for (int i = 0; i < trace.tasks.size(); ++i) {
            const TaskTrace &t = trace.tasks[i];
            if (t.created >= 0 && t.created <= c.start && t.start >= c.end) {
                delayed << i;
                continue;
            }
            for (const PhaseSpan &p : t.phases) {
                if (p.kind == PhaseKind::LoopBlocked && p.start < c.end && p.end > c.start) {
                    held << i;
                    break;
                }
            }
        }
        if (!delayed.isEmpty()) {
            out.append({tr("the caller's %1 held the event loop for %2 right after creating the tasks: %3 could only start at %4, "
                           "at the caller's first await")
                            .arg(c.label, humanDuration(c.end - c.start), namesOf(trace, delayed), humanDuration(c.end)),
                        delayed});
        } else if (!held.isEmpty()) {
            out.append({tr("the caller's %1 blocked the event loop for %2 while %3 could not go on")
                            .arg(c.label, humanDuration(c.end - c.start), namesOf(trace, held)),
                        held});
        }
    }
}

// CPU work that took turns for the GIL: threads did not make it faster.
void gilTurns(const Trace &trace, QList<Insight> &out)
{
    QList<int> tasks;
    Micros waited = 0;
    for (int i = 0; i < trace.tasks.size(); ++i) {
        const Micros w = trace.tasks[i].timeIn(PhaseKind::WaitGil);
        if (w > 0) {
            tasks << i;
            waited += w;
        }
    }
    if (tasks.size() < 2)
        return;
    out.append({tr("%1 tasks of CPU work took turns for the GIL, %2 of waiting in all: in threads CPU-bound Python runs one at a "
                   "time; a process pool (\"executor\": \"process\") runs it on several cores")
                    .arg(tasks.size())
                    .arg(humanDuration(waited)),
                tasks});
}

// A limit that set the pace: most of the tasks' time went waiting for it.
void pacingLimit(const Trace &trace, QList<Insight> &out)
{
    const std::pair<PhaseKind, const char *> limits[] = {
        {PhaseKind::WaitSemaphore, "a semaphore permit"}, {PhaseKind::WaitRateLimit, "the rate limit"},
        {PhaseKind::WaitQueue, "a queue worker"},        {PhaseKind::WaitConnection, "an HTTP connection from the client's pool"},
        {PhaseKind::WaitExecutor, "an executor worker"}, {PhaseKind::WaitDatabase, "a database connection from the pool"}};
    const Statistics stats = Statistics::of(trace);
    if (stats.makespan <= 0)
        return;
    for (const auto &[kind, what] : limits) {
        QList<int> tasks;
        Micros waited = 0;
        for (int i = 0; i < trace.tasks.size(); ++i) {
            const Micros w = trace.tasks[i].timeIn(kind);
            if (w > 0) {
                tasks << i;
                waited += w;
            }
        }
        // Worth saying when the waits add up to more than the run itself: the limit, not the work,
        // decided how long it took.
        if (tasks.isEmpty() || waited < stats.makespan)
            continue;
        QString text = tr("%1 tasks waited %2 in all for %3: that limit set the pace").arg(tasks.size()).arg(humanDuration(waited),
                                                                                                          tr(what));
        if (kind == PhaseKind::WaitSemaphore && trace.concurrencyLimit > 0)
            text += tr(" (%1 at once)").arg(trace.concurrencyLimit);
        if (kind == PhaseKind::WaitDatabase && trace.dbPoolCapacity > 0)
            text += tr(" (%1 connections at once)").arg(trace.dbPoolCapacity);
        out.append({text, tasks});
    }
}

// db tasks that gave up waiting for a connection: the pool, not the database, failed them.
void poolTimedOut(const Trace &trace, QList<Insight> &out)
{
    QList<int> tasks;
    Micros waited = 0;
    for (int i = 0; i < trace.tasks.size(); ++i) {
        const TaskTrace &t = trace.tasks[i];
        if (t.outcome != Outcome::Failed || t.phases.isEmpty())
            continue;
        // Failed as its wait for a connection ended: the pool's timeout ran out.
        const auto wait = std::find_if(t.phases.rbegin(), t.phases.rend(), [&](const PhaseSpan &p) {
            return p.kind == PhaseKind::WaitDatabase && p.end == t.end;
        });
        if (wait != t.phases.rend()) {
            tasks << i;
            waited = std::max(waited, wait->end - wait->start);
        }
    }
    if (tasks.isEmpty())
        return;
    const QString busy = trace.dbPoolCapacity == 1 ? tr("the pool's one connection was busy")
                                                   : tr("all %1 of the pool's connections were busy").arg(trace.dbPoolCapacity);
    out.append({tr("%1 gave up after waiting %2 for a database connection: %3. A bigger pool (db_pool size and max_overflow), a "
                   "longer db_pool timeout_ms, or a semaphore that lets fewer tasks ask at once would let them through")
                    .arg(tasks.size() == 1 ? trace.tasks[tasks.first()].name : tr("%1 tasks").arg(tasks.size()), humanDuration(waited), busy),
                tasks});
}

// Every attempt of a task timed out: the timeout is shorter than the work.
void alwaysTimedOut(const Trace &trace, QList<Insight> &out)
{
    QList<int> tasks;
    for (int i = 0; i < trace.tasks.size(); ++i) {
        const TaskTrace &t = trace.tasks[i];
        if (t.outcome == Outcome::Timeout
            && std::all_of(t.attempts.begin(), t.attempts.end(), [](const AttemptSpan &a) { return a.outcome == Outcome::Timeout; }))
            tasks << i;
    }
    if (tasks.isEmpty())
        return;
    const int attempts = static_cast<int>(trace.tasks[tasks.first()].attempts.size());
    out.append({tr("every attempt of %1 timed out%2: the timeout is shorter than the work, so retrying cannot help")
                    .arg(namesOf(trace, tasks), attempts > 1 ? tr(" (%1 attempts)").arg(attempts) : QString()),
                tasks});
}

// The caller got an error while other tasks were still running.
void callerRaised(const Trace &trace, QList<Insight> &out)
{
    for (const Marker &m : trace.markers) {
        if (m.kind != MarkerKind::CallerResumed || m.task < 0 || m.task >= trace.tasks.size())
            continue;
        QList<int> running;
        QList<int> cancelled;
        for (int i = 0; i < trace.tasks.size(); ++i) {
            const TaskTrace &t = trace.tasks[i];
            if (i == m.task)
                continue;
            // Cancelled between the failure and the caller's resuming: by the TaskGroup.
            if (t.outcome == Outcome::Cancelled && t.end >= trace.tasks[m.task].end && t.end <= m.time)
                cancelled << i;
            else if (t.start >= 0 && t.start <= m.time && t.end > m.time)
                running << i;
        }
        const QString failed = trace.tasks[m.task].name;
        if (!cancelled.isEmpty()) {
            out.append({tr("%1 failed at %2 and the TaskGroup cancelled %3: the caller gets an ExceptionGroup and none of the results")
                            .arg(failed, humanDuration(trace.tasks[m.task].end), namesOf(trace, cancelled)),
                        QList<int>{m.task} + cancelled});
        } else if (!running.isEmpty()) {
            out.append({tr("gather raised at %1 when %2 failed, while %3 ran on: the caller lost their results; "
                           "gather(..., return_exceptions=True) keeps them")
                            .arg(humanDuration(trace.tasks[m.task].end), failed, namesOf(trace, running)),
                        QList<int>{m.task} + running});
        }
    }
}

// A real run beside its ideal, the same run on the virtual clock: what the machine added.
void idealBesideMeasured(const Trace &trace, QList<Insight> &out)
{
    if (trace.clock != ClockKind::Real || trace.ideal < 0 || !trace.isFinished())
        return;
    const Micros measured = trace.makespan();
    const Micros extra = measured - trace.ideal;
    if (extra <= 0) {
        out.append({tr("measured %1, as fast as its ideal (the virtual clock's %2)").arg(humanDuration(measured), humanDuration(trace.ideal)), {}});
        return;
    }
    const QString share = trace.ideal > 0 ? tr(", %1%").arg(100.0 * static_cast<double>(extra) / static_cast<double>(trace.ideal), 0, 'f', 1)
                                          : QString();
    out.append({tr("measured %1 against an ideal %2 (the virtual clock): %3%4 of overhead, the real loop's, threads', sockets' "
                   "and queries' own time")
                    .arg(humanDuration(measured), humanDuration(trace.ideal), humanDuration(extra), share),
                {}});
}

} // namespace

QList<Insight> insightsOf(const Trace &trace)
{
    QList<Insight> out;
    blockedLoop(trace, out);
    callerHeldLoop(trace, out);
    callerRaised(trace, out);
    alwaysTimedOut(trace, out);
    gilTurns(trace, out);
    pacingLimit(trace, out);
    poolTimedOut(trace, out);
    idealBesideMeasured(trace, out);
    return out;
}

} // namespace concviz
