#include "../../scenario/strategyregistry.h"
#include "spawnall.h"

namespace concviz {

namespace {

Task<void> run(Engine &engine, const StrategySpec &spec)
{
    const int permits = spec.count(QStringLiteral("limit"));
    Engine::Admission admission;
    admission.semaphore = &engine.own<Semaphore>(permits);
    return gatherAdmitted(engine, admission);
}

// The most tasks running at once: the permits.
int limit(const StrategySpec &spec)
{
    return spec.count(QStringLiteral("limit"));
}

// What the caller does, and the asyncio code it mirrors, as the help and the code panel show them.
const char summary[] = "async with asyncio.Semaphore(N) around each task: at most N bodies at once, first come first served";
const char asyncioCode[] = R"py(sem = asyncio.Semaphore(N)

async def limited(t):
    async with sem:
        return await t()

await asyncio.gather(*(limited(t) for t in tasks), return_exceptions=True))py";

const StrategyRegistration registration{StrategyDefinition{.name = QStringLiteral("semaphore"), .order = 60,
    .summary = QString::fromUtf8(summary), .asyncioCode = QString::fromUtf8(asyncioCode),
    .params = {countParam(QStringLiteral("limit"), QStringLiteral("N"), QStringLiteral("the semaphore's permits"),
                          QStringLiteral("its number of permits"), QStringLiteral("How many tasks may hold a permit at once."))},
    .examples = {QStringLiteral("semaphore:3")}, .concurrencyLimit = limit, .runsCallerSteps = true, .run = run}};

} // namespace

} // namespace concviz
