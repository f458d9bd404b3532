#include "../../async/combinators.h"
#include "../../scenario/strategyregistry.h"
#include "spawnall.h"

namespace concviz {

namespace {

Task<void> run(Engine &engine, const StrategySpec &spec)
{
    const bool firstException = spec.choice(QStringLiteral("return_when")) == QLatin1String("first_exception");
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

// What the caller does, and the asyncio code it mirrors, as the help and the code panel show them.
const char summary[] = "asyncio.wait(tasks, return_when=...), then the pending tasks are cancelled";
const char asyncioCode[] = R"py(done, pending = await asyncio.wait(
    [asyncio.create_task(t()) for t in tasks],
    return_when=asyncio.FIRST_COMPLETED)  # or FIRST_EXCEPTION
for p in pending:
    p.cancel())py";

const StrategyRegistration registration{StrategyDefinition{.name = QStringLiteral("wait"), .order = 50,
    .summary = QString::fromUtf8(summary), .asyncioCode = QString::fromUtf8(asyncioCode),
    .params = {choiceParam(QStringLiteral("return_when"), {QStringLiteral("first_completed"), QStringLiteral("first_exception")},
                           QStringLiteral("wait's return_when"),
                           QStringLiteral("When wait returns: at the first task to end, or at the first failure."))},
    .examples = {QStringLiteral("wait:first_completed"), QStringLiteral("wait:first_exception")}, .run = run}};

} // namespace

} // namespace concviz
