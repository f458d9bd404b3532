#pragma once

#include "../async/awaiterbase.h"
#include "../async/clock.h"
#include "../async/waitqueue.h"

#include <deque>

namespace concviz {

// At most `calls` admissions in any window of `period`, first come first served: a caller waits
// until the oldest admission in the window is `period` old. One timer serves every waiter.
class RateLimiter
{
public:
    RateLimiter(Clock &clock, int calls, Micros period);
    ~RateLimiter();
    RateLimiter(const RateLimiter &) = delete;
    RateLimiter &operator=(const RateLimiter &) = delete;

    class Awaiter : public AwaiterBase
    {
    public:
        explicit Awaiter(RateLimiter &limiter)
            : m_limiter(limiter)
        {
        }
        bool await_ready() { return m_limiter.tryAdmitNow(); }
        template<typename Promise>
        bool await_suspend(std::coroutine_handle<Promise> handle)
        {
            auto wake = beginWait(handle);
            if (!wake)
                return false;
            m_limiter.m_waiters.push(wake);
            m_limiter.armTimer();
            return true;
        }
        void await_resume() const { rethrowIfFailed(); }

    private:
        RateLimiter &m_limiter;
    };
    // co_await admit() returns when the caller may start.
    Awaiter admit() { return Awaiter(*this); }

private:
    bool tryAdmitNow();
    void forgetExpired();
    void admitWaiters();
    void armTimer();

    Clock &m_clock;
    int m_calls;
    Micros m_period;
    std::deque<Micros> m_admissions; // within the current window, oldest first
    WaitQueue<> m_waiters;
    TimerId m_timer = 0;
};

} // namespace concviz
