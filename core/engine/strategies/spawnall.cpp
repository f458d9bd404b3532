#include "spawnall.h"

#include "../taskerror.h"

namespace concviz {

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
