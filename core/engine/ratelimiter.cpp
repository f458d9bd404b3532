#include "ratelimiter.h"

namespace concviz {

RateLimiter::RateLimiter(Clock &clock, int calls, Micros period)
    : m_clock(clock)
    , m_calls(calls)
    , m_period(period)
{
}

RateLimiter::~RateLimiter()
{
    if (m_timer)
        m_clock.cancelTimer(m_timer);
}

void RateLimiter::forgetExpired()
{
    // The window is (now - period, now]: an admission exactly one period old no longer counts.
    const Micros now = m_clock.now();
    while (!m_admissions.empty() && m_admissions.front() + m_period <= now)
        m_admissions.pop_front();
}

bool RateLimiter::tryAdmitNow()
{
    forgetExpired();
    if (m_waiters.hasWaiters() || static_cast<int>(m_admissions.size()) >= m_calls)
        return false;
    m_admissions.push_back(m_clock.now());
    return true;
}

void RateLimiter::admitWaiters()
{
    m_timer = 0;
    forgetExpired();
    while (static_cast<int>(m_admissions.size()) < m_calls) {
        auto waiter = m_waiters.takeFirst();
        if (!waiter)
            break;
        m_admissions.push_back(m_clock.now());
        waiter->wake();
    }
    armTimer();
}

void RateLimiter::armTimer()
{
    if (m_timer || !m_waiters.hasWaiters())
        return;
    forgetExpired();
    const Micros when = static_cast<int>(m_admissions.size()) < m_calls ? m_clock.now() : m_admissions.front() + m_period;
    m_timer = m_clock.callAt(when, [this] { admitWaiters(); });
}

} // namespace concviz
