#pragma once

#include <QString>

namespace concviz {

// Why a task was stopped from outside: a timeout is its own wait_for running out, cancelled is
// anything else (a deadline, a TaskGroup sibling failing, wait() returning, the user's Stop).
enum class CancelKind { Cancelled, Timeout };

// Thrown into a coroutine at the await where it was cancelled (asyncio's CancelledError).
struct CancelledError
{
    CancelKind kind = CancelKind::Cancelled;
    QString reason;
};

// Thrown by a task body that fails (the `fail` task kind, an HTTP error, a retry giving up).
struct TaskFailure
{
    QString message;
};

} // namespace concviz
