#include "../../async/asyncevent.h"
#include "../../async/combinators.h"
#include "../../scenario/numberformat.h"
#include "../../scenario/strategyregistry.h"
#include "spawnall.h"

namespace concviz {

namespace {

// What the caller waits for, shared with the tasks' end callbacks and the timer: the caller may
// go on (at the timeout, or cancelled by a deadline) while tasks still run.
struct WaitState
{
    std::size_t remaining = 0;
    bool timedOut = false;
    AsyncEvent returned;
};

Task<void> run(Engine &engine, const StrategySpec &spec)
{
    const QString returnWhen = spec.choice(QStringLiteral("return_when"));
    const bool allCompleted = returnWhen == QLatin1String("all_completed");
    const bool firstException = returnWhen == QLatin1String("first_exception");
    const double timeoutMs = spec.millis(QStringLiteral("timeout_ms"));
    std::vector<Task<void>> tasks;
    co_await spawnAll(engine, tasks);

    auto state = std::make_shared<WaitState>();
    state->remaining = tasks.size();
    if (tasks.empty())
        state->returned.set();
    for (const Task<void> &t : tasks) {
        TaskStateBase *task = t.state().get();
        task->onDone([state, task, allCompleted, firstException] {
            const bool last = --state->remaining == 0;
            if (last || (!allCompleted && (!firstException || hasFailed(*task))))
                state->returned.set();
        });
    }
    // asyncio.wait(..., timeout=) returns (done, pending) at the timeout and cancels nothing itself.
    TimerId timer = 0;
    if (timeoutMs > 0) {
        timer = engine.clock().callAt(engine.clock().now() + fromMs(timeoutMs), [state] {
            if (!state->returned.isSet())
                state->timedOut = true;
            state->returned.set();
        });
    }
    co_await state->returned.wait();
    if (timer)
        engine.clock().cancelTimer(timer);

    int done = 0;
    for (const Task<void> &t : tasks)
        done += t.isDone() ? 1 : 0;
    const int pending = static_cast<int>(tasks.size()) - done;
    const QString how = state->timedOut ? QStringLiteral("wait timed out after %1 ms").arg(formatNumber(timeoutMs))
                                        : QStringLiteral("wait returned");
    engine.mark(MarkerKind::CallerResumed, QStringLiteral("%1: %2 done, %3 pending cancelled").arg(how).arg(done).arg(pending));
    // As the lessons' code does: for p in pending: p.cancel().
    const QString timeout = timeoutMs > 0 ? QStringLiteral(", timeout=%1").arg(formatNumber(timeoutMs / 1000)) : QString();
    const QString reason = QStringLiteral("cancelled as pending after wait(%1%2)").arg(returnWhen.toUpper(), timeout);
    for (const Task<void> &t : tasks)
        t.cancel(CancelKind::Cancelled, reason);
}

// What the caller does, and the asyncio code it mirrors, as the help and the code panel show them.
const char summary[] = "asyncio.wait(tasks, return_when=..., timeout=...), then the pending tasks are cancelled";
const char asyncioCode[] = R"py(done, pending = await asyncio.wait(
    [asyncio.create_task(t()) for t in tasks],
    return_when=asyncio.FIRST_COMPLETED,  # or FIRST_EXCEPTION, ALL_COMPLETED
    timeout=None)  # or seconds: returns what is done by then
for p in pending:
    p.cancel())py";

const StrategyRegistration registration{StrategyDefinition{.name = QStringLiteral("wait"), .order = 50,
    .summary = QString::fromUtf8(summary), .asyncioCode = QString::fromUtf8(asyncioCode),
    .params = {choiceParam(QStringLiteral("return_when"),
                           {QStringLiteral("first_completed"), QStringLiteral("first_exception"), QStringLiteral("all_completed")},
                           QStringLiteral("wait's return_when"),
                           QStringLiteral("When wait returns: at the first task to end, at the first failure, or when all have ended.")),
               namedMillisParam(QStringLiteral("timeout_ms"), QStringLiteral("timeout"), QStringLiteral("MS"),
                                QStringLiteral("wait returns after this long at the latest, with what is done by then; the rest is cancelled."))},
    .examples = {QStringLiteral("wait:first_completed"), QStringLiteral("wait:first_exception"), QStringLiteral("wait:all_completed,timeout=2000")},
    .runsCallerSteps = true, .run = run}};

} // namespace

} // namespace concviz
