#include "runstate.h"

#include "../trace/timeformat.h"

#include <QCoreApplication>

namespace concviz {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("RunState", text);
}

// Open at `t`: begun by then and not ended by then. A span of no length is never open.
bool openAt(Micros start, Micros end, Micros t)
{
    return start >= 0 && start <= t && (end < 0 || end > t);
}

const PhaseSpan *openPhase(const TaskTrace &task, Micros t, bool insideBody)
{
    // The latest-begun open phase is the innermost: a connection's wait inside the attempt's body.
    const PhaseSpan *found = nullptr;
    for (const PhaseSpan &p : task.phases) {
        const bool inside = p.kind == PhaseKind::HoldsLoop || p.kind == PhaseKind::Connecting || p.kind == PhaseKind::Sending
            || p.kind == PhaseKind::WaitingFirstByte || p.kind == PhaseKind::Downloading || task.waitsInBody(p);
        if (inside == insideBody && openAt(p.start, p.end, t))
            found = &p;
    }
    return found;
}

const AttemptSpan *openAttempt(const TaskTrace &task, Micros t)
{
    for (const AttemptSpan &a : task.attempts)
        if (openAt(a.start, a.end, t))
            return &a;
    return nullptr;
}

bool onTheWire(PhaseKind kind)
{
    return kind == PhaseKind::Connecting || kind == PhaseKind::Sending || kind == PhaseKind::WaitingFirstByte
        || kind == PhaseKind::Downloading;
}

QString endedDetail(const TaskTrace &task)
{
    const QString at = humanDuration(task.end);
    switch (task.outcome) {
    case Outcome::Ok:
        return tr("%1 done at %2").arg(outcomeSymbol(task.outcome), at);
    case Outcome::Failed:
        return tr("%1 failed at %2: %3").arg(outcomeSymbol(task.outcome), at, task.error);
    case Outcome::Timeout:
        return tr("%1 timed out at %2").arg(outcomeSymbol(task.outcome), at);
    case Outcome::Cancelled:
        return tr("%1 cancelled at %2: %3").arg(outcomeSymbol(task.outcome), at, task.error);
    case Outcome::Pending:
        break;
    }
    return {};
}

// "A, B, C … and 9 more"
QStringList capped(const QStringList &lines, int maxNames)
{
    if (lines.size() <= maxNames)
        return lines;
    QStringList out = lines.mid(0, maxNames);
    out << tr("… and %1 more").arg(lines.size() - maxNames);
    return out;
}

// Tasks doing the same thing share a line: "waiting for a semaphore permit: C, D, E", in the order
// each thing first appears; at most `maxNames` names in all, then "… and 9 more".
QStringList taskLines(const Trace &trace, const QList<RunState::TaskAt> &tasks, int maxNames)
{
    QStringList details;
    QList<QStringList> names;
    for (qsizetype i = 0; i < tasks.size() && i < maxNames; ++i) {
        qsizetype at = details.indexOf(tasks[i].detail);
        if (at < 0) {
            at = details.size();
            details << tasks[i].detail;
            names.append(QStringList());
        }
        names[at] << trace.tasks[tasks[i].task].name;
    }
    QStringList lines;
    for (qsizetype i = 0; i < details.size(); ++i) {
        const QString joined = names[i].join(QStringLiteral(", "));
        lines << (details[i].isEmpty() ? joined : details[i] + QStringLiteral(": ") + joined);
    }
    if (tasks.size() > maxNames)
        lines << tr("… and %1 more").arg(tasks.size() - maxNames);
    return lines;
}

QStringList holderLines(const Trace &trace, const QList<int> &tasks, int maxNames)
{
    QStringList lines;
    for (int task : tasks)
        lines << trace.tasks[task].name;
    return capped(lines, maxNames);
}

QString countOf(const RunState::Limit &limit)
{
    return limit.capacity > 0 ? tr("%1 of %2").arg(limit.holders.size()).arg(limit.capacity) : QString::number(limit.holders.size());
}

} // namespace

