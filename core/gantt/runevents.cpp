#include "runevents.h"

#include "runstate.h"
#include "../trace/timeformat.h"

#include <QCoreApplication>

#include <algorithm>

namespace concviz {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("RunEvents", text);
}

// A wait's end that is worth a step of its own; the others end as something else begins.
bool endIsAnEvent(PhaseKind kind)
{
    switch (kind) {
    case PhaseKind::WaitSemaphore:
    case PhaseKind::WaitRateLimit:
    case PhaseKind::WaitExecutor:
    case PhaseKind::WaitConnection:
    case PhaseKind::WaitDatabase:
    case PhaseKind::WaitSync:
    case PhaseKind::WaitGil:
    case PhaseKind::WaitCore:
    case PhaseKind::LoopBlocked:
    case PhaseKind::HoldsLoop:
    case PhaseKind::WaitingFirstByte:
        return true;
    case PhaseKind::WaitQueue:   // a worker starting it says so
    case PhaseKind::Backoff:     // the next attempt starting says so
    case PhaseKind::Connecting:  // what follows begins
    case PhaseKind::Sending:
    case PhaseKind::Downloading: // the attempt ends
        return false;
    }
    return false;
}

// Whether the attempt or task that a phase ended with went wrong at that instant: then the phase
// ended by being cut short, not by getting what it waited for.
bool cutShortAt(const TaskTrace &t, Micros time)
{
    if (t.end == time && t.outcome != Outcome::Ok)
        return true;
    return std::any_of(t.attempts.begin(), t.attempts.end(),
                       [time](const AttemptSpan &a) { return a.end == time && a.outcome != Outcome::Ok; });
}

QString outcomeWords(Outcome outcome, const QString &error)
{
    switch (outcome) {
    case Outcome::Failed:
        return tr("failed: %1").arg(error);
    case Outcome::Timeout:
        return error.isEmpty() ? tr("timed out") : error;
    case Outcome::Cancelled:
        return error.isEmpty() ? tr("was cancelled") : tr("was cancelled: %1").arg(error);
    case Outcome::Ok:
    case Outcome::Pending:
        break;
    }
    return {};
}

} // namespace

RunEvents::RunEvents(const Trace &trace)
    : m_trace(trace)
{
    for (int i = 0; i < trace.tasks.size(); ++i) {
        const TaskTrace &t = trace.tasks[i];
        // Created, when that is a moment of its own: before it starts and before it waits in line.
        const bool waitsAtOnce = std::any_of(t.phases.begin(), t.phases.end(), [&t](const PhaseSpan &p) {
            return p.start == t.created && p.end != p.start;
        });
        if (t.created >= 0 && t.created != t.start && !waitsAtOnce)
            add(t.created, What::Created, i);
        for (int p = 0; p < t.phases.size(); ++p) {
            const PhaseSpan &ph = t.phases[p];
            if (ph.end != ph.start && ph.kind != PhaseKind::Backoff)
                add(ph.start, What::PhaseBegan, i, p);
            // A permit taken at once is still a step: the count of permits in use went up.
            const bool worthIt = ph.end != ph.start || ph.kind == PhaseKind::WaitSemaphore;
            if (ph.end >= 0 && worthIt && endIsAnEvent(ph.kind) && !cutShortAt(t, ph.end))
                add(ph.end, What::PhaseEnded, i, p);
        }
        for (int a = 0; a < t.attempts.size(); ++a) {
            add(t.attempts[a].start, What::AttemptStarted, i, a);
            const bool last = a == t.attempts.size() - 1;
            if (t.attempts[a].end >= 0 && !last)
                add(t.attempts[a].end, What::AttemptEnded, i, a);
        }
        if (t.end >= 0)
            add(t.end, What::TaskEnded, i);
    }
    for (int m = 0; m < trace.markers.size(); ++m)
        add(trace.markers[m].time, What::Marker, m);
    for (int c = 0; c < trace.callerSpans.size(); ++c) {
        add(trace.callerSpans[c].start, What::CallerBegan, c);
        if (trace.callerSpans[c].end >= 0)
            add(trace.callerSpans[c].end, What::CallerEnded, c);
    }
    if (trace.end >= 0)
        add(trace.end, What::RunEnded, 0);
    // Stable: within an instant, a task's own events keep their order, tasks theirs.
    std::stable_sort(m_events.begin(), m_events.end(), [](const Event &a, const Event &b) { return a.time < b.time; });
}

void RunEvents::add(Micros time, What what, int task, int index)
{
    if (time >= 0)
        m_events.push_back({time, task, index, what});
}

