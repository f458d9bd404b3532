#include "strategies.h"

namespace concviz {

Task<void> runStrategy(Engine &engine, const StrategySpec &spec)
{
    using Kind = StrategySpec::Kind;
    switch (spec.kind) {
    case Kind::Sequential:
        return runSequential(engine);
    case Kind::Gather:
        return runGather(engine, spec.returnExceptions);
    case Kind::TaskGroup:
        return runTaskGroup(engine);
    case Kind::AsCompleted:
        return runAsCompleted(engine);
    case Kind::WaitFirstCompleted:
        return runWait(engine, false);
    case Kind::WaitFirstException:
        return runWait(engine, true);
    case Kind::Semaphore:
        return runSemaphore(engine, spec.limit);
    case Kind::RateLimit:
        return runRateLimit(engine, spec.calls, spec.periodMs);
    case Kind::Queue:
        return runQueue(engine, spec.limit, spec.maxsize, spec.intervalMs);
    case Kind::Batches:
        return runBatches(engine, spec.limit, spec.concurrency);
    }
    return runGather(engine, false);
}

} // namespace concviz
