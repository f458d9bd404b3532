#include "../../async/asyncqueue.h"
#include "../../async/sleep.h"
#include "../../scenario/strategyregistry.h"
#include "../engine.h"
#include "../taskerror.h"

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
    for (int w = 1; w <= workers; ++w)
        pool.push_back(engine.track(worker(engine, queue, w)));
    for (int i = 0; i < engine.taskCount(); ++i) {
        if (i > 0 && intervalMs > 0)
            co_await sleepFor(fromMs(intervalMs));
        engine.created(i);
        engine.beginPhase(i, PhaseKind::WaitQueue);
        co_await queue.put(i);
    }
    co_await queue.join();
    engine.mark(MarkerKind::CallerResumed, QStringLiteral("queue.join() returned: every item done"));
    for (const Task<void> &w : pool)
        w.cancel(CancelKind::Cancelled, QStringLiteral("the queue is done"));
}

const StrategyRegistration registration{StrategyDefinition{
    .name = QStringLiteral("queue"),
    .order = 80,
    .summary = QStringLiteral("a producer puts one task every MS on an asyncio.Queue(M) (waiting while it is full), WORKERS workers take them"),
    .asyncioCode = QStringLiteral(
        "q = asyncio.Queue(maxsize=M)\n"
        "\n"
        "async def worker():\n"
        "    while True:\n"
        "        t = await q.get()\n"
        "        try:\n"
        "            await t()\n"
        "        finally:\n"
        "            q.task_done()\n"
        "\n"
        "workers = [asyncio.create_task(worker()) for _ in range(WORKERS)]\n"
        "for t in tasks:\n"
        "    await q.put(t)\n"
        "    await asyncio.sleep(MS / 1000)\n"
        "await q.join()\n"
        "for w in workers:\n"
        "    w.cancel()\n"),
    .params =
        {
            StrategyParam{
                .type = StrategyParam::Type::Count,
                .key = QStringLiteral("workers"),
                .placeholder = QStringLiteral("WORKERS"),
                .what = QStringLiteral("the queue's workers"),
                .need = QStringLiteral("its number of workers"),
                .help = QStringLiteral("How many workers take tasks from the queue."),
                .unit = QStringLiteral("workers"),
            },
            StrategyParam{
                .type = StrategyParam::Type::Count,
                .key = QStringLiteral("maxsize"),
                .textKey = QStringLiteral("maxsize"),
                .placeholder = QStringLiteral("M"),
                .what = QStringLiteral("maxsize"),
                .help = QStringLiteral("How many tasks the queue holds before the producer waits; unbounded when left out."),
                .unit = QStringLiteral("tasks"),
            },
            StrategyParam{
                .type = StrategyParam::Type::Millis,
                .key = QStringLiteral("interval_ms"),
                .textKey = QStringLiteral("interval"),
                .placeholder = QStringLiteral("MS"),
                .what = QStringLiteral("interval"),
                .help = QStringLiteral("How long the producer waits between two puts."),
                .unit = QStringLiteral("ms"),
                .allowZero = true,
            },
        },
    .examples = {QStringLiteral("queue:3")},
    .concurrencyLimit = [](const StrategySpec &s) { return s.count(QStringLiteral("workers")); },
    .run = run,
}};

} // namespace

} // namespace concviz
