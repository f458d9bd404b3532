#include "trace.h"

#include "timeformat.h"

#include <QStringList>

#include <algorithm>
#include <iterator>

namespace concviz {

bool TaskTrace::waitsInBody(const PhaseSpan &p) const
{
    if (isWaitInsideBody(p.kind))
        return true;
    if (p.kind != PhaseKind::WaitSemaphore && p.kind != PhaseKind::WaitQueue && p.kind != PhaseKind::WaitRateLimit)
        return false;
    return std::any_of(attempts.begin(), attempts.end(), [&p](const AttemptSpan &a) {
        return a.start < p.start && (a.end < 0 || p.start < a.end);
    });
}

Micros TaskTrace::waitTime() const
{
    const Micros until = start >= 0 ? start : end;
    Micros total = until >= 0 && created >= 0 ? until - created : 0;
    for (const PhaseSpan &p : phases)
        if (waitsInBody(p) && p.end >= 0)
            total += p.end - p.start;
    return total;
}

bool TaskExtras::isEmpty() const
{
    return httpStatus < 0 && bytes < 0 && httpDetail.isEmpty() && dbRows < 0 && dbFirstRow.isEmpty() && parent.isEmpty()
        && idealStart < 0 && idealEnd < 0 && awaited.isEmpty();
}

void TaskTrace::setExtras(const TaskExtras &extras)
{
    if (extras.isEmpty())
        m_extras.reset();
    else
        m_extras = new TaskExtras(extras);
}

const TaskExtras &TaskTrace::extras() const
{
    static const TaskExtras none;
    return m_extras ? *m_extras : none;
}

TaskExtras &TaskTrace::editExtras()
{
    if (!m_extras)
        m_extras = new TaskExtras;
    return *m_extras;
}

QString TaskTrace::awaitedSummary() const
{
    // In the order each kind first came: a program's story reads from its start.
    QList<QString> kinds;
    QList<std::pair<int, Micros>> totals;
    for (const AwaitSpan &a : extras().awaited) {
        qsizetype k = kinds.indexOf(a.on);
        if (k < 0) {
            kinds.append(a.on);
            totals.append({0, 0});
            k = kinds.size() - 1;
        }
        ++totals[k].first;
        totals[k].second += a.end > a.start ? a.end - a.start : 0;
    }
    QStringList parts;
    for (qsizetype k = 0; k < kinds.size(); ++k)
        parts << QStringLiteral("%1 %2× (%3)").arg(kinds[k]).arg(totals[k].first).arg(humanDuration(totals[k].second));
    return parts.join(QStringLiteral(", "));
}

const AwaitSpan *TaskTrace::awaitingAt(Micros time) const
{
    // The last wait begun by then (they are in time order and one follows another), if it goes on.
    const QList<AwaitSpan> &awaited = extras().awaited;
    const auto after = std::upper_bound(awaited.begin(), awaited.end(), time, [](Micros t, const AwaitSpan &a) { return t < a.start; });
    if (after == awaited.begin())
        return nullptr;
    const AwaitSpan &a = *std::prev(after);
    return a.end < 0 || time < a.end ? &a : nullptr;
}

Micros TaskTrace::timeIn(PhaseKind kind) const
{
    Micros total = 0;
    for (const PhaseSpan &p : phases)
        if (p.kind == kind && p.end > p.start)
            total += p.end - p.start;
    return total;
}

QString TaskTrace::resultSummary() const
{
    const TaskExtras &x = extras();
    QStringList parts;
    if (x.httpStatus >= 0)
        parts << QStringLiteral("HTTP %1").arg(x.httpStatus);
    if (x.bytes >= 0)
        parts << QStringLiteral("%L1 bytes").arg(x.bytes);
    if (x.dbRows >= 0) {
        const QString rows = x.dbRows == 1 ? QStringLiteral("1 row") : QStringLiteral("%L1 rows").arg(x.dbRows);
        parts << (x.dbFirstRow.isEmpty() ? rows : QStringLiteral("%1, the first %2").arg(rows, x.dbFirstRow));
    }
    return parts.join(QStringLiteral(", "));
}

Micros TaskTrace::runTime() const
{
    Micros total = 0;
    for (const AttemptSpan &a : attempts)
        if (a.end >= 0)
            total += a.end - a.start;
    for (const PhaseSpan &p : phases)
        if (waitsInBody(p) && p.end >= 0)
            total -= p.end - p.start;
    return total;
}

void Trace::apply(const TraceEvent &e)
{
    m_latest = std::max(m_latest, e.time);
    if (e.type == TraceEvent::Type::Marker) {
        markers.append({e.marker, e.time, e.task, e.text, e.rank});
        return;
    }
    if (e.type == TraceEvent::Type::CallerStepBegan) {
        callerSpans.append({e.text, e.holdsLoop, e.time, -1});
        return;
    }
    if (e.type == TraceEvent::Type::CallerStepEnded) {
        if (!callerSpans.isEmpty() && callerSpans.last().end < 0)
            callerSpans.last().end = e.time;
        return;
    }
    if (e.type == TraceEvent::Type::RunEnded) {
        end = e.time;
        return;
    }
    if (e.task >= tasks.size())
        tasks.resize(e.task + 1);
    TaskTrace &t = tasks[e.task];
    switch (e.type) {
    case TraceEvent::Type::TaskCreated:
        t.created = e.time;
        break;
    case TraceEvent::Type::PhaseBegan:
        t.phases.append({e.phase, e.time, -1});
        break;
    case TraceEvent::Type::PhaseEnded:
        for (auto it = t.phases.rbegin(); it != t.phases.rend(); ++it) {
            if (it->kind == e.phase && it->end < 0) {
                it->end = e.time;
                break;
            }
        }
        break;
    case TraceEvent::Type::AttemptStarted:
        if (t.start < 0)
            t.start = e.time;
        if (e.worker >= 0)
            t.worker = e.worker;
        t.attempts.append({e.attempt, e.time, -1, Outcome::Pending, {}});
        break;
    case TraceEvent::Type::AttemptEnded:
        if (!t.attempts.isEmpty()) {
            t.attempts.last().end = e.time;
            t.attempts.last().outcome = e.outcome;
            t.attempts.last().error = e.text;
        }
        break;
    case TraceEvent::Type::TaskEnded:
        t.end = e.time;
        t.outcome = e.outcome;
        t.error = e.text;
        for (PhaseSpan &p : t.phases)
            if (p.end < 0)
                p.end = e.time;
        break;
    case TraceEvent::Type::HttpResult: {
        TaskExtras &x = t.editExtras();
        x.httpStatus = e.httpStatus;
        x.bytes = e.bytes;
        x.httpDetail = e.text;
        break;
    }
    case TraceEvent::Type::DbResult: {
        TaskExtras &x = t.editExtras();
        x.dbRows = e.rows;
        x.dbFirstRow = e.text;
        break;
    }
    case TraceEvent::Type::Marker:
    case TraceEvent::Type::RunEnded:
    case TraceEvent::Type::CallerStepBegan:
    case TraceEvent::Type::CallerStepEnded:
        break;
    }
}

Micros Trace::makespan() const
{
    return end >= 0 ? end : m_latest;
}

} // namespace concviz
