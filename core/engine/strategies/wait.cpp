#include "../../async/combinators.h"
#include "spawnall.h"
#include "strategies.h"

namespace concviz {

// done, pending = await asyncio.wait(tasks, return_when=FIRST_COMPLETED | FIRST_EXCEPTION)
// for t in pending: t.cancel()
Task<void> runWait(Engine &engine, bool firstException)
{
    std::vector<Task<void>> tasks = spawnAll(engine);
    co_await whenFirst(tasks, firstException);
    int done = 0;
    for (const Task<void> &t : tasks)
        done += t.isDone() ? 1 : 0;
    const int pending = static_cast<int>(tasks.size()) - done;
    engine.mark(MarkerKind::CallerResumed,
                QStringLiteral("wait returned: %1 done, %2 pending cancelled").arg(done).arg(pending));
    const QString reason = firstException ? QStringLiteral("cancelled as pending after wait(FIRST_EXCEPTION)")
                                          : QStringLiteral("cancelled as pending after wait(FIRST_COMPLETED)");
    for (const Task<void> &t : tasks)
        t.cancel(CancelKind::Cancelled, reason);
}

} // namespace concviz
