#include "ganttmodel.h"

#include <QHash>

#include <algorithm>

namespace concviz {

bool GanttModel::isInsideAttempt(PhaseKind kind)
{
    return kind != PhaseKind::WaitSemaphore && kind != PhaseKind::WaitRateLimit && kind != PhaseKind::WaitQueue
        && kind != PhaseKind::Backoff;
}

QList<GanttModel::PackedSpan> GanttModel::pack(const QList<Span> &spans)
{
    QList<PackedSpan> packed;
    packed.reserve(spans.size());
    for (const Span &s : spans) {
        const bool open = s.end < 0;
        if (s.start < 0 || s.start >= PackedSpan::openEnd || (!open && s.end >= PackedSpan::openEnd))
            return {};
        const auto end = open ? PackedSpan::openEnd : static_cast<quint32>(s.end);
        packed.append({static_cast<quint32>(s.start), end | (s.type == SpanType::Running ? 0u : PackedSpan::notRunning)});
    }
    return packed;
}

void GanttModel::setTraces(const QList<Trace> &traces, std::optional<double> deadlineMs)
{
    m_shown.reset();
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
        g.callerSpans = trace.callerSpans;
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
            lane.thread = t.thread;
            lane.idealStart = t.extras().idealStart;
            lane.idealEnd = t.extras().idealEnd;
            lane.firstSpan = static_cast<int>(g.spans.size());
            lane.task = static_cast<int>(g.lanes.size());
            // A wait that took no time (a free permit at once) is no wait.
            lane.waited = std::any_of(t.phases.begin(), t.phases.end(), [](const PhaseSpan &p) {
                return p.kind != PhaseKind::Connecting && p.kind != PhaseKind::Sending && p.kind != PhaseKind::WaitingFirstByte
                    && p.kind != PhaseKind::Downloading && p.kind != PhaseKind::LoopBlocked && p.kind != PhaseKind::HoldsLoop
                    && (p.end < 0 || p.end > p.start);
            });
            // Waits before and between attempts, then the attempts, then what happens inside an
            // attempt on top of it: painted in this order, each shows where it belongs.
            for (const PhaseSpan &p : t.phases)
                if (!isInsideAttempt(p.kind) && !t.waitsInBody(p))
                    g.spans.append({p.start, p.end, SpanType::Phase, p.kind});
            for (const AttemptSpan &a : t.attempts)
                g.spans.append({a.start, a.end, SpanType::Running, PhaseKind::Backoff, a.outcome});
            for (const PhaseSpan &p : t.phases)
                if (isInsideAttempt(p.kind) || t.waitsInBody(p))
                    g.spans.append({p.start, p.end, SpanType::Phase, p.kind});
            lane.spanCount = static_cast<int>(g.spans.size()) - lane.firstSpan;
            g.lanes.append(lane);
        }
        g.packed = pack(g.spans);
        m_latest = std::max(m_latest, g.makespan);
        m_groups.append(std::move(g));
    }
}

void GanttModel::setGuesses(const QList<Micros> &guesses)
{
    for (qsizetype i = 0; i < m_groups.size(); ++i) {
        m_groups[i].guess = guesses.value(i, -1);
        m_latest = std::max(m_latest, m_groups[i].guess);
    }
}

void GanttModel::setFinishOrder(int group, const FinishOrder &order)
{
    if (group < 0 || group >= m_groups.size())
        return;
    for (Lane &lane : m_groups[group].lanes) {
        lane.place = order.placeOf(lane.task);
        lane.guessedPlace = order.guessedPlaceOf(lane.task);
        lane.placeGuessedRight = order.isRight(lane.task);
    }
}

void GanttModel::keepLanes(const std::function<bool(const Lane &)> &keep)
{
    m_shown.reset();
    for (Group &g : m_groups) {
        QList<Lane> lanes;
        QList<Span> spans;
        QHash<int, int> laneOf; // the task's index → its lane among those kept
        for (const Lane &lane : g.lanes) {
            if (!keep(lane))
                continue;
            Lane kept = lane;
            kept.firstSpan = static_cast<int>(spans.size());
            spans.append(g.spans.mid(lane.firstSpan, lane.spanCount));
            laneOf.insert(lane.task, static_cast<int>(lanes.size()));
            lanes.append(kept);
        }
        QList<Marker> markers;
        for (Marker m : g.markers) {
            if (m.task >= 0) {
                if (!laneOf.contains(m.task))
                    continue;
                m.task = laneOf.value(m.task);
            }
            markers.append(m);
        }
        g.lanes = std::move(lanes);
        g.spans = std::move(spans);
        g.packed = pack(g.spans);
        g.markers = std::move(markers);
    }
}

const GanttModel::Shown &GanttModel::shown() const
{
    if (m_shown)
        return *m_shown;
    Shown shown;
    for (const Group &g : m_groups) {
        for (const Span &span : g.spans) {
            // A wait of no time is not drawn, so the legend does not name it.
            if (span.type == SpanType::Phase && (span.end < 0 || span.end > span.start))
                shown.phases[static_cast<std::size_t>(span.phase)] = true;
        }
        for (const Lane &lane : g.lanes) {
            shown.ended[static_cast<std::size_t>(lane.outcome)] = true;
            shown.ideal = shown.ideal || lane.idealEnd >= 0;
        }
        for (const CallerSpan &c : g.callerSpans) {
            shown.callerAwaits = shown.callerAwaits || !c.holdsLoop;
            shown.callerHoldsLoop = shown.callerHoldsLoop || c.holdsLoop;
        }
    }
    m_shown = shown;
    return *m_shown;
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
