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
    QElapsedTimer slice;
    slice.start();
    runAsCurrent([&] {
        while (slice.elapsed() < sliceMs) {
            if (!m_ready.isEmpty()) {
                m_ready.runQueued();
                continue;
            }
            if (m_timers.isEmpty())
                return;
            // A blocked loop may already be past the deadline: then the timer fires late, at now.
            m_now = std::max(m_now, m_timers.earliest());
            while (std::function<void()> fn = m_timers.takeDue(m_now))
                fn();
        }
    });
    if (!m_ready.isEmpty() || !m_timers.isEmpty())
        scheduleDrain();
}

} // namespace concviz
