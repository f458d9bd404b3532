#include "../../async/combinators.h"
#include "../../scenario/strategyregistry.h"
#include "spawnall.h"

namespace concviz {

namespace {

// The first failure cancels every sibling still running, at that moment; the block exits once
// all have ended, raising an ExceptionGroup.
Task<void> run(Engine &engine, const StrategySpec &)
{
    std::vector<Task<void>> tasks;
    co_await spawnAll(engine, tasks);
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

// What the caller does, and the asyncio code it mirrors, as the help and the code panel show them.
const char summary[] = "async with asyncio.TaskGroup(): the first failure cancels every sibling still running, at that moment";
const char asyncioCode[] = R"py(try:
    async with asyncio.TaskGroup() as tg:
        for t in tasks:
            tg.create_task(t())
except* Exception as group:
    log(group.exceptions)  # the first failure cancelled the rest)py";

const StrategyRegistration registration{StrategyDefinition{.name = QStringLiteral("task_group"), .order = 30,
    .summary = QString::fromUtf8(summary), .asyncioCode = QString::fromUtf8(asyncioCode),
    .examples = {QStringLiteral("task_group")}, .runsCallerSteps = true, .run = run}};

} // namespace

} // namespace concviz
