#include "../engine.h"
#include "../taskerror.h"
#include "strategies.h"

namespace concviz {

// for t in tasks: try: await t() except Exception: log and go on
Task<void> runSequential(Engine &engine)
{
    for (int i = 0; i < engine.taskCount(); ++i) {
        engine.created(i);
        try {
            co_await engine.runTask(i);
        } catch (const TaskError &) {
            // Recorded on the task; the loop goes on to the next one.
        }
    }
}

} // namespace concviz
