#pragma once

#include <QString>
#include <QtGlobal>

#include <coroutine>
#include <functional>

namespace concviz {

// Microseconds since the clock started. Virtual runs produce whole milliseconds, so times stay exact.
using Micros = qint64;
using TimerId = quint64;

// Which clock a run is timed by: the real one, or the exact discrete-event one.
enum class ClockKind { Real, Virtual };
// "real" or "virtual", as files and messages write it.
inline QString clockKindName(ClockKind kind)
{
    return kind == ClockKind::Real ? QStringLiteral("real") : QStringLiteral("virtual");
}

constexpr Micros fromMs(double ms) { return static_cast<Micros>(ms * 1000.0 + (ms >= 0 ? 0.5 : -0.5)); }
constexpr double toMs(Micros us) { return static_cast<double>(us) / 1000.0; }

// The event loop a run lives on: what time it is, what to run next, and when timers fire.
// Everything in the engine is written once against this interface and runs on both clocks.
// Not thread-safe: every call comes from the thread that owns the clock.
class Clock
{
public:
    virtual ~Clock();

    // Current time in microseconds since the clock was created.
    virtual Micros now() const = 0;
    // Runs fn on the loop soon, after what is already queued (asyncio's call_soon).
    virtual void post(std::function<void()> fn) = 0;
    // Runs fn on the loop once now() >= when (asyncio's call_at). Timers due at the same time fire in the order they were set.
    virtual TimerId callAt(Micros when, std::function<void()> fn) = 0;
    // Forgets a timer that has not fired yet; unknown or fired ids are ignored.
    virtual void cancelTimer(TimerId id) = 0;
    // Holds the loop for `duration`: nothing else runs meanwhile, like time.sleep() inside a coroutine.
    virtual void block(Micros duration) = 0;
    // Burns CPU for about `duration` on the loop's thread (virtual: the same as block()).
    virtual void spin(Micros duration) = 0;
    virtual bool isVirtual() const = 0;
    // True when a long stretch of work at one instant should let the application's events in
    // (see hostTurn()). A clock driven by real time has no such stretches of its own.
    virtual bool hostTurnDue() const { return false; }
    // Resumes `handle` once the application has had its turn, before anything else of the clock's.
    virtual void resumeAfterHostTurn(std::coroutine_handle<> handle) { handle.resume(); }

    // The clock whose posted callback is running on this thread, or nullptr. Coroutines created
    // while it runs belong to it (asyncio's get_running_loop()).
    static Clock *current();

protected:
    // Runs fn with this clock as current().
    void runAsCurrent(const std::function<void()> &fn);
    friend class CurrentClockScope;
};

// Makes `clock` current for the lifetime of the scope, restoring the previous one after.
class CurrentClockScope
{
public:
    explicit CurrentClockScope(Clock *clock);
    ~CurrentClockScope();
    CurrentClockScope(const CurrentClockScope &) = delete;
    CurrentClockScope &operator=(const CurrentClockScope &) = delete;

private:
    Clock *m_previous;
};

} // namespace concviz
