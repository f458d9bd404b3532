#pragma once

#include "../async/task.h"
#include "../scenario/taskspec.h"

namespace concviz {

class Engine;

// The body of one attempt of task `task`, by its kind: sleep, fail, blocking, cpu, http.
// Throws TaskFailure when the attempt fails.
Task<void> runTaskBody(Engine &engine, int task, int spec);

// Whether the body is just a wait (sleep, fail): with no timeout to cut it short, it can run inside
// the task's own coroutine instead of a coroutine of its own.
bool isPlainWait(const TaskSpec &spec);
// What a plain wait does once its time has come: note a late wake-up, raise a fail task's error.
void finishPlainWait(Engine &engine, int task, const TaskSpec &spec, Micros due);

} // namespace concviz
