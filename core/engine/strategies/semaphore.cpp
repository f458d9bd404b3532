#include "../../async/combinators.h"
#include "spawnall.h"
#include "strategies.h"

namespace concviz {

// sem = asyncio.Semaphore(N)
// async def limited(t): async with sem: return await t()
// await asyncio.gather(*(limited(t) for t in tasks), return_exceptions=True)
Task<void> runSemaphore(Engine &engine, int permits)
{
    Engine::Admission admission;
    admission.semaphore = &engine.own<Semaphore>(permits);
    co_await whenAll(spawnAll(engine, admission));
    engine.mark(MarkerKind::CallerResumed, QStringLiteral("gather returned"));
}

} // namespace concviz
