#pragma once

#include "clock.h"

#include <functional>
#include <queue>
#include <unordered_map>
#include <vector>

namespace concviz {

// All pending timers of a clock in one min-heap, so a run needs one OS timer however many tasks
// sleep (one QTimer per task took 27 s to fire 100,000 timers here). Cancelled timers are
// dropped lazily when they reach the top.
class TimerHeap
{
public:
    TimerId add(Micros when, std::function<void()> fn);
    void cancel(TimerId id);
    bool isEmpty() const { return m_callbacks.empty(); }
    // Deadline of the earliest live timer; only valid when !isEmpty().
    Micros earliest();
    // Removes and returns the earliest live timer's callback if it is due at `now`, else an empty function.
    std::function<void()> takeDue(Micros now);

private:
    struct Entry
    {
        Micros when;
        quint64 seq;
        bool operator>(const Entry &other) const
        {
            return when != other.when ? when > other.when : seq > other.seq;
        }
    };
    void dropCancelled();

    std::priority_queue<Entry, std::vector<Entry>, std::greater<Entry>> m_heap;
    std::unordered_map<TimerId, std::function<void()>> m_callbacks;
    quint64 m_nextId = 1;
};

} // namespace concviz
