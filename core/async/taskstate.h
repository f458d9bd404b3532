#pragma once

#include "cancellation.h"
#include "clock.h"

#include <QVarLengthArray>

#include <coroutine>
#include <exception>
#include <functional>
#include <memory>
#include <optional>
#include <vector>

namespace concviz {

// What every coroutine shares with those who await or cancel it. Outlives the coroutine frame,
// which frees itself when the body ends.
class TaskStateBase : public std::enable_shared_from_this<TaskStateBase>
{
public:
    explicit TaskStateBase(Clock *clock);
    virtual ~TaskStateBase();
    TaskStateBase(const TaskStateBase &) = delete;
    TaskStateBase &operator=(const TaskStateBase &) = delete;

    Clock *clock() const { return m_clock; }
    bool isDone() const { return m_done; }
    // The exception the body ended with (CancelledError when cancelled), or null.
    std::exception_ptr error() const { return m_error; }
    bool wasCancelled() const;
    // True when it ended cancelled by a request of this kind.
    bool wasCancelled(CancelKind kind) const;

    // Asks the task to stop. A task suspended at an await wakes there with CancelledError (a task
    // awaiting another task passes the request on to it, as asyncio does, and still gets it there if
    // that task ends some other way); a task that is running gets it at its next await. Asked once:
    // does nothing once the task is done or already asked.
    void cancel(CancelKind kind, const QString &reason);
    bool isCancelRequested() const { return m_cancelRequested; }

    // Calls fn when the task ends (at once if it already has). Callbacks must not resume coroutines
    // directly; waking waiters is fine, since wakes are posted to the clock.
    void onDone(std::function<void()> fn);

    // --- for awaiters ---
    // The suspension that cancel() must end while the task waits; cleared when the task is woken.
    void setSuspension(std::shared_ptr<class Wake> suspension) { m_suspension = std::move(suspension); }
    void clearSuspension() { m_suspension.reset(); }
    // A cancel that arrived while the task was running, to be thrown at its next await.
    std::exception_ptr takePendingCancel();
    // Posts a resumption of the suspended coroutine to the clock.
    void resumeSoon(std::coroutine_handle<> handle);

    // --- for the promise ---
    void finish(std::exception_ptr error);

private:
    Clock *m_clock;
    bool m_done = false;
    bool m_cancelRequested = false;
    // A million tasks are alive at once under gather: what few of them need is kept out of line.
    std::unique_ptr<CancelledError> m_pendingCancel;
    std::exception_ptr m_error;
    std::shared_ptr<class Wake> m_suspension;
    // Most tasks have one or two watchers (the run, and its awaiter or a combinator): no allocation
    // for those.
    QVarLengthArray<std::function<void()>, 2> m_doneCallbacks;
};

template<typename T>
class TaskState final : public TaskStateBase
{
public:
    using TaskStateBase::TaskStateBase;
    std::optional<T> value;
};

template<>
class TaskState<void> final : public TaskStateBase
{
public:
    using TaskStateBase::TaskStateBase;
};

// One suspension of one task. The thing awaited calls wake() or fail(), cancellation calls cancel();
// the first call resumes the task through its clock and later ones are ignored, so sources can
// drop waiters lazily instead of searching for them.
class Wake
{
public:
    Wake(std::shared_ptr<TaskStateBase> task, std::coroutine_handle<> handle);
    bool isPending() const { return m_pending; }
    void wake();
    void fail(std::exception_ptr error);
    std::exception_ptr error() const { return m_error; }
    TaskStateBase &task() const { return *m_task; }

    // What cancellation must undo first (drop a timer). Keep captures small and trivially
    // copyable so the function needs no allocation.
    void setCleanup(std::function<void()> cleanup) { m_cleanup = std::move(cleanup); }
    // While awaiting another task, cancellation is passed on to it instead, and the waiter wakes
    // when that task ends.
    void forwardCancelTo(std::shared_ptr<TaskStateBase> awaited) { m_forward = std::move(awaited); }
    void cancel(const CancelledError &request);
    // The cancellation passed on to `awaited` if that task then ended some other way (it had already
    // been woken and finished, or it timed out): the waiter must raise it itself. Null otherwise.
    std::exception_ptr cancelNotTaken(const TaskStateBase &awaited) const;

private:
    std::shared_ptr<TaskStateBase> m_task;
    std::shared_ptr<TaskStateBase> m_forward;
    std::function<void()> m_cleanup;
    std::coroutine_handle<> m_handle;
    std::exception_ptr m_error;
    std::exception_ptr m_forwarded; // the cancellation passed on, kept until the waiter resumes
    bool m_pending = true;
};

} // namespace concviz
