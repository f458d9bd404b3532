#pragma once

#include "clock.h"

#include <functional>
#include <queue>
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
    bool isEmpty() const { return m_live == 0; }
    // Deadline of the earliest live timer; only valid when !isEmpty().
    Micros earliest();
    // Removes and returns the earliest live timer's callback if it is due at `now`, else an empty function.
    std::function<void()> takeDue(Micros now);

private:
    struct Entry
    {
        Micros when;
        TimerId id; // also the order in which timers were set
        std::function<void()> fn;
        bool operator>(const Entry &other) const { return when != other.when ? when > other.when : id > other.id; }
    };
    void dropCancelled();

    // The callbacks live in the heap entries: a timer costs no allocation beyond its function.
    std::priority_queue<Entry, std::vector<Entry>, std::greater<Entry>> m_heap;
    std::vector<bool> m_pending{false}; // by id; id 0 is never used
    std::size_t m_live = 0;
};

} // namespace concviz
