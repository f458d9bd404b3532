#pragma once

#include "../engine.h"

#include <vector>

namespace concviz {

// Creates every task at once (asyncio.create_task for each), all with the same admission.
inline std::vector<Task<void>> spawnAll(Engine &engine, Engine::Admission admission = {})
{
    std::vector<Task<void>> tasks;
    tasks.reserve(static_cast<std::size_t>(engine.taskCount()));
    for (int i = 0; i < engine.taskCount(); ++i) {
        engine.created(i);
        tasks.push_back(engine.runTask(i, admission));
    }
    return tasks;
}

// await asyncio.gather(*(limited(t) for t in tasks), return_exceptions=True): every task created at
// once behind the same admission, and the caller resumes when all have ended.
Task<void> gatherAdmitted(Engine &engine, Engine::Admission admission);

// The error text of a task that failed, for the caller's marker.
QString failureText(const Task<void> &task);

} // namespace concviz
