#include "spawnall.h"

#include "../../async/combinators.h"
#include "../taskerror.h"

namespace concviz {

Task<void> gatherAdmitted(Engine &engine, Engine::Admission admission)
{
    co_await whenAll(spawnAll(engine, admission));
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
