#pragma once

#include "awaiterbase.h"
#include "taskstate.h"

#include <QFuture>
#include <QPromise>

#include <coroutine>
#include <memory>
#include <utility>

namespace concviz {

template<typename T>
class Task;

namespace detail {

template<typename T>
class PromiseBase
{
public:
    PromiseBase()
        : m_state(std::make_shared<TaskState<T>>(Clock::current()))
    {
    }
    Task<T> get_return_object() { return Task<T>(m_state); }
    // Eager, like a task that asyncio has just scheduled: the body runs until its first await.
    std::suspend_never initial_suspend() noexcept { return {}; }
    // The frame frees itself; the result lives on in the shared state.
    std::suspend_never final_suspend() noexcept { return {}; }
    void unhandled_exception() { m_state->finish(std::current_exception()); }
    std::shared_ptr<TaskState<T>> state() const { return m_state; }

protected:
    std::shared_ptr<TaskState<T>> m_state;
};

template<typename T>
class Promise : public PromiseBase<T>
{
public:
    template<typename U>
    void return_value(U &&value)
    {
        this->m_state->value.emplace(std::forward<U>(value));
        this->m_state->finish(nullptr);
    }
};

template<>
class Promise<void> : public PromiseBase<void>
{
public:
    void return_void() { m_state->finish(nullptr); }
};

} // namespace detail

// A running coroutine and its result (asyncio's Task). Coroutines start at once, on the clock that
// is current when they are called, and end on their own: dropping a Task does not stop it; cancel()
// does. co_await gives the result or rethrows the body's exception; cancelling the awaiting task
// cancels the awaited one too, as in asyncio.
template<typename T = void>
class Task
{
public:
    using promise_type = detail::Promise<T>;

    Task() = default;
    explicit Task(std::shared_ptr<TaskState<T>> state)
        : m_state(std::move(state))
    {
    }

    bool isValid() const { return m_state != nullptr; }
    bool isDone() const { return m_state->isDone(); }
    void cancel(CancelKind kind = CancelKind::Cancelled, const QString &reason = {}) const
    {
        m_state->cancel(kind, reason);
    }
    const std::shared_ptr<TaskState<T>> &state() const { return m_state; }

    // The same result as a QFuture, for Qt code: finished with the value, with the exception, or
    // cancelled when the task was.
    QFuture<T> toFuture() const
    {
        auto promise = std::make_shared<QPromise<T>>();
        promise->start();
        QFuture<T> future = promise->future();
        m_state->onDone([promise, state = m_state] {
            if (state->wasCancelled()) {
                promise->future().cancel();
            } else if (state->error()) {
                promise->setException(state->error());
            } else {
                if constexpr (!std::is_void_v<T>)
                    promise->addResult(*state->value);
            }
            promise->finish();
        });
        return future;
    }

    class Awaiter : public AwaiterBase
    {
    public:
        explicit Awaiter(std::shared_ptr<TaskState<T>> child)
            : m_child(std::move(child))
        {
        }
        bool await_ready() const { return m_child->isDone(); }
        template<typename Promise>
        bool await_suspend(std::coroutine_handle<Promise> handle)
        {
            auto wake = beginWait(handle);
            const std::exception_ptr early = std::exchange(m_early, nullptr);
            if (!wake) {
                wake = m_wake = std::make_shared<Wake>(handle.promise().state(), handle);
                wake->task().setSuspension(wake);
            }
            wake->forwardCancelTo(m_child);
            if (early) {
                // Cancelled before awaiting: pass it on and wait for the child to end.
                try {
                    std::rethrow_exception(early);
                } catch (const CancelledError &c) {
                    wake->cancel(c);
                }
            }
            m_child->onDone([wake] { wake->wake(); });
            return true;
        }
        T await_resume()
        {
            // Cancelled while waiting, but the child ended some other way (it was already finishing
            // when the request reached it): the cancellation is raised here instead of its result, as
            // asyncio does when the awaited task can no longer be cancelled.
            if (m_wake)
                if (const std::exception_ptr request = m_wake->cancelNotTaken(*m_child))
                    std::rethrow_exception(request);
            if (m_child->error())
                std::rethrow_exception(m_child->error());
            if constexpr (!std::is_void_v<T>)
                return *m_child->value;
        }

    private:
        std::shared_ptr<TaskState<T>> m_child;
    };

    Awaiter operator co_await() const { return Awaiter(m_state); }

private:
    std::shared_ptr<TaskState<T>> m_state;
};

} // namespace concviz
