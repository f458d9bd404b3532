#pragma once

#include "field.h"

namespace concviz {

// The fields of a scenario file outside any task kind, declared once for the reader, the writer,
// the editor and the messages. (Each task kind declares its own in its definition.) Read them only
// once the program runs, not from another file's static initialiser.
namespace ScenarioFields {

extern const Field taskCount;          // tasks[i].count
extern const Field taskTimeoutMs;      // tasks[i].timeout_ms
extern const Field timeoutMs;          // timeout_ms
extern const Field deadlineMs;         // deadline_ms
extern const Field retriesMax;         // retries.max
extern const Field retriesBackoffMs;   // retries.backoff_ms
extern const Field retriesMaxBackoffMs; // retries.max_backoff_ms
extern const Field executorWorkers;    // executor_workers
extern const Field executor;           // executor: thread or process
extern const Field gil;                // gil
extern const Field cores;              // cores
extern const Field callerName;         // caller[i].name
extern const Field callerKind;         // caller[i].kind
extern const Field callerDurationMs;   // caller[i].duration_ms
extern const Field httpClient;         // http_client
extern const Field connectionsPerHost; // connections_per_host
extern const Field database;           // database
extern const Field dbPoolSize;         // db_pool.size
extern const Field dbPoolMaxOverflow;  // db_pool.max_overflow
extern const Field dbPoolTimeoutMs;    // db_pool.timeout_ms

} // namespace ScenarioFields

} // namespace concviz
