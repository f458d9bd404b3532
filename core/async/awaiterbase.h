#pragma once

#include "taskstate.h"

#include <coroutine>
#include <exception>
#include <memory>

namespace concviz {

// What every cancellable awaiter of this library does around its own waiting: a cancel that
// arrived while the task was running is thrown here instead of suspending, and whatever woke the
// task with an error (cancellation) is rethrown from await_resume.
class AwaiterBase
{
protected:
    // Returns the Wake for this suspension, or nullptr when a pending cancel must be thrown instead.
    template<typename Promise>
    std::shared_ptr<Wake> beginWait(std::coroutine_handle<Promise> handle)
    {
        std::shared_ptr<TaskStateBase> task = handle.promise().state();
        m_early = task->takePendingCancel();
        if (m_early)
            return nullptr;
        m_wake = std::make_shared<Wake>(task, handle);
        task->setSuspension(m_wake);
        return m_wake;
    }

    void rethrowIfFailed() const
    {
        if (m_early)
            std::rethrow_exception(m_early);
        if (m_wake && m_wake->error())
            std::rethrow_exception(m_wake->error());
    }

    std::shared_ptr<Wake> m_wake;
    std::exception_ptr m_early;
};

} // namespace concviz