QString RunEvents::text(int index) const
{
    const Event &e = m_events[static_cast<std::size_t>(index)];
    if (e.what == What::RunEnded)
        return tr("the run ended after %1").arg(humanDuration(e.time));
    if (e.what == What::Marker) {
        const Marker &m = m_trace.markers[e.task];
        if (m.kind == MarkerKind::Consumed && m.task >= 0 && m.task < m_trace.tasks.size())
            return tr("the caller took %1's result (%2)").arg(m_trace.tasks[m.task].name, m.label);
        return tr("the caller: %1").arg(m.label);
    }
    if (e.what == What::CallerBegan)
        return tr("the caller began %1").arg(m_trace.callerSpans[e.task].label);
    if (e.what == What::CallerEnded)
        return tr("the caller ended %1").arg(m_trace.callerSpans[e.task].label);

    const TaskTrace &t = m_trace.tasks[e.task];
    switch (e.what) {
    case What::Created:
        return tr("%1 was created").arg(t.name);
    case What::PhaseBegan: {
        const PhaseKind kind = t.phases[e.index].kind;
        if (kind == PhaseKind::WaitQueue)
            return tr("%1 was put on the queue (%2 waiting)").arg(t.name).arg(RunState::at(m_trace, e.time).queue.size());
        if (kind == PhaseKind::WaitSemaphore) {
            const RunState s = RunState::at(m_trace, e.time);
            return tr("%1 waits for a permit (%2 of %3 in use)").arg(t.name).arg(s.permits.holders.size()).arg(s.permits.capacity);
        }
        return tr("%1 is %2").arg(t.name, phaseDescription(kind));
    }
    case What::PhaseEnded: {
        const PhaseKind kind = t.phases[e.index].kind;
        switch (kind) {
        case PhaseKind::WaitSemaphore: {
            // Holders are in the order they took their permits, as the events are: this one's place is the count.
            const RunState s = RunState::at(m_trace, e.time);
            const qsizetype place = s.permits.holders.indexOf(e.task);
            const qsizetype inUse = place >= 0 ? place + 1 : s.permits.holders.size();
            return tr("%1 acquired a permit (%2 of %3 in use)").arg(t.name).arg(inUse).arg(s.permits.capacity);
        }
        case PhaseKind::WaitDatabase: {
            const RunState s = RunState::at(m_trace, e.time);
            return tr("%1 got a database connection (%2 of %3 busy)").arg(t.name).arg(s.database.holders.size()).arg(s.database.capacity);
        }
        case PhaseKind::WaitRateLimit:
            return tr("%1 was let through by the rate limit").arg(t.name);
        case PhaseKind::WaitExecutor:
            return tr("%1 got an executor thread").arg(t.name);
        case PhaseKind::WaitConnection:
            return tr("%1 got an HTTP connection").arg(t.name);
        case PhaseKind::WaitGil:
            return tr("%1 took the GIL").arg(t.name);
        case PhaseKind::WaitCore:
            return tr("%1 got a CPU core").arg(t.name);
        case PhaseKind::LoopBlocked:
            return tr("%1 went on: the loop was free again").arg(t.name);
        case PhaseKind::WaitSync:
            return tr("%1 got the lock, event or condition it waited on").arg(t.name);
        case PhaseKind::HoldsLoop:
            return tr("%1 let go of the event loop").arg(t.name);
        case PhaseKind::WaitingFirstByte:
            return tr("%1's response began to arrive").arg(t.name);
        default:
            return tr("%1 stopped %2").arg(t.name, phaseDescription(kind));
        }
    }
    case What::AttemptStarted: {
        const AttemptSpan &a = t.attempts[e.index];
        QString text = a.number > 1 ? tr("%1 began attempt %2").arg(t.name).arg(a.number) : tr("%1 started").arg(t.name);
        if (t.worker >= 0 && a.number == 1)
            text = tr("worker %1 took %2 from the queue and started it").arg(t.worker).arg(t.name);
        return text;
    }
    case What::AttemptEnded: {
        const AttemptSpan &a = t.attempts[e.index];
        return tr("%1's attempt %2 %3").arg(t.name).arg(a.number).arg(outcomeWords(a.outcome, a.error));
    }
    case What::TaskEnded:
        if (t.outcome == Outcome::Ok)
            return t.start >= 0 ? tr("%1 done in %2").arg(t.name, humanDuration(t.end - t.start)) : tr("%1 done").arg(t.name);
        return tr("%1 %2").arg(t.name, outcomeWords(t.outcome, t.error));
    default:
        break;
    }
    return {};
}

QString RunEvents::textAt(Micros time, int maxNamed) const
{
    const auto first = std::lower_bound(m_events.begin(), m_events.end(), time, [](const Event &e, Micros t) { return e.time < t; });
    QStringList named;
    int count = 0;
    for (auto it = first; it != m_events.end() && it->time == time; ++it, ++count)
        if (count < maxNamed)
            named << text(static_cast<int>(it - m_events.begin()));
    QString out = named.join(QStringLiteral("; "));
    if (count > maxNamed)
        out += tr("; and %1 more").arg(count - maxNamed);
    return out;
}

Micros RunEvents::nextAfter(Micros time) const
{
    const auto it = std::upper_bound(m_events.begin(), m_events.end(), time, [](Micros t, const Event &e) { return t < e.time; });
    return it == m_events.end() ? -1 : it->time;
}

Micros RunEvents::previousBefore(Micros time) const
{
    const auto it = std::lower_bound(m_events.begin(), m_events.end(), time, [](const Event &e, Micros t) { return e.time < t; });
    return it == m_events.begin() ? -1 : std::prev(it)->time;
}

} // namespace concviz
