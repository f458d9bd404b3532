#include "ganttmodel.h"

#include <algorithm>

namespace concviz {

bool GanttModel::isInsideAttempt(PhaseKind kind)
{
    return kind != PhaseKind::WaitSemaphore && kind != PhaseKind::WaitRateLimit && kind != PhaseKind::WaitQueue
        && kind != PhaseKind::Backoff;
}

void GanttModel::setTraces(const QList<Trace> &traces, std::optional<double> deadlineMs)
{
    m_groups.clear();
    m_latest = 0;
    for (const Trace &trace : traces) {
        Group g;
        g.strategy = trace.strategy;
        g.scenario = trace.scenario;
        g.clock = trace.clock;
        g.finished = trace.isFinished();
        g.stats = Statistics::of(trace);
        g.makespan = g.stats.makespan;
        g.concurrencyLimit = trace.concurrencyLimit;
        g.deadline = deadlineMs ? fromMs(*deadlineMs) : -1;
        g.markers = trace.markers;
        g.lanes.reserve(trace.tasks.size());
        g.spans.reserve(trace.tasks.size() * 2);
        for (const TaskTrace &t : trace.tasks) {
            Lane lane;
            lane.name = t.name;
            lane.outcome = t.outcome;
            lane.error = t.error;
            lane.created = t.created;
            lane.start = t.start;
            lane.end = t.end;
            lane.runTime = t.runTime();
            lane.attempts = static_cast<int>(t.attempts.size());
            lane.worker = t.worker;
            lane.firstSpan = static_cast<int>(g.spans.size());
            // Waits before and between attempts, then the attempts, then what happens inside an
            // attempt on top of it: painted in this order, each shows where it belongs.
            for (const PhaseSpan &p : t.phases)
                if (!isInsideAttempt(p.kind))
                    g.spans.append({p.start, p.end, SpanType::Phase, p.kind});
            for (const AttemptSpan &a : t.attempts)
                g.spans.append({a.start, a.end, SpanType::Running, PhaseKind::Backoff, a.outcome});
            for (const PhaseSpan &p : t.phases)
                if (isInsideAttempt(p.kind))
                    g.spans.append({p.start, p.end, SpanType::Phase, p.kind});
            lane.spanCount = static_cast<int>(g.spans.size()) - lane.firstSpan;
            g.lanes.append(lane);
        }
        m_latest = std::max(m_latest, g.makespan);
        m_groups.append(std::move(g));
    }
}

int GanttModel::laneCount() const
{
    int n = 0;
    for (const Group &g : m_groups)
        n += static_cast<int>(g.lanes.size());
    return n;
}

qsizetype GanttModel::spanCount() const
{
    qsizetype n = 0;
    for (const Group &g : m_groups)
        n += g.spans.size();
    return n;
}

} // namespace concviz
