#pragma once

#include "../async/clock.h"

#include <QString>

namespace concviz {

// How a task (or one attempt of it) ended. Pending until it has.
enum class Outcome { Pending, Ok, Failed, Timeout, Cancelled };

// What a task was doing when it was not running its own code, or a part of an HTTP request.
enum class PhaseKind {
    WaitSemaphore,   // for a semaphore permit
    WaitRateLimit,   // for a slot in the rate limiter's window
    WaitQueue,       // in the queue, for a worker
    WaitExecutor,    // for a thread of the executor pool
    WaitConnection,  // for a connection in the HTTP client's pool
    Connecting,
    Sending,
    WaitingFirstByte,
    Downloading,
    Backoff,         // between a failed attempt and the next
    LoopBlocked,     // ready to go on, but the event loop was busy with blocking work
    WaitGil,         // CPU work waiting for CPython's global interpreter lock
    WaitCore,        // CPU work waiting for a free core (processes, or Python without the GIL)
    HoldsLoop,       // blocking or CPU work on the event loop itself: nothing else runs meanwhile
    WaitDatabase,    // for a connection from the database pool
    WaitSync,        // a recorded program's lock, event or condition (never made by a scenario)
};

// Waits that happen inside an attempt's body: the body is in flight but doing no work of its own,
// so they do not count as work in the statistics.
bool isWaitInsideBody(PhaseKind kind);

// Where the caller (the code running the strategy) resumed, and other moments worth a mark.
enum class MarkerKind {
    CallerResumed, // gather returned or raised, wait() returned, a batch finished
    Consumed,      // as_completed handed this task's result to the caller
    Deadline,      // the run's deadline cancelled what was left
    Stopped,       // the user stopped the run
};

QString outcomeName(Outcome outcome);
// The mark after a task's bar, in the terminal and the window alike: ✓ ✗ ◴ ⊘ (empty while pending).
QString outcomeSymbol(Outcome outcome);
QString phaseName(PhaseKind kind);
// The words a person reads: "waiting for a semaphore permit".
QString phaseDescription(PhaseKind kind);
QString markerName(MarkerKind kind);

// One thing that happened during a run, in the order it happened. The runner emits these live;
// Trace::apply() folds them into per-task records.
struct TraceEvent
{
    enum class Type {
        TaskCreated,
        PhaseBegan,
        PhaseEnded,
        AttemptStarted,
        AttemptEnded,
        TaskEnded,
        Marker,
        RunEnded,
        HttpResult,
        CallerStepBegan, // the caller's own work or a pause between batches, on the caller's row
        CallerStepEnded,
        DbResult, // what a db task's query gave: `rows`, and its first row in `text`
    };

    Type type = Type::TaskCreated;
    Micros time = 0;
    int task = -1;
    int attempt = 0;
    PhaseKind phase = PhaseKind::WaitSemaphore;
    Outcome outcome = Outcome::Pending;
    MarkerKind marker = MarkerKind::CallerResumed;
    QString text; // error text or marker label
    int worker = -1;
    int httpStatus = -1;   // HttpResult: the status code, -1 when no response came
    qint64 bytes = -1;     // HttpResult: body bytes received
    qint64 rows = -1;      // DbResult: rows returned (or changed)
    int rank = 0;          // Marker (Consumed): the place at which the caller took the result
    bool holdsLoop = false; // CallerStepBegan: it blocks the loop (time.sleep, CPU work) instead of awaiting
};

} // namespace concviz
