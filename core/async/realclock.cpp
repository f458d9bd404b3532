#include "realclock.h"

#include "threadwork.h"

namespace concviz {

RealClock::RealClock(QObject *parent)
    : QObject(parent)
    , m_origin(std::chrono::steady_clock::now())
{
    // A child, so that moving the clock to another thread (the demo server's) moves its timer too.
    m_wakeup.setParent(this);
    m_wakeup.setSingleShot(true);
    // The default coarse timer may fire 5% early or late; shown times must not depend on it.
    m_wakeup.setTimerType(Qt::PreciseTimer);
    connect(&m_wakeup, &QTimer::timeout, this, [this] {
        m_armedFor = -1;
        fireDueTimers();
        rearm();
    });
}

Micros RealClock::now() const
{
    return std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() - m_origin)
        .count();
}

void RealClock::post(std::function<void()> fn)
{
    m_ready.push(std::move(fn));
    scheduleDrain();
}

void RealClock::scheduleDrain()
{
    if (m_drainScheduled)
        return;
    m_drainScheduled = true;
    QMetaObject::invokeMethod(this, &RealClock::drain, Qt::QueuedConnection);
}

void RealClock::drain()
{
    m_drainScheduled = false;
    runAsCurrent([this] {
        fireDueTimers();
        m_ready.runQueued();
    });
    if (!m_ready.isEmpty())
        scheduleDrain();
    rearm();
}

TimerId RealClock::callAt(Micros when, std::function<void()> fn)
{
    const TimerId id = m_timers.add(when, std::move(fn));
    if (m_armedFor < 0 || when < m_armedFor)
        rearm();
    return id;
}

void RealClock::cancelTimer(TimerId id)
{
    m_timers.cancel(id);
}

void RealClock::fireDueTimers()
{
    const Micros t = now();
    runAsCurrent([this, t] {
        while (std::function<void()> fn = m_timers.takeDue(t))
            fn();
    });
}

void RealClock::rearm()
{
    if (m_timers.isEmpty()) {
        m_wakeup.stop();
        m_armedFor = -1;
        return;
    }
    const Micros when = m_timers.earliest();
    if (when == m_armedFor && m_wakeup.isActive())
        return;
    m_armedFor = when;
    const Micros remaining = when - now();
    // Whole milliseconds, rounded up: waking a little late costs a fraction of a millisecond,
    // waking early costs another round trip through the loop.
    const int ms = remaining <= 0 ? 0 : static_cast<int>((remaining + 999) / 1000);
    m_wakeup.start(ms);
}

void RealClock::block(Micros duration)
{
    blockThread(duration);
}

void RealClock::spin(Micros duration)
{
    burnCpu(duration);
}

} // namespace concviz