RunState RunState::at(const Trace &trace, Micros time)
{
    RunState s;
    s.time = time;
    s.over = trace.end >= 0 && time >= trace.end;
    s.permits.capacity = trace.concurrencyLimit;
    s.database.applies = trace.dbPoolCapacity > 0;
    s.database.capacity = trace.dbPoolCapacity;

    QList<std::pair<Micros, int>> acquired; // permits, by when they were taken
    QList<std::pair<Micros, int>> queued;
    QString holdsLoop;
    QList<std::pair<Micros, int>> ended;
    for (int i = 0; i < trace.tasks.size(); ++i) {
        const TaskTrace &t = trace.tasks[i];
        for (const PhaseSpan &p : t.phases) {
            s.permits.applies = s.permits.applies || p.kind == PhaseKind::WaitSemaphore;
            s.http.applies = s.http.applies || onTheWire(p.kind);
            s.executor.applies = s.executor.applies || p.kind == PhaseKind::WaitExecutor;
        }
        if (t.created < 0 || t.created > time) {
            ++s.notCreated;
            continue;
        }
        if (t.end >= 0 && t.end <= time) {
            ended.append({t.end, i});
            continue;
        }
        // A permit is held from the moment it is taken until the task ends, retries and backoff included.
        for (const PhaseSpan &p : t.phases)
            if (p.kind == PhaseKind::WaitSemaphore && p.end >= 0 && p.end <= time) {
                acquired.append({p.end, i});
                break;
            }
        for (const PhaseSpan &p : t.phases)
            if (p.kind == PhaseKind::WaitQueue && openAt(p.start, p.end, time))
                queued.append({p.start, i});

        const AttemptSpan *attempt = openAttempt(t, time);
        if (!attempt) {
            const PhaseSpan *wait = openPhase(t, time, false);
            QString detail;
            if (wait)
                detail = phaseDescription(wait->kind);
            else if (t.start < 0 || t.start > time)
                detail = tr("created, waiting to start");
            else
                detail = tr("between attempts");
            s.waiting.append({i, detail});
            continue;
        }
        const PhaseSpan *inside = openPhase(t, time, true);
        QString detail = attempt->number > 1 ? tr("attempt %1").arg(attempt->number) : QString();
        if (inside)
            detail = detail.isEmpty() ? phaseDescription(inside->kind) : detail + QStringLiteral(", ") + phaseDescription(inside->kind);
        // A recorded task between two steps says what it awaits, as a sleep task of a scenario is at work meanwhile.
        else if (const AwaitSpan *awaiting = t.awaitingAt(time))
            detail = tr("awaits %1").arg(awaiting->detail.isEmpty() ? awaiting->on : awaiting->detail);
        // Its body has begun but waits for a thread, a connection, the GIL or the loop: a wait all the same.
        if (inside && t.waitsInBody(*inside))
            s.waiting.append({i, detail});
        else
            s.running.append({i, detail});
        if (t.worker >= 0)
            s.workers.append({i, tr("worker %1").arg(t.worker)});
        if (inside && inside->kind == PhaseKind::HoldsLoop && holdsLoop.isEmpty())
            holdsLoop = t.name;
        if (inside && onTheWire(inside->kind))
            s.http.holders.append(i);
        if (t.database && !(inside && inside->kind == PhaseKind::WaitDatabase))
            s.database.holders.append(i);
        // A thread is busy from when the task got it until the work ends and the task waits for the loop.
        bool inThread = false;
        for (const PhaseSpan &p : t.phases) {
            if (p.start < attempt->start || p.start > time)
                continue;
            if (p.kind == PhaseKind::WaitExecutor)
                inThread = p.end >= 0 && p.end <= time;
            else if (p.kind == PhaseKind::LoopBlocked)
                inThread = false;
        }
        if (inThread)
            s.executor.holders.append(i);
    }
    std::stable_sort(acquired.begin(), acquired.end(), [](const auto &a, const auto &b) { return a.first < b.first; });
    for (const auto &a : acquired)
        s.permits.holders.append(a.second);
    std::stable_sort(queued.begin(), queued.end(), [](const auto &a, const auto &b) { return a.first < b.first; });
    for (const auto &q : queued)
        s.queue.append(q.second);
    std::stable_sort(ended.begin(), ended.end(), [](const auto &a, const auto &b) { return a.first < b.first; });
    for (const auto &e : ended)
        s.done.append({e.second, endedDetail(trace.tasks[e.second])});

    for (int c = 0; c < trace.callerSpans.size(); ++c)
        if (openAt(trace.callerSpans[c].start, trace.callerSpans[c].end, time))
            s.callerSpan = c;
    if (s.callerSpan >= 0) {
        const CallerSpan &span = trace.callerSpans[s.callerSpan];
        s.caller = span.holdsLoop ? tr("%1: holds the loop").arg(span.label) : tr("%1: awaits, the tasks run meanwhile").arg(span.label);
    } else if (s.over) {
        s.caller = tr("finished: asyncio.run() returned");
    } else {
        s.caller = tr("awaits the tasks (%1)").arg(trace.strategy);
        const Marker *last = nullptr;
        int taken = 0;
        for (const Marker &m : trace.markers) {
            if (m.time > time)
                continue;
            if (m.kind == MarkerKind::Consumed)
                ++taken;
            else if (m.kind == MarkerKind::CallerResumed)
                last = &m;
        }
        if (taken > 0)
            s.caller += tr("; has taken %1 of %2 results").arg(taken).arg(trace.tasks.size());
        if (last)
            s.caller += tr("; last: %1 at %2").arg(last->label, humanDuration(last->time));
    }

    if (s.callerSpan >= 0 && trace.callerSpans[s.callerSpan].holdsLoop)
        s.loop = tr("busy: the caller's %1 holds it; nothing else runs").arg(trace.callerSpans[s.callerSpan].label);
    else if (!holdsLoop.isEmpty())
        s.loop = tr("busy: %1 holds it with blocking work; nothing else runs").arg(holdsLoop);
    else if (s.over)
        s.loop = tr("closed: the run is over");
    else
        s.loop = tr("idle, waiting for a timer or a socket");
    return s;
}

