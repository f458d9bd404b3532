#pragma once

#include "clock.h"
#include "readyqueue.h"
#include "timerheap.h"

#include <QObject>
#include <QTimer>

#include <chrono>

namespace concviz {

// Wall-clock time on the Qt event loop. Times come from a steady clock; one precise QTimer is
// re-armed to the earliest deadline of the heap, and only wakes the loop: a timer fires when the
// steady clock says it is due, never because an interval elapsed.
class RealClock final : public QObject, public Clock
{
    Q_OBJECT
public:
    explicit RealClock(QObject *parent = nullptr);

    Micros now() const override;
    void post(std::function<void()> fn) override;
    TimerId callAt(Micros when, std::function<void()> fn) override;
    void cancelTimer(TimerId id) override;
    void block(Micros duration) override;
    void spin(Micros duration) override;
    bool isVirtual() const override { return false; }

private:
    void scheduleDrain();
    void drain();
    void fireDueTimers();
    void rearm();

    std::chrono::steady_clock::time_point m_origin;
    ReadyQueue m_ready;
    TimerHeap m_timers;
    QTimer m_wakeup;
    Micros m_armedFor = -1;
    bool m_drainScheduled = false;
};

} // namespace concviz
