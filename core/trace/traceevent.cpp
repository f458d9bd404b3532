#include "traceevent.h"

namespace concviz {

QString outcomeName(Outcome outcome)
{
    switch (outcome) {
    case Outcome::Pending:
        return QStringLiteral("pending");
    case Outcome::Ok:
        return QStringLiteral("ok");
    case Outcome::Failed:
        return QStringLiteral("failed");
    case Outcome::Timeout:
        return QStringLiteral("timeout");
    case Outcome::Cancelled:
        return QStringLiteral("cancelled");
    }
    return {};
}

bool isWaitInsideBody(PhaseKind kind)
{
    return kind == PhaseKind::WaitExecutor || kind == PhaseKind::WaitConnection || kind == PhaseKind::LoopBlocked
        || kind == PhaseKind::WaitGil || kind == PhaseKind::WaitCore || kind == PhaseKind::WaitDatabase || kind == PhaseKind::WaitSync;
}

QString outcomeSymbol(Outcome outcome)
{
    switch (outcome) {
    case Outcome::Ok:
        return QStringLiteral("✓");
    case Outcome::Failed:
        return QStringLiteral("✗");
    case Outcome::Timeout:
        return QStringLiteral("◴");
    case Outcome::Cancelled:
        return QStringLiteral("⊘");
    case Outcome::Pending:
        return QString();
    }
    return {};
}

QString phaseName(PhaseKind kind)
{
    switch (kind) {
    case PhaseKind::WaitSemaphore:
        return QStringLiteral("semaphore");
    case PhaseKind::WaitRateLimit:
        return QStringLiteral("rate_limit");
    case PhaseKind::WaitQueue:
        return QStringLiteral("queue");
    case PhaseKind::WaitExecutor:
        return QStringLiteral("executor");
    case PhaseKind::WaitConnection:
        return QStringLiteral("connection_pool");
    case PhaseKind::Connecting:
        return QStringLiteral("connecting");
    case PhaseKind::Sending:
        return QStringLiteral("sending");
    case PhaseKind::WaitingFirstByte:
        return QStringLiteral("waiting_first_byte");
    case PhaseKind::Downloading:
        return QStringLiteral("downloading");
    case PhaseKind::Backoff:
        return QStringLiteral("backoff");
    case PhaseKind::LoopBlocked:
        return QStringLiteral("loop_blocked");
    case PhaseKind::WaitGil:
        return QStringLiteral("gil");
    case PhaseKind::WaitCore:
        return QStringLiteral("cpu_core");
    case PhaseKind::HoldsLoop:
        return QStringLiteral("holds_loop");
    case PhaseKind::WaitDatabase:
        return QStringLiteral("db_pool");
    case PhaseKind::WaitSync:
        return QStringLiteral("sync");
    }
    return {};
}

QString phaseDescription(PhaseKind kind)
{
    switch (kind) {
    case PhaseKind::WaitSemaphore:
        return QStringLiteral("waiting for a semaphore permit");
    case PhaseKind::WaitRateLimit:
        return QStringLiteral("waiting for the rate limit");
    case PhaseKind::WaitQueue:
        return QStringLiteral("waiting in the queue for a worker");
    case PhaseKind::WaitExecutor:
        return QStringLiteral("waiting for an executor worker");
    case PhaseKind::WaitConnection:
        return QStringLiteral("waiting for a connection");
    case PhaseKind::Connecting:
        return QStringLiteral("connecting");
    case PhaseKind::Sending:
        return QStringLiteral("sending the request");
    case PhaseKind::WaitingFirstByte:
        return QStringLiteral("waiting for the first byte");
    case PhaseKind::Downloading:
        return QStringLiteral("downloading");
    case PhaseKind::Backoff:
        return QStringLiteral("backing off before a retry");
    case PhaseKind::LoopBlocked:
        return QStringLiteral("ready, but the event loop was blocked");
    case PhaseKind::WaitGil:
        return QStringLiteral("waiting for the GIL");
    case PhaseKind::WaitCore:
        return QStringLiteral("waiting for a CPU core");
    case PhaseKind::HoldsLoop:
        return QStringLiteral("holding the event loop: nothing else runs");
    case PhaseKind::WaitDatabase:
        return QStringLiteral("waiting for a database connection");
    case PhaseKind::WaitSync:
        return QStringLiteral("waiting on a lock, an event or a condition");
    }
    return {};
}

QString markerName(MarkerKind kind)
{
    switch (kind) {
    case MarkerKind::CallerResumed:
        return QStringLiteral("caller_resumed");
    case MarkerKind::Consumed:
        return QStringLiteral("consumed");
    case MarkerKind::Deadline:
        return QStringLiteral("deadline");
    case MarkerKind::Stopped:
        return QStringLiteral("stopped");
    }
    return {};
}

} // namespace concviz
