#pragma once

#include "clock.h"
#include "readyqueue.h"
#include "timerheap.h"

#include <QObject>

namespace concviz {

// Discrete-event time: nothing sleeps. When nothing is ready to run, time jumps to the next
// timer. Runs on the Qt event loop in slices so a huge scenario never freezes the window.
class VirtualClock final : public QObject, public Clock
{
    Q_OBJECT
public:
    explicit VirtualClock(QObject *parent = nullptr);

    Micros now() const override { return m_now; }
    void post(std::function<void()> fn) override;
    TimerId callAt(Micros when, std::function<void()> fn) override;
    void cancelTimer(TimerId id) override;
    void block(Micros duration) override { m_now += duration; }
    void spin(Micros duration) override { m_now += duration; }
    bool isVirtual() const override { return true; }

private:
    void scheduleDrain();
    void drain();

    Micros m_now = 0;
    ReadyQueue m_ready;
    TimerHeap m_timers;
    bool m_drainScheduled = false;
};

} // namespace concviz
