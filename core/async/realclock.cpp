#include "realclock.h"

#include "threadwork.h"

namespace concviz {

namespace {
// How long one slice of a sliced clock may hold the Qt event loop before yielding to it.
constexpr qint64 sliceMs = 15;
} // namespace

RealClock::RealClock(QObject *parent)
    : QObject(parent)
    , m_origin(std::chrono::steady_clock::now())
{
    m_slice.start();
    // A child, so that moving the clock to another thread (the demo server's) moves its timer too.
    m_wakeup.setParent(this);
    m_wakeup.setSingleShot(true);
    // The default coarse timer may fire 5% early or late; shown times must not depend on it.
    m_wakeup.setTimerType(Qt::PreciseTimer);
    connect(&m_wakeup, &QTimer::timeout, this, [this] {
        m_armedFor = -1;
        startSlice();
        fireDueTimers();
        if (m_paused || timersDue())
            scheduleDrain(); // the slice ended with timers still due
        rearm();
    });
}

void RealClock::startSlice()
{
    m_slice.start();
    m_sliceUsed = false;
}

bool RealClock::hostTurnDue() const
{
    // The clock is read every 16th question only: a million tasks ask a million times.
    if (m_sliced && !m_sliceUsed && ++m_sinceLook % 16 == 0)
        m_sliceUsed = m_slice.elapsed() >= sliceMs;
    return m_sliceUsed;
}

void RealClock::resumeAfterHostTurn(std::coroutine_handle<> handle)
{
    // Work outside a slice (a reply from the network) may pause a second coroutine before the
    // first is resumed: it goes on after it, in the ready queue.
    if (m_paused) {
        post([handle] { handle.resume(); });
        return;
    }
    m_paused = handle;
    scheduleDrain();
}

bool RealClock::timersDue()
{
    return !m_timers.isEmpty() && m_timers.earliest() <= now();
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
    startSlice();
    runAsCurrent([this] {
        // Where the last slice stopped: the paused coroutine first, then the timers due, then
        // the ready batch, for as long as the slice lasts.
        if (const std::coroutine_handle<> paused = std::exchange(m_paused, {}))
            paused.resume();
        if (!sliceOver())
            fireDueTimers();
        if (!sliceOver())
            m_ready.runQueuedUntil([this] { return sliceOver(); });
    });
    if (m_paused || !m_ready.isEmpty() || timersDue())
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
        while (!sliceOver()) {
            std::function<void()> fn = m_timers.takeDue(t);
            if (!fn)
                return;
            fn();
        }
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
