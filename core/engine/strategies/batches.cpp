#include "../../async/combinators.h"
#include "../engine.h"
#include "strategies.h"

#include <algorithm>

namespace concviz {

// for batch in chunks(tasks, SIZE):
//     await asyncio.gather(*(limited(t) for t in batch), return_exceptions=True)
// Each batch starts when the previous one has completely finished; within a batch at most
// `concurrency` run at once when it is set.
Task<void> runBatches(Engine &engine, int size, int concurrency)
{
    const int total = engine.taskCount();
    for (int first = 0, batch = 1; first < total; first += size, ++batch) {
        Engine::Admission admission;
        if (concurrency > 0)
            admission.semaphore = &engine.own<Semaphore>(concurrency);
        std::vector<Task<void>> tasks;
        const int last = std::min(total, first + size);
        for (int i = first; i < last; ++i) {
            engine.created(i);
            tasks.push_back(engine.runTask(i, admission));
        }
        co_await whenAll(std::move(tasks));
        engine.mark(MarkerKind::CallerResumed, QStringLiteral("batch %1 done").arg(batch));
    }
}

} // namespace concviz
