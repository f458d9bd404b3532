#pragma once

#include "../async/clock.h"

#include <QMutex>
#include <QWaitCondition>

#include <chrono>
#include <functional>

namespace concviz {

// CPython's global interpreter lock, for real threads on the real clock: CPU work holds it, and
// hands it to the thread waiting longest every switch interval (5 ms, sys.getswitchinterval()),
// so CPU-bound threads take turns instead of running side by side. Work that blocks (time.sleep,
// I/O) never takes it. Thread-safe.
class Gil
{
public:
    using TimePoint = std::chrono::steady_clock::time_point;
    // A wait for the lock from `from` to `to`; called on the computing thread.
    using WaitRecorder = std::function<void(TimePoint from, TimePoint to)>;

    static constexpr Micros switchInterval = 5000;

    // Computes for `cpu` of this thread's CPU time, holding the lock while it does.
    void compute(Micros cpu, const WaitRecorder &waited);

private:
    void acquire(const WaitRecorder &waited);
    void release();

    QMutex m_mutex;
    QWaitCondition m_changed;
    quint64 m_nextTicket = 0; // the ticket the next thread to ask gets
    quint64 m_serving = 0;    // the ticket of the thread that holds the lock, or may take it next
};

} // namespace concviz
