#pragma once

#include "field.h"

namespace concviz {

// The fields of a scenario file outside any task kind, declared once for the reader, the writer,
// the editor and the messages. (Each task kind declares its own in its definition.)
namespace ScenarioFields {

// The most tasks a scenario may hold once `count` is expanded.
constexpr qint64 maxTasks = 1000000;

const Field &taskCount();          // tasks[i].count
const Field &taskTimeoutMs();      // tasks[i].timeout_ms
const Field &timeoutMs();          // timeout_ms
const Field &deadlineMs();         // deadline_ms
const Field &retriesMax();         // retries.max
const Field &retriesBackoffMs();   // retries.backoff_ms
const Field &executorWorkers();    // executor_workers
const Field &connectionsPerHost(); // connections_per_host

} // namespace ScenarioFields

} // namespace concviz
