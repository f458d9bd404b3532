#include "../../async/combinators.h"
#include "spawnall.h"
#include "strategies.h"

namespace concviz {

// async with asyncio.TaskGroup() as tg: tg.create_task(...) for each task
// The first failure cancels every sibling still running, at that moment; the block exits once
// all have ended, raising an ExceptionGroup.
Task<void> runTaskGroup(Engine &engine)
{
    std::vector<Task<void>> tasks = spawnAll(engine);
    const int failed = co_await whenFirst(tasks, true);
    if (failed < 0) {
        engine.mark(MarkerKind::CallerResumed, QStringLiteral("TaskGroup exited: all tasks done"));
        co_return;
    }
    const QString reason = QStringLiteral("TaskGroup cancelled it: %1 failed").arg(engine.instance(failed).name);
    for (const Task<void> &t : tasks)
        t.cancel(CancelKind::Cancelled, reason);
    co_await whenAll(tasks);
    engine.mark(MarkerKind::CallerResumed, QStringLiteral("TaskGroup raised ExceptionGroup: %1").arg(failureText(tasks[failed])),
                failed);
}

} // namespace concviz
