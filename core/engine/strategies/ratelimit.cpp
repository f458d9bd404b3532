#include "../../scenario/numberformat.h"
#include "../../scenario/strategyregistry.h"
#include "../ratelimiter.h"
#include "spawnall.h"

#include <cmath>

namespace concviz {

namespace {

// A sliding-window limiter: at most CALLS task starts in any PERIOD_MS, first come first served.
Task<void> run(Engine &engine, const StrategySpec &spec)
{
    const int calls = spec.count(QStringLiteral("calls"));
    const double periodMs = spec.millis(QStringLiteral("period_ms"));
    Engine::Admission admission;
    admission.limiter = &engine.own<RateLimiter>(engine.clock(), calls, fromMs(periodMs));
    return gatherAdmitted(engine, admission);
}

// A start every PERIOD_MS for each CALLS: the last task's start must fit in a run.
QString checkSchedule(const StrategySpec &spec, int tasks)
{
    const int calls = spec.count(QStringLiteral("calls"));
    const double windows = std::ceil(static_cast<double>(tasks) / calls) - 1;
    return lateStartProblem(windows * spec.millis(QStringLiteral("period_ms")), tasks);
}

// What the caller does, and the asyncio code it mirrors, as the help and the code panel show them.
const char summary[] = "at most CALLS task starts in any window of PERIOD_MS, first come first served";
const char asyncioCode[] = R"py(limiter = SlidingWindowLimiter(calls=CALLS, period=PERIOD_MS / 1000)

async def limited(t):
    await limiter.acquire()
    return await t()

await asyncio.gather(*(limited(t) for t in tasks), return_exceptions=True))py";

const StrategyRegistration registration{StrategyDefinition{.name = QStringLiteral("rate_limit"), .order = 70,
    .summary = QString::fromUtf8(summary), .asyncioCode = QString::fromUtf8(asyncioCode),
    .params = {countParam(QStringLiteral("calls"), QStringLiteral("CALLS"), QStringLiteral("rate_limit's calls"), {},
                          QStringLiteral("How many tasks may start in any one window.")),
               millisParam(QStringLiteral("period_ms"), QStringLiteral("PERIOD_MS"), QStringLiteral("rate_limit's period"),
                           QStringLiteral("The length of the sliding window."))},
    .examples = {QStringLiteral("rate_limit:5/1000")}, .checkSchedule = checkSchedule, .runsCallerSteps = true, .run = run}};

} // namespace

} // namespace concviz
