#pragma once

#include "scenario/scenario.h"
#include "trace/trace.h"

namespace concviz {

// Turns a trace (a recorded program, most often) into a scenario, so that other strategies can be
// tried on the same work: "what if these fetches had run under a semaphore of 3?".
class TraceScenario
{
public:
    // Each task of `trace` becomes one task of the scenario with the time it took of its own: the
    // time from its first step to its end, less the waits a strategy imposes (a semaphore, the queue,
    // a lock, an executor thread, a blocked loop), as a sleep; blocking work if it held the loop for
    // most of that time; fail, with its error, if it failed. Tasks that started others (a program's
    // main) are the caller, and executor threads are part of the tasks that waited for them: both
    // are left out. `source` names the file in the description.
    static Scenario from(const Trace &trace, const QString &source);
};

} // namespace concviz
