#include "../../async/combinators.h"
#include "../ratelimiter.h"
#include "spawnall.h"
#include "strategies.h"

namespace concviz {

// A sliding-window limiter: at most CALLS task starts in any PERIOD_MS, first come first served.
// async def limited(t): await limiter.acquire(); return await t()
Task<void> runRateLimit(Engine &engine, int calls, double periodMs)
{
    Engine::Admission admission;
    admission.limiter = &engine.own<RateLimiter>(engine.clock(), calls, fromMs(periodMs));
    co_await whenAll(spawnAll(engine, admission));
    engine.mark(MarkerKind::CallerResumed, QStringLiteral("gather returned"));
}

} // namespace concviz
