#pragma once

#include "awaiterbase.h"

namespace concviz {

// co_await sleepUntil(t) / sleepFor(d): a non-blocking wait on the task's clock (asyncio.sleep).
// Always yields to the loop, even when the time has already come, as asyncio.sleep(0) does.
class SleepAwaiter : public AwaiterBase
{
public:
    SleepAwaiter(Micros amount, bool absolute)
        : m_amount(amount)
        , m_absolute(absolute)
    {
    }
    bool await_ready() const { return false; }
    template<typename Promise>
    bool await_suspend(std::coroutine_handle<Promise> handle)
    {
        auto wake = beginWait(handle);
        if (!wake)
            return false;
        Clock *clock = wake->task().clock();
        const Micros until = m_absolute ? m_amount : clock->now() + m_amount;
        // A raw pointer is enough and keeps the timer's function free of allocation: the task holds
        // its wake while it sleeps, and a cancel drops the timer before it lets go.
        const TimerId id = clock->callAt(until, [w = wake.get()] { w->wake(); });
        wake->setCleanup([clock, id] { clock->cancelTimer(id); });
        return true;
    }
    void await_resume() const { rethrowIfFailed(); }

private:
    Micros m_amount;
    bool m_absolute;
};

inline SleepAwaiter sleepFor(Micros duration)
{
    return SleepAwaiter(duration, false);
}

inline SleepAwaiter sleepUntil(Micros when)
{
    return SleepAwaiter(when, true);
}

} // namespace concviz
