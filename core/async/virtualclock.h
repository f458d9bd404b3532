#pragma once

#include "clock.h"
#include "readyqueue.h"
#include "timerheap.h"

#include <QElapsedTimer>
#include <QObject>

namespace concviz {

// Discrete-event time: nothing sleeps. When nothing is ready to run, time jumps to the next
// timer. Runs on the Qt event loop in slices so a huge scenario never freezes the window: a slice
// may end between any two callbacks, even between two timers due at one instant, and the next one
// goes on from there, so where a slice ends never changes a time or an order.
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
    bool hostTurnDue() const override;
    void resumeAfterHostTurn(std::coroutine_handle<> handle) override;

private:
    void scheduleDrain();
    void drain();
    // The slice is used up, or a coroutine waits for the application's turn: drain() must return.
    bool sliceOver() const { return m_paused || hostTurnDue(); }

    Micros m_now = 0;
    ReadyQueue m_ready;
    TimerHeap m_timers;
    bool m_drainScheduled = false;
    // Started with each slice: how long this one has held the Qt event loop.
    QElapsedTimer m_slice;
    // Reading the time costs more than most callbacks: it is read every few calls, and once the
    // slice is used up it stays so until the next one.
    mutable unsigned m_sinceLook = 0;
    mutable bool m_sliceUsed = false;
    // A coroutine that gave the application a turn; it goes on first in the next slice.
    std::coroutine_handle<> m_paused;
    // The timers due at now() are being fired; a slice may end between two of them.
    bool m_firing = false;
};

} // namespace concviz
