#pragma once

#include "../engine.h"

#include <vector>

namespace concviz {

// Creates every task at once (asyncio.create_task for each), all with the same admission, into
// `tasks`, then runs the scenario's caller steps before the strategy awaits them:
//     tasks = [asyncio.create_task(t()) for t in tasks]; <caller steps>; await ...
// Tasks start at the caller's first await, so steps that hold the loop before it delay every start.
Task<void> spawnAll(Engine &engine, std::vector<Task<void>> &tasks, Engine::Admission admission = {});

// await asyncio.gather(*(limited(t) for t in tasks), return_exceptions=True): every task created at
// once behind the same admission, and the caller resumes when all have ended.
Task<void> gatherAdmitted(Engine &engine, Engine::Admission admission);

// The error text of a task that failed, for the caller's marker.
QString failureText(const Task<void> &task);

} // namespace concviz
