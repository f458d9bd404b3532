#pragma once

#include "../../async/task.h"
#include "../../scenario/strategyspec.h"

namespace concviz {

class Engine;

// One coroutine per strategy: the code a caller would write with asyncio, run as the run's main.
Task<void> runStrategy(Engine &engine, const StrategySpec &spec);

Task<void> runSequential(Engine &engine);
Task<void> runGather(Engine &engine, bool returnExceptions);
Task<void> runTaskGroup(Engine &engine);
Task<void> runAsCompleted(Engine &engine);
Task<void> runWait(Engine &engine, bool firstException);
Task<void> runSemaphore(Engine &engine, int permits);
Task<void> runRateLimit(Engine &engine, int calls, double periodMs);
Task<void> runQueue(Engine &engine, int workers, int maxsize, double intervalMs);
Task<void> runBatches(Engine &engine, int size, int concurrency);

} // namespace concviz
