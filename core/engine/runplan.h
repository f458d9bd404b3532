#pragma once

#include "../scenario/scenario.h"
#include "../trace/trace.h"

namespace concviz {

// What a run starts from: the scenario's task instances, and a trace with every one of them named.
// A million of them take a quarter of a second to make, so the window has them made on another
// thread rather than hold its frames meanwhile.
struct RunPlan
{
    QList<TaskInstance> instances;
    Trace trace;

    static RunPlan of(const Scenario &scenario, const StrategySpec &strategy, ClockKind clock);
};

} // namespace concviz
