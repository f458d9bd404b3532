#include "threadwork.h"

#include <chrono>
#include <cmath>
#include <thread>

#if defined(Q_OS_UNIX)
#include <time.h>
#endif

namespace concviz {

namespace {

// The calling thread's own CPU time: what a CPU-bound job needs is computing, not waiting, so a
// thread that waits for a core (or for the GIL) does not count that wait as work done.
Micros threadCpuTime()
{
#if defined(Q_OS_UNIX) && defined(CLOCK_THREAD_CPUTIME_ID)
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return static_cast<Micros>(ts.tv_sec) * 1000000 + ts.tv_nsec / 1000;
#else
    // Where a thread's CPU time is too coarse to time 5 ms slices (Windows counts it in 15.6 ms
    // ticks), wall time stands in for it.
    return std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now().time_since_epoch()).count();
#endif
}

} // namespace

void blockThread(Micros duration)
{
    std::this_thread::sleep_for(std::chrono::microseconds(duration));
}

void burnCpu(Micros duration)
{
    const Micros end = threadCpuTime() + duration;
    volatile double sink = 0;
    while (threadCpuTime() < end) {
        for (int i = 1; i < 2000; ++i)
            sink = sink + std::sqrt(static_cast<double>(i));
    }
}

} // namespace concviz
