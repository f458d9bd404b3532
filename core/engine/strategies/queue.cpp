#include "../../async/asyncqueue.h"
#include "../../async/sleep.h"
#include "../engine.h"
#include "../taskerror.h"
#include "strategies.h"

namespace concviz {

namespace {

// async def worker(q): while True: t = await q.get(); try: await t() finally: q.task_done()
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

} // namespace

// q = asyncio.Queue(maxsize); workers = [create_task(worker(q)) for _ in range(W)]
// for t in tasks: await q.put(t); await asyncio.sleep(interval)
// await q.join(); cancel the workers
Task<void> runQueue(Engine &engine, int workers, int maxsize, double intervalMs)
{
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

} // namespace concviz
