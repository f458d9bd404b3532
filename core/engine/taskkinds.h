#pragma once

#include "../async/task.h"

namespace concviz {

class Engine;

// The body of one attempt of task `task`, by its kind: sleep, fail, blocking, cpu, http.
// Throws TaskFailure when the attempt fails.
Task<void> runTaskBody(Engine &engine, int task, int spec);

} // namespace concviz
