#pragma once

#include "../async/clock.h"

#include <deque>
#include <functional>
#include <vector>

namespace concviz {

// How CPU-bound work shares what runs it, for the virtual clock: a model, not threads. Under the
// GIL one runner computes at a time (capacity 1), otherwise the cores do. Runners take turns every
// switch interval, as CPython hands the GIL to a waiting thread every 5 ms
// (sys.getswitchinterval()) and an OS shares a core: n runners on k slots each progress at about
// k/n speed, so three 250 ms jobs under the GIL all end near 750 ms, not at 250, 500 and 750.
// Exact and deterministic: the same runners always end at the same times.
class CpuScheduler
{
public:
    // A runner's time waiting for a slot, from `from` to `to`.
    using WaitRecorder = std::function<void(int task, Micros from, Micros to)>;
    // Called when a runner's work is done, with the time it ended.
    using Done = std::function<void(Micros end)>;

    static constexpr Micros switchInterval = 5000;
    // At most about this many turns are taken over the work in hand: past 10 s of queued work a turn
    // grows beyond the switch interval, so a day of CPU work is some thousands of turns, not
    // seventeen million. Lesson-sized work keeps CPython's 5 ms exactly.
    static constexpr Micros turnsInHand = 2000;

    CpuScheduler(int capacity, WaitRecorder waited);

    // Work of `cpu` for `task` from `now`; `done` is called from a later advanceTo() or runToEnd().
    void add(int task, Micros now, Micros cpu, Done done);
    // Works out everything up to `time`: turns taken, waits and ends.
    void advanceTo(Micros time);
    // Adds work that the caller does itself, without giving the loop back (CPU work on the event
    // loop): works the model forward until that work is done and returns when it ended.
    Micros runToEnd(int task, Micros now, Micros cpu);
    // The task's lane has ended (cancelled while its thread computes on): a wait it is in is recorded
    // up to `now`, and none after. Its work still takes its turns, as a real thread's does.
    void forget(int task, Micros now);
    // When the next turn or end is due, or -1 when no one runs.
    Micros nextEvent() const;
    bool isIdle() const { return m_running.empty(); }

private:
    struct Runner
    {
        int task = -1;         // -1 once its task has stopped waiting for it: no waits are recorded
        Micros left = 0;       // CPU time still needed, as of m_time
        Micros turnStart = 0;  // when its current turn began (running) or its wait did (waiting)
        Done done;
    };

    // One step to the next event if it is at or before `limit`; false when there is none by then.
    bool step(Micros limit);
    void takeSlot(Runner runner, Micros at);
    // The length of a turn for the work now in hand.
    Micros turnLength() const;

    int m_capacity;
    WaitRecorder m_waited;
    Micros m_time = 0;
    std::vector<Runner> m_running;
    std::deque<Runner> m_waiting;
};

} // namespace concviz
