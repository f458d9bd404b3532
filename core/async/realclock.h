#pragma once

#include "clock.h"
#include "readyqueue.h"
#include "timerheap.h"

#include <QElapsedTimer>
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
    // Sliced, the clock lets the application's own events in every 15 ms of work: a window that
    // draws the run goes on drawing while a hundred thousand tasks start or wake at once. What
    // the window does meanwhile takes real time, as anything else on the loop would; the command
    // line, with nothing to draw, runs unsliced.
    void setSliced(bool sliced) { m_sliced = sliced; }
    bool hostTurnDue() const override;
    void resumeAfterHostTurn(std::coroutine_handle<> handle) override;

private:
    void scheduleDrain();
    void drain();
    void fireDueTimers();
    void rearm();
    void startSlice();
    bool timersDue();
    bool sliceOver() const { return m_paused || hostTurnDue(); }

    std::chrono::steady_clock::time_point m_origin;
    ReadyQueue m_ready;
    TimerHeap m_timers;
    QTimer m_wakeup;
    Micros m_armedFor = -1;
    bool m_drainScheduled = false;
    bool m_sliced = false;
    QElapsedTimer m_slice;
    mutable bool m_sliceUsed = false;
    mutable unsigned m_sinceLook = 0;
    std::coroutine_handle<> m_paused; // to resume first in the next slice
};

} // namespace concviz
