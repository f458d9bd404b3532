#include "virtualclock.h"

#include <QElapsedTimer>

#include <algorithm>

namespace concviz {

namespace {
// How long one slice may hold the Qt event loop before yielding to it.
constexpr qint64 sliceMs = 15;
}

VirtualClock::VirtualClock(QObject *parent)
    : QObject(parent)
{
    m_slice.start();
}

void VirtualClock::post(std::function<void()> fn)
{
    m_ready.push(std::move(fn));
    scheduleDrain();
}

TimerId VirtualClock::callAt(Micros when, std::function<void()> fn)
{
    const TimerId id = m_timers.add(when, std::move(fn));
    scheduleDrain();
    return id;
}

void VirtualClock::cancelTimer(TimerId id)
{
    m_timers.cancel(id);
}

bool VirtualClock::hostTurnDue() const
{
    if (!m_sliceUsed && ++m_sinceLook % 16 == 0)
        m_sliceUsed = m_slice.elapsed() >= sliceMs;
    return m_sliceUsed;
}

void VirtualClock::resumeAfterHostTurn(std::coroutine_handle<> handle)
{
    m_paused = handle;
    scheduleDrain();
}

void VirtualClock::scheduleDrain()
{
    if (m_drainScheduled)
        return;
    m_drainScheduled = true;
    QMetaObject::invokeMethod(this, &VirtualClock::drain, Qt::QueuedConnection);
}

void VirtualClock::drain()
{
    m_drainScheduled = false;
    m_slice.restart();
    m_sliceUsed = false;
    runAsCurrent([&] {
        // Exactly where the last slice stopped: the paused coroutine, then the rest of the timers
        // due at this instant, then the rest of the ready batch.
        if (const std::coroutine_handle<> paused = std::exchange(m_paused, {}))
            paused.resume();
        while (!sliceOver()) {
            if (m_firing) {
                if (std::function<void()> fn = m_timers.takeDue(m_now))
                    fn();
                else
                    m_firing = false;
                continue;
            }
            if (!m_ready.isEmpty()) {
                m_ready.runQueuedUntil([this] { return sliceOver(); });
                continue;
            }
            if (m_timers.isEmpty())
                return;
            // A blocked loop may already be past the deadline: then the timer fires late, at now.
            m_now = std::max(m_now, m_timers.earliest());
            m_firing = true;
        }
    });
    if (m_paused || m_firing || !m_ready.isEmpty() || !m_timers.isEmpty())
        scheduleDrain();
}

} // namespace concviz
