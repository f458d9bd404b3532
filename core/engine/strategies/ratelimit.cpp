#include "../../async/combinators.h"
#include "../../scenario/strategyregistry.h"
#include "../ratelimiter.h"
#include "spawnall.h"

namespace concviz {

namespace {

// A sliding-window limiter: at most CALLS task starts in any PERIOD_MS, first come first served.
Task<void> run(Engine &engine, const StrategySpec &spec)
{
    const int calls = spec.count(QStringLiteral("calls"));
    const double periodMs = spec.millis(QStringLiteral("period_ms"));
    Engine::Admission admission;
    admission.limiter = &engine.own<RateLimiter>(engine.clock(), calls, fromMs(periodMs));
    co_await whenAll(spawnAll(engine, admission));
    engine.mark(MarkerKind::CallerResumed, QStringLiteral("gather returned"));
}

const StrategyRegistration registration{StrategyDefinition{
    .name = QStringLiteral("rate_limit"),
    .order = 70,
    .summary = QStringLiteral("at most CALLS task starts in any window of PERIOD_MS, first come first served"),
    .asyncioCode = QStringLiteral(
        "limiter = SlidingWindowLimiter(calls=CALLS, period=PERIOD_MS / 1000)\n"
        "\n"
        "async def limited(t):\n"
        "    await limiter.acquire()\n"
        "    return await t()\n"
        "\n"
        "await asyncio.gather(*(limited(t) for t in tasks), return_exceptions=True)\n"),
    .params =
        {
            StrategyParam{
                .type = StrategyParam::Type::Count,
                .key = QStringLiteral("calls"),
                .placeholder = QStringLiteral("CALLS"),
                .what = QStringLiteral("rate_limit's calls"),
                .help = QStringLiteral("How many tasks may start in any one window."),
                .unit = QStringLiteral("tasks"),
            },
            StrategyParam{
                .type = StrategyParam::Type::Millis,
                .key = QStringLiteral("period_ms"),
                .placeholder = QStringLiteral("PERIOD_MS"),
                .what = QStringLiteral("rate_limit's period"),
                .help = QStringLiteral("The length of the sliding window."),
                .unit = QStringLiteral("ms"),
            },
        },
    .examples = {QStringLiteral("rate_limit:5/1000")},
    .run = run,
}};

} // namespace

} // namespace concviz
