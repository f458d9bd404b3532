#include "spawnall.h"

#include "../../async/combinators.h"
#include "../../async/hostturn.h"
#include "../taskerror.h"

namespace concviz {

Task<void> spawnAll(Engine &engine, std::vector<Task<void>> &tasks, Engine::Admission admission)
{
    tasks.reserve(static_cast<std::size_t>(engine.taskCount()));
    // A million tasks take seconds to make: the window gets its turns meanwhile, and a Stop makes
    // no more of them.
    for (int i = 0; i < engine.taskCount() && !engine.isStopping(); ++i) {
        co_await hostTurn(engine.clock());
        engine.created(i);
    }
    const int steps = static_cast<int>(engine.scenario().caller.size());
    int step = 0;
    // Until the caller's first await, the loop is the caller's: no task has started yet.
    for (; step < steps && engine.scenario().caller.at(step).holdsLoop(); ++step)
        co_await engine.callerStep(step);
    for (int i = 0; i < engine.taskCount() && !engine.isStopping(); ++i) {
        co_await hostTurn(engine.clock());
        tasks.push_back(engine.runTask(i, admission));
    }
    for (; step < steps; ++step)
        co_await engine.callerStep(step);
}

Task<void> gatherAdmitted(Engine &engine, Engine::Admission admission)
{
    std::vector<Task<void>> tasks;
    co_await spawnAll(engine, tasks, admission);
    co_await whenAll(tasks);
    engine.mark(MarkerKind::CallerResumed, QStringLiteral("gather returned"));
}

QString failureText(const Task<void> &task)
{
    try {
        std::rethrow_exception(task.state()->error());
    } catch (const TaskError &e) {
        return e.message;
    } catch (const CancelledError &e) {
        return e.reason;
    } catch (...) {
        return QStringLiteral("unknown error");
    }
}

} // namespace concviz
