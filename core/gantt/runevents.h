#pragma once

#include "../trace/trace.h"

#include <QList>
#include <QString>

#include <vector>

namespace concviz {

// The moments of a run worth stopping at, in time order, for stepping through it: a task created,
// queued, taking a permit or a connection, starting, retrying, ending; the caller's steps and
// marks; the end. Each is worded when asked ("B acquired a permit (2 of 3 in use)"), so a run of
// a hundred thousand tasks costs a few integers per moment.
class RunEvents
{
public:
    explicit RunEvents(const Trace &trace);

    int size() const { return static_cast<int>(m_events.size()); }
    Micros time(int index) const { return m_events[static_cast<std::size_t>(index)].time; }
    // The event in words, as the status bar and the terminal show it.
    QString text(int index) const;
    // What happened at exactly `time`, every event of that instant joined, the first few named:
    // "A done in 1.000 s; B acquired a permit (3 of 3 in use)"; empty when nothing did.
    QString textAt(Micros time, int maxNamed = 3) const;
    // The first instant after `time` and the last before it at which something happened; -1 for none.
    Micros nextAfter(Micros time) const;
    Micros previousBefore(Micros time) const;

private:
    enum class What : quint8 { Created, PhaseBegan, PhaseEnded, AttemptStarted, AttemptEnded, TaskEnded, Marker,
                               CallerBegan, CallerEnded, RunEnded };
    struct Event
    {
        Micros time;
        int task;   // or the caller span, or the marker
        int index;  // the phase or attempt of that task
        What what;
    };

    void add(Micros time, What what, int task, int index = 0);

    Trace m_trace;
    std::vector<Event> m_events;
};

} // namespace concviz
