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

void TaskStateBase::cancel(CancelKind kind, const QString &reason)
{
    if (m_done || m_cancelRequested)
        return;
    m_cancelRequested = true;
    const CancelledError request{kind, reason};
    if (m_canceller) {
        // The canceller may end up finishing this task; keep it alive until we return.
        auto self = shared_from_this();
        auto canceller = std::move(m_canceller);
        m_canceller = nullptr;
        canceller(request);
    } else {
        m_pendingCancel = request;
    }
}

void TaskStateBase::onDone(std::function<void()> fn)
{
    if (m_done)
        fn();
    else
        m_doneCallbacks.push_back(std::move(fn));
}

void TaskStateBase::setCanceller(std::function<void(const CancelledError &)> canceller)
{
    m_canceller = std::move(canceller);
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
    m_clock->post([self = shared_from_this(), handle] {
        Q_UNUSED(self);
        handle.resume();
    });
}

void TaskStateBase::finish(std::exception_ptr error)
{
    Q_ASSERT(!m_done);
    m_done = true;
    m_error = std::move(error);
    m_canceller = nullptr;
    m_pendingCancel.reset();
    auto callbacks = std::move(m_doneCallbacks);
    m_doneCallbacks.clear();
    for (auto &fn : callbacks)
        fn();
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
    m_task->clearCanceller();
    m_task->resumeSoon(m_handle);
}

void Wake::fail(std::exception_ptr error)
{
    if (!m_pending)
        return;
    m_error = std::move(error);
    wake();
}

} // namespace concviz
