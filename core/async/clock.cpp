#include "clock.h"

namespace concviz {

namespace {
thread_local Clock *t_current = nullptr;
}

Clock::~Clock() = default;

Clock *Clock::current()
{
    return t_current;
}

void Clock::runAsCurrent(const std::function<void()> &fn)
{
    CurrentClockScope scope(this);
    fn();
}

CurrentClockScope::CurrentClockScope(Clock *clock)
    : m_previous(t_current)
{
    t_current = clock;
}

CurrentClockScope::~CurrentClockScope()
{
    t_current = m_previous;
}

} // namespace concviz
