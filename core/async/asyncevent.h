#pragma once

#include "awaiterbase.h"
#include "waitqueue.h"

namespace concviz {

// asyncio.Event: wait() suspends until set() has been called.
class AsyncEvent
{
public:
    bool isSet() const { return m_set; }
    // Back to unset; tasks already waiting keep waiting.
    void clear() { m_set = false; }
    void set()
    {
        m_set = true;
        while (auto waiter = m_waiters.takeFirst())
            waiter->wake();
    }

    class Awaiter : public AwaiterBase
    {
    public:
        explicit Awaiter(AsyncEvent &event)
            : m_event(event)
        {
        }
        bool await_ready() const { return m_event.m_set; }
        template<typename Promise>
        bool await_suspend(std::coroutine_handle<Promise> handle)
        {
            auto wake = beginWait(handle);
            if (!wake)
                return false;
            m_event.m_waiters.push(wake);
            return true;
        }
        void await_resume() const { rethrowIfFailed(); }

    private:
        AsyncEvent &m_event;
    };
    Awaiter wait() { return Awaiter(*this); }

private:
    bool m_set = false;
    WaitQueue<> m_waiters;
};

} // namespace concviz
