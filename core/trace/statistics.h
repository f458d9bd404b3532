#pragma once

#include "trace.h"

#include <QList>

namespace concviz {

// How many task bodies were running from `time` on, until the next step.
struct ConcurrencyStep
{
    Micros time;
    int running;
};

// The numbers that make a run's lesson: how long it took, how much work it did, how much overlapped.
struct Statistics
{
    Micros makespan = 0;
    Micros sum = 0;       // body time of every attempt of every task, added up
    double speedup = 0;   // sum / makespan: 1 for one-at-a-time, N for N perfectly overlapped
    int maxConcurrency = 0; // bodies at work at once: waits inside a body do not count
    double meanConcurrency = 0; // time-weighted over the makespan
    int ok = 0;
    int failed = 0;
    int timeout = 0;
    int cancelled = 0;
    Micros meanWait = 0;  // created -> body started
    Micros p95Wait = 0;
    Micros longestTask = 0;
    QList<ConcurrencyStep> profile; // starts at 0, one step per change

    static Statistics of(const Trace &trace);
};

} // namespace concviz
