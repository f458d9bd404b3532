#include "../../async/combinators.h"
#include "spawnall.h"
#include "strategies.h"

namespace concviz {

// await asyncio.gather(*tasks[, return_exceptions=True])
// Without return_exceptions the caller resumes with the first error, at its time; the other tasks
// are not cancelled and run on (the run waits for them, so the picture shows it).
Task<void> runGather(Engine &engine, bool returnExceptions)
{
    std::vector<Task<void>> tasks = spawnAll(engine);
    if (returnExceptions) {
        co_await whenAll(tasks);
        engine.mark(MarkerKind::CallerResumed, QStringLiteral("gather returned every result and exception"));
        co_return;
    }
    const int failed = co_await whenFirst(tasks, true);
    if (failed >= 0)
        engine.mark(MarkerKind::CallerResumed, QStringLiteral("gather raised: %1").arg(failureText(tasks[failed])), failed);
    else
        engine.mark(MarkerKind::CallerResumed, QStringLiteral("gather returned"));
}

} // namespace concviz
