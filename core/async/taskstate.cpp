#include "taskstate.h"

#include <QtGlobal>

namespace concviz {

TaskStateBase::TaskStateBase(Clock *clock)
    : m_clock(clock)
{
    Q_ASSERT_X(clock, "TaskStateBase", "a coroutine must be created while a clock is running");
}

TaskStateBase::~TaskStateBase() = default;

bool TaskStateBase::wasCancelled() const
{
    if (!m_error)
        return false;
    try {
        std::rethrow_exception(m_error);
    } catch (const CancelledError &) {
        return true;
    } catch (...) {
        return false;
    }
}

bool TaskStateBase::wasCancelled(CancelKind kind) const
{
    if (!m_error)
        return false;
    try {
        std::rethrow_exception(m_error);
    } catch (const CancelledError &e) {
        return e.kind == kind;
    } catch (...) {
        return false;
    }
}

void TaskStateBase::cancel(CancelKind kind, const QString &reason)
{
    if (m_done || m_cancelRequested)
        return;
    m_cancelRequested = true;
    const CancelledError request{kind, reason};
    if (m_suspension) {
        // Cancelling may end up finishing this task; keep it alive until we return.
        auto self = shared_from_this();
        std::shared_ptr<Wake> suspension = std::move(m_suspension);
        m_suspension.reset();
        suspension->cancel(request);
    } else {
        m_pendingCancel = std::make_unique<CancelledError>(request);
    }
}

void TaskStateBase::onDone(std::function<void()> fn)
{
    if (m_done)
        fn();
    else
        m_doneCallbacks.push_back(std::move(fn));
}

std::exception_ptr TaskStateBase::takePendingCancel()
{
    if (!m_pendingCancel)
        return nullptr;
    auto error = std::make_exception_ptr(*m_pendingCancel);
    m_pendingCancel.reset();
    return error;
}

void TaskStateBase::resumeSoon(std::coroutine_handle<> handle)
{
    // The handle alone is enough: a suspended frame lives until it is resumed, and it keeps its
    // state alive. Capturing only it keeps the posted function free of allocation.
    m_clock->post([handle] { handle.resume(); });
}

void TaskStateBase::finish(std::exception_ptr error)
{
    Q_ASSERT(!m_done);
    m_done = true;
    m_error = std::move(error);
    m_suspension.reset();
    m_pendingCancel.reset();
    // Callbacks may add callbacks to other tasks, never to this one (it is done): iterate in place.
    for (auto &fn : m_doneCallbacks)
        fn();
    m_doneCallbacks.clear();
}

Wake::Wake(std::shared_ptr<TaskStateBase> task, std::coroutine_handle<> handle)
    : m_task(std::move(task))
    , m_handle(handle)
{
}

void Wake::wake()
{
    if (!m_pending)
        return;
    m_pending = false;
    m_forward.reset();
    m_task->clearSuspension();
    m_task->resumeSoon(m_handle);
}

void Wake::cancel(const CancelledError &request)
{
    if (!m_pending)
        return;
    if (m_forward) {
        // Kept: the awaited task may no longer be able to take it. Cancelling a task marks it as
        // asked, so nothing would ask this waiter again.
        m_forwarded = std::make_exception_ptr(request);
        m_forward->cancel(request.kind, request.reason);
        return;
    }
    // Fail first, then clean up: a cleanup that makes its source report "done" at once (aborting a
    // network reply emits finished) must find this wake already spent, or the cancel would be lost.
    std::function<void()> cleanup = std::move(m_cleanup);
    fail(std::make_exception_ptr(request));
    if (cleanup)
        cleanup();
}

std::exception_ptr Wake::cancelNotTaken(const TaskStateBase &awaited) const
{
    if (!m_forwarded)
        return nullptr;
    try {
        std::rethrow_exception(m_forwarded);
    } catch (const CancelledError &request) {
        // A timeout of the awaited task does not answer a stop from outside: that stop still holds.
        return awaited.wasCancelled(request.kind) ? nullptr : m_forwarded;
    }
}

void Wake::fail(std::exception_ptr error)
{
    if (!m_pending)
        return;
    m_error = std::move(error);
    wake();
}

} // namespace concviz