QList<RunState::Section> RunState::sections(const Trace &trace, int maxNames) const
{
    QList<Section> out;
    out.append({tr("%1 at %2").arg(trace.strategy, humanDuration(time)), {}});
    out.append({tr("Event loop"), {loop}});
    out.append({tr("Caller"), {caller}});
    if (permits.applies)
        out.append({tr("Semaphore: %1 permits in use").arg(countOf(permits)), holderLines(trace, permits.holders, maxNames)});
    if (!queue.isEmpty() || !workers.isEmpty()) {
        QStringList lines = holderLines(trace, queue, maxNames);
        out.append({tr("Queue: %1 waiting").arg(queue.size()), lines});
        out.append({tr("Workers: %1 busy").arg(workers.size()), taskLines(trace, workers, maxNames)});
    }
    if (database.applies)
        out.append({tr("Database pool: %1 connections busy").arg(countOf(database)), holderLines(trace, database.holders, maxNames)});
    if (http.applies)
        out.append({tr("HTTP: %1 requests on the wire").arg(countOf(http)), holderLines(trace, http.holders, maxNames)});
    if (executor.applies)
        out.append({tr("Executor: %1 threads busy").arg(countOf(executor)), holderLines(trace, executor.holders, maxNames)});
    out.append({tr("Running (%1)").arg(running.size()), taskLines(trace, running, maxNames)});
    QStringList waitingLines = taskLines(trace, waiting, maxNames);
    if (notCreated > 0)
        waitingLines << tr("%1 not created yet").arg(notCreated);
    out.append({tr("Waiting (%1)").arg(waiting.size() + notCreated), waitingLines});
    out.append({tr("Done (%1 of %2)").arg(done.size()).arg(trace.tasks.size()), taskLines(trace, done, maxNames)});
    return out;
}

} // namespace concviz
