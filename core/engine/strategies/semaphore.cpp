#include "../../async/combinators.h"
#include "../../scenario/strategyregistry.h"
#include "spawnall.h"

namespace concviz {

namespace {

Task<void> run(Engine &engine, const StrategySpec &spec)
{
    const int permits = spec.count(QStringLiteral("limit"));
    Engine::Admission admission;
    admission.semaphore = &engine.own<Semaphore>(permits);
    co_await whenAll(spawnAll(engine, admission));
    engine.mark(MarkerKind::CallerResumed, QStringLiteral("gather returned"));
}

const StrategyRegistration registration{StrategyDefinition{
    .name = QStringLiteral("semaphore"),
    .order = 60,
    .summary = QStringLiteral("async with asyncio.Semaphore(N) around each task: at most N bodies at once, first come first served"),
    .asyncioCode = QStringLiteral(
        "sem = asyncio.Semaphore(N)\n"
        "\n"
        "async def limited(t):\n"
        "    async with sem:\n"
        "        return await t()\n"
        "\n"
        "await asyncio.gather(*(limited(t) for t in tasks), return_exceptions=True)\n"),
    .params =
        {
            StrategyParam{
                .type = StrategyParam::Type::Count,
                .key = QStringLiteral("limit"),
                .placeholder = QStringLiteral("N"),
                .what = QStringLiteral("the semaphore's permits"),
                .need = QStringLiteral("its number of permits"),
                .help = QStringLiteral("How many tasks may hold a permit at once."),
                .unit = QStringLiteral("tasks"),
            },
        },
    .examples = {QStringLiteral("semaphore:3")},
    .concurrencyLimit = [](const StrategySpec &s) { return s.count(QStringLiteral("limit")); },
    .run = run,
}};

} // namespace

} // namespace concviz
