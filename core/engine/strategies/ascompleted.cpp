#include "../../async/asyncqueue.h"
#include "../../scenario/strategyregistry.h"
#include "spawnall.h"

namespace concviz {

namespace {

// The caller takes results in the order the tasks end; each take is a marker with its rank.
Task<void> run(Engine &engine, const StrategySpec &)
{
    std::vector<Task<void>> tasks;
    co_await spawnAll(engine, tasks);
    AsyncQueue<int> &done = engine.own<AsyncQueue<int>>();
    for (std::size_t i = 0; i < tasks.size(); ++i)
        tasks[i].state()->onDone([&done, i] { done.putNowait(static_cast<int>(i)); });
    for (std::size_t rank = 1; rank <= tasks.size(); ++rank) {
        const int task = co_await done.get();
        const bool ok = !tasks[static_cast<std::size_t>(task)].state()->error();
        engine.mark(MarkerKind::Consumed,
                    ok ? QStringLiteral("#%1").arg(rank) : QStringLiteral("#%1 (raised: %2)").arg(rank).arg(failureText(tasks[task])),
                    task, static_cast<int>(rank));
    }
}

// What the caller does, and the asyncio code it mirrors, as the help and the code panel show them.
const char summary[] = "for f in asyncio.as_completed(tasks): results in the order they end, each take marked";
const char asyncioCode[] = R"py(running = [asyncio.create_task(t()) for t in tasks]
for rank, next_done in enumerate(asyncio.as_completed(running), start=1):
    result = await next_done  # the first to end comes first)py";

const StrategyRegistration registration{StrategyDefinition{.name = QStringLiteral("as_completed"), .order = 40,
    .summary = QString::fromUtf8(summary), .asyncioCode = QString::fromUtf8(asyncioCode),
    .examples = {QStringLiteral("as_completed")}, .runsCallerSteps = true, .run = run}};

} // namespace

} // namespace concviz
