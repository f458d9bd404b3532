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

const StrategyRegistration registration{StrategyDefinition{
    .name = QStringLiteral("wait"),
    .order = 50,
    .summary = QStringLiteral("asyncio.wait(tasks, return_when=...), then the pending tasks are cancelled"),
    .asyncioCode = QStringLiteral(
        "done, pending = await asyncio.wait(\n"
        "    [asyncio.create_task(t()) for t in tasks],\n"
        "    return_when=asyncio.FIRST_COMPLETED)  # or FIRST_EXCEPTION\n"
        "for p in pending:\n"
        "    p.cancel()\n"),
    .params =
        {
            StrategyParam{
                .type = StrategyParam::Type::Choice,
                .key = QStringLiteral("return_when"),
                .what = QStringLiteral("wait's return_when"),
                .help = QStringLiteral("When wait returns: at the first task to end, or at the first failure."),
                .choices = {QStringLiteral("first_completed"), QStringLiteral("first_exception")},
            },
        },
    .examples = {QStringLiteral("wait:first_completed"), QStringLiteral("wait:first_exception")},
    .run = run,
}};

} // namespace

} // namespace concviz
