#include "../../async/combinators.h"
#include "../../scenario/strategyregistry.h"
#include "spawnall.h"

namespace concviz {

namespace {

// Without return_exceptions the caller resumes with the first error, at its time; the other tasks
// are not cancelled and run on (the run waits for them, so the picture shows it).
Task<void> run(Engine &engine, const StrategySpec &spec)
{
    const bool returnExceptions = spec.flag(QStringLiteral("return_exceptions"));
    std::vector<Task<void>> tasks = spawnAll(engine);
    if (returnExceptions) {
        co_await whenAll(tasks);
        engine.mark(MarkerKind::CallerResumed, QStringLiteral("gather returned every result and exception"));
        co_return;
    }
    const int failed = co_await whenFirst(tasks, true);
    if (failed >= 0)
        engine.mark(MarkerKind::CallerResumed, QStringLiteral("gather raised: %1").arg(failureText(tasks[failed])), failed);
    else
        engine.mark(MarkerKind::CallerResumed, QStringLiteral("gather returned"));
}

const StrategyRegistration registration{StrategyDefinition{
    .name = QStringLiteral("gather"),
    .order = 20,
    .summary = QStringLiteral("await asyncio.gather(*tasks): the caller gets the first error at its time; the others are not cancelled and run on"),
    .asyncioCode = QStringLiteral(
        "results = await asyncio.gather(*(t() for t in tasks))\n"
        "# or, with return_exceptions:\n"
        "results = await asyncio.gather(*(t() for t in tasks), return_exceptions=True)\n"),
    .params =
        {
            StrategyParam{
                .type = StrategyParam::Type::Flag,
                .key = QStringLiteral("return_exceptions"),
                .what = QStringLiteral("gather's return_exceptions"),
                .help = QStringLiteral("Wait for every task and return errors as results instead of raising the first."),
            },
        },
    .examples = {QStringLiteral("gather"), QStringLiteral("gather:return_exceptions")},
    .run = run,
}};

} // namespace

} // namespace concviz
