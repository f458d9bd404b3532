#pragma once

#include "clock.h"

#include <coroutine>

namespace concviz {

// co_await hostTurn(clock): lets the application's own events in when the clock's slice is used up,
// then goes on where it was. A loop that starts a million tasks at one instant calls it once per
// task, so the window can paint, show progress and take a Stop while they are made. It is not an
// await in the asyncio sense: no other task runs meanwhile and no time passes.
class HostTurnAwaiter
{
public:
    explicit HostTurnAwaiter(Clock &clock)
        : m_clock(clock)
    {
    }
    bool await_ready() const { return !m_clock.hostTurnDue(); }
    void await_suspend(std::coroutine_handle<> handle) { m_clock.resumeAfterHostTurn(handle); }
    void await_resume() const {}

private:
    Clock &m_clock;
};

inline HostTurnAwaiter hostTurn(Clock &clock)
{
    return HostTurnAwaiter(clock);
}

} // namespace concviz
