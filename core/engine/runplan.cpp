#include "runplan.h"

namespace concviz {

RunPlan RunPlan::of(const Scenario &scenario, const StrategySpec &strategy, ClockKind clock)
{
    RunPlan plan;
    plan.instances = scenario.instances();
    Trace &trace = plan.trace;
    trace.scenario = scenario.name;
    trace.strategy = strategy.toString();
    trace.clock = clock;
    trace.concurrencyLimit = strategy.concurrencyLimit();
    trace.tasks.resize(plan.instances.size());
    for (qsizetype i = 0; i < plan.instances.size(); ++i) {
        TaskTrace &task = trace.tasks[i];
        task.name = plan.instances[i].name;
        task.database = scenario.tasks.at(plan.instances[i].spec).kind == QLatin1String("db");
        if (task.database)
            trace.dbPoolCapacity = scenario.dbPool.capacity();
    }
    return plan;
}

} // namespace concviz
