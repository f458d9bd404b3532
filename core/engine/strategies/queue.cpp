#include "../../async/asyncqueue.h"
#include "../../async/hostturn.h"
#include "../../async/sleep.h"
#include "../../scenario/numberformat.h"
#include "../../scenario/strategyregistry.h"
#include "../engine.h"
#include "../taskerror.h"

#include <algorithm>

namespace concviz {

namespace {

Task<void> worker(Engine &engine, AsyncQueue<int> &queue, int number)
{
    for (;;) {
        const int task = co_await queue.get();
        engine.endPhase(task, PhaseKind::WaitQueue);
        try {
            co_await engine.runTask(task, {}, number);
        } catch (const TaskError &) {
            // Recorded on the task; the worker takes the next one.
        }
        queue.taskDone();
    }
}

Task<void> run(Engine &engine, const StrategySpec &spec)
{
    const int workers = spec.count(QStringLiteral("workers"));
    const int maxsize = spec.count(QStringLiteral("maxsize"));
    const double intervalMs = spec.millis(QStringLiteral("interval_ms"));
    AsyncQueue<int> &queue = engine.own<AsyncQueue<int>>(maxsize);
    std::vector<Task<void>> pool;
    // More workers than tasks would only wait: queue:1000000 for one task makes one worker.
    for (int w = 1; w <= std::min(workers, engine.taskCount()); ++w)
        pool.push_back(engine.track(worker(engine, queue, w)));
    for (int i = 0; i < engine.taskCount() && !engine.isStopping(); ++i) {
        if (i > 0 && intervalMs > 0)
            co_await sleepFor(fromMs(intervalMs));
        co_await hostTurn(engine.clock());
        engine.created(i);
        engine.beginPhase(i, PhaseKind::WaitQueue);
        co_await queue.put(i);
    }
    co_await queue.join();
    engine.mark(MarkerKind::CallerResumed, QStringLiteral("queue.join() returned: every item done"));
    for (const Task<void> &w : pool)
        w.cancel(CancelKind::Cancelled, QStringLiteral("the queue is done"));
}

// The most tasks running at once: the workers.
int limit(const StrategySpec &spec)
{
    return spec.count(QStringLiteral("workers"));
}

// The producer waits between two puts: the last put must fit in a run.
QString checkSchedule(const StrategySpec &spec, int tasks)
{
    return lateStartProblem(static_cast<double>(tasks - 1) * spec.millis(QStringLiteral("interval_ms")), tasks);
}

// What the caller does, and the asyncio code it mirrors, as the help and the code panel show them.
const char summary[] = "a producer puts one task every MS on an asyncio.Queue(M) (waiting while it is full), WORKERS workers take them";
const char asyncioCode[] = R"py(q = asyncio.Queue(maxsize=M)

async def worker():
    while True:
        t = await q.get()
        try:
            await t()
        finally:
            q.task_done()

workers = [asyncio.create_task(worker()) for _ in range(WORKERS)]
for t in tasks:
    await q.put(t)
    await asyncio.sleep(MS / 1000)
await q.join()
for w in workers:
    w.cancel())py";

const StrategyRegistration registration{StrategyDefinition{.name = QStringLiteral("queue"), .order = 80,
    .summary = QString::fromUtf8(summary), .asyncioCode = QString::fromUtf8(asyncioCode),
    .params = {countParam(QStringLiteral("workers"), QStringLiteral("WORKERS"), QStringLiteral("the queue's workers"),
                          QStringLiteral("its number of workers"), QStringLiteral("How many workers take tasks from the queue.")),
               namedCountParam(QStringLiteral("maxsize"), QStringLiteral("M"),
                               QStringLiteral("How many tasks the queue holds before the producer waits; unbounded when left out.")),
               namedMillisParam(QStringLiteral("interval_ms"), QStringLiteral("interval"), QStringLiteral("MS"),
                                QStringLiteral("How long the producer waits between two puts."))},
    .examples = {QStringLiteral("queue:3")}, .concurrencyLimit = limit, .checkSchedule = checkSchedule,
    .run = run}};

} // namespace

} // namespace concviz
