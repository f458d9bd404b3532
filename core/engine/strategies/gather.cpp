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
    std::vector<Task<void>> tasks;
    co_await spawnAll(engine, tasks);
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

// What the caller does, and the asyncio code it mirrors, as the help and the code panel show them.
const char summary[] = "await asyncio.gather(*tasks): the caller gets the first error at its time; the others are not cancelled and run on";
const char asyncioCode[] = R"py(results = await asyncio.gather(*(t() for t in tasks))
# or, with return_exceptions:
results = await asyncio.gather(*(t() for t in tasks), return_exceptions=True))py";

const StrategyRegistration registration{StrategyDefinition{.name = QStringLiteral("gather"), .order = 20,
    .summary = QString::fromUtf8(summary), .asyncioCode = QString::fromUtf8(asyncioCode),
    .params = {flagParam(QStringLiteral("return_exceptions"), QStringLiteral("gather's return_exceptions"),
                         QStringLiteral("Wait for every task and return errors as results instead of raising the first."))},
    .examples = {QStringLiteral("gather"), QStringLiteral("gather:return_exceptions")}, .runsCallerSteps = true, .run = run}};

} // namespace

} // namespace concviz
