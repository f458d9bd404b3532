#pragma once

#include "asyncevent.h"
#include "task.h"

#include <memory>
#include <vector>

namespace concviz {

// True when the task ended with an exception other than being cancelled.
bool hasFailed(const TaskStateBase &task);

// Waits until every task has ended, whatever the outcome (gather with return_exceptions=True).
// Both take the tasks by reference: the caller awaits at once and keeps them until it has, and a
// million of them are not copied.
Task<void> whenAll(const std::vector<Task<void>> &tasks);

// Waits for the first task to end (failuresOnly = false) or to fail (failuresOnly = true), and
// returns its index; returns -1 when all ended without the awaited event.
Task<int> whenFirst(const std::vector<Task<void>> &tasks, bool failuresOnly);

} // namespace concviz
