#include "engine.h"

#include "../async/asyncevent.h"
#include "../async/backgroundpool.h"
#include "../async/futureawaiter.h"
#include "../async/sleep.h"
#include "../async/threadpooljob.h"
#include "../async/threadwork.h"
#include "../demo/demoserverhost.h"
#include "../demo/simulateddemotransport.h"
#include "../http/httpclient.h"
#include "../http/networktransport.h"
#include "../scenario/databasetarget.h"
#include "../scenario/limits.h"
#include "../scenario/strategyregistry.h"
#include "../scenario/taskkindregistry.h"
#include "cpuscheduler.h"
#include "dbpool.h"
#include "gil.h"
#include "phasescope.h"
#include "ratelimiter.h"
#include "taskerror.h"

#include <chrono>
#include <cmath>
#include <mutex>

namespace concviz {

Engine::Engine(const Scenario &scenario, QList<TaskInstance> instances, const StrategySpec &strategy, Clock &clock,
               QThreadPool *pool, Sink sink)
    : m_scenario(scenario)
    , m_strategy(strategy)
    , m_instances(std::move(instances))
    , m_clock(clock)
    , m_pool(pool)
    , m_sink(std::move(sink))
    , m_ended(static_cast<std::size_t>(m_instances.size()), false)
    , m_executorSlots(scenario.executorWorkers)
{
    // Looked up once per task entry, not once per task: a million tasks share a handful of entries.
    for (const TaskSpec &spec : m_scenario.tasks) {
        m_kinds.push_back(spec.definition());
        m_waits.push_back(fromMs(spec.millis(QStringLiteral("duration_ms"))));
        m_plain.push_back(m_kinds.back() && m_kinds.back()->afterWait && !m_scenario.timeoutFor(spec) && m_scenario.retries.max == 0);
    }
    if (m_clock.isVirtual()) {
        m_cpu = std::make_unique<CpuScheduler>(m_scenario.cpuCapacity(),
                                               [this](int task, Micros from, Micros to) { recordCpuWait(task, from, to); });
    } else if (m_scenario.executor == ExecutorKind::Thread && m_scenario.gil) {
        m_gil = std::make_shared<Gil>();
    }
}

Engine::~Engine()
{
    if (m_deadlineTimer)
        m_clock.cancelTimer(m_deadlineTimer);
    if (m_cpuTimer)
        m_clock.cancelTimer(m_cpuTimer);
}

void Engine::start(std::function<void()> finished)
{
    m_finishedCallback = std::move(finished);
    m_origin = m_clock.now();
    // The scenario's deadline, or else the longest a run may take: past it, times would no longer
    // be ones the format can state, so the run ends there with what is left cancelled.
    const bool ownDeadline = m_scenario.deadlineMs.has_value();
    const double ms = m_scenario.deadlineMs.value_or(Limits::maxMs);
    m_deadlineTimer = m_clock.callAt(m_origin + fromMs(ms), [this, ms, ownDeadline] {
        m_deadlineTimer = 0;
        stop(MarkerKind::Deadline, ownDeadline ? QStringLiteral("deadline of %1 ms reached").arg(ms)
                                               : QStringLiteral("the run reached 24 hours, the longest a run may take"));
    });
    const StrategyDefinition *definition = m_strategy.definition();
    if (!definition) {
        // Specs come from the parser, which knows only registered names; this is a programming error.
        m_internalError = QStringLiteral("no strategy is registered as \"%1\"").arg(m_strategy.name);
        m_main = [](Engine &) -> Task<void> { co_return; }(*this);
    } else {
        m_main = definition->run(*this, m_strategy);
    }
    m_main.state()->onDone([this] {
        if (const std::exception_ptr error = m_main.state()->error()) {
            try {
                std::rethrow_exception(error);
            } catch (const CancelledError &) {
                // Stopped or past the deadline: an expected way for the caller to end.
            } catch (const TaskError &e) {
                m_internalError = QStringLiteral("the strategy let a task's failure escape: %1").arg(e.message);
            } catch (const std::exception &e) {
                m_internalError = QString::fromLocal8Bit(e.what());
            } catch (...) {
                m_internalError = QStringLiteral("the strategy ended with an unknown exception");
            }
        }
        checkFinished();
    });
}

void Engine::stop(MarkerKind kind, const QString &reason)
{
    if (m_stopping || m_finished)
        return;
    m_stopping = true;
    m_stopReason = reason;
    mark(kind, reason);
    if (m_main.isValid())
        m_main.cancel(CancelKind::Cancelled, reason);
    // Index-based: cancelling may track nothing new, but keep it safe against growth.
    for (std::size_t i = 0; i < m_tracked.size(); ++i)
        m_tracked[i]->cancel(CancelKind::Cancelled, reason);
}

TraceEvent Engine::event(TraceEvent::Type type, int task) const
{
    TraceEvent e;
    e.type = type;
    e.time = now();
    e.task = task;
    return e;
}

void Engine::created(int task)
{
    emitEvent(event(TraceEvent::Type::TaskCreated, task));
}

void Engine::beginPhase(int task, PhaseKind phase)
{
    TraceEvent e = event(TraceEvent::Type::PhaseBegan, task);
    e.phase = phase;
    emitEvent(e);
}

void Engine::endPhase(int task, PhaseKind phase)
{
    TraceEvent e = event(TraceEvent::Type::PhaseEnded, task);
    e.phase = phase;
    emitEvent(e);
}

void Engine::mark(MarkerKind kind, const QString &label, int task, int rank)
{
    TraceEvent e = event(TraceEvent::Type::Marker, task);
    e.marker = kind;
    e.text = label;
    e.rank = rank;
    emitEvent(e);
}

void Engine::recordLateness(int task, Micros due)
{
    // A real loop is always a little late; only a delay a person could see is worth a phase.
    const Micros threshold = m_clock.isVirtual() ? 0 : 5000;
    if (now() - due <= threshold)
        return;
    recordPhase(task, PhaseKind::LoopBlocked, due, now());
}

void Engine::recordPhase(int task, PhaseKind phase, Micros from, Micros to)
{
    TraceEvent began = event(TraceEvent::Type::PhaseBegan, task);
    began.time = from;
    began.phase = phase;
    emitEvent(began);
    TraceEvent ended = event(TraceEvent::Type::PhaseEnded, task);
    ended.time = to;
    ended.phase = phase;
    emitEvent(ended);
}

void Engine::recordHttpResult(int task, int status, qint64 bytes, const QString &route)
{
    TraceEvent e = event(TraceEvent::Type::HttpResult, task);
    e.httpStatus = status;
    e.bytes = bytes;
    e.text = route;
    emitEvent(e);
}

void Engine::recordDbResult(int task, qint64 rows, const QString &firstRow)
{
    TraceEvent e = event(TraceEvent::Type::DbResult, task);
    e.rows = rows;
    e.text = firstRow;
    emitEvent(e);
}

void Engine::callerSpan(TraceEvent::Type type, const QString &label, bool holdsLoop)
{
    TraceEvent e = event(type, -1);
    e.text = label;
    e.holdsLoop = holdsLoop;
    emitEvent(e);
}

Task<void> Engine::callerStep(int step)
{
    const CallerStep &s = m_scenario.caller.at(step);
    const Micros duration = fromMs(s.durationMs);
    callerSpan(TraceEvent::Type::CallerStepBegan, s.name, s.holdsLoop());
    switch (s.kind) {
    case CallerStepKind::Sleep:
        try {
            co_await sleepFor(duration);
        } catch (...) {
            // Cancelled (a deadline, Stop): the step ends here, and so does the caller.
            callerSpan(TraceEvent::Type::CallerStepEnded, s.name, false);
            throw;
        }
        break;
    case CallerStepKind::Blocking:
        m_clock.block(duration);
        break;
    case CallerStepKind::Cpu:
        computeOnLoop(-1, duration);
        break;
    }
    callerSpan(TraceEvent::Type::CallerStepEnded, s.name, s.holdsLoop());
}

Task<void> Engine::callerPause(Micros duration, const QString &label)
{
    callerSpan(TraceEvent::Type::CallerStepBegan, label, false);
    try {
        co_await sleepFor(duration);
    } catch (...) {
        callerSpan(TraceEvent::Type::CallerStepEnded, label, false);
        throw;
    }
    callerSpan(TraceEvent::Type::CallerStepEnded, label, false);
}

Task<void> Engine::track(Task<void> task)
{
    ++m_live;
    m_tracked.push_back(task.state());
    if (m_stopping)
        task.cancel(CancelKind::Cancelled, m_stopReason);
    task.state()->onDone([this] {
        --m_live;
        checkFinished();
    });
    return task;
}

Task<void> Engine::runTask(int task, Admission admission, int worker)
{
    const auto spec = static_cast<std::size_t>(m_instances.at(task).spec);
    if (!admission.semaphore && !admission.limiter && worker < 0 && m_plain[spec])
        return track(plainLifecycle(task, static_cast<int>(spec)));
    return track(lifecycle(task, admission, worker));
}

Task<void> Engine::plainLifecycle(int task, int spec)
{
    // The common case at a million tasks, a wait with nothing around it: one attempt, no admission,
    // no timeout, no retry. It records exactly what lifecycle() would, in a frame a fraction of
    // the size (a million frames are alive at once under gather).
    attemptStarted(task, 1, -1);
    std::exception_ptr failure;
    try {
        const Micros due = now() + m_waits[static_cast<std::size_t>(spec)];
        co_await sleepFor(m_waits[static_cast<std::size_t>(spec)]);
        recordLateness(task, due);
        kindOf(spec).afterWait(m_scenario.tasks.at(spec));
    } catch (...) {
        failure = std::current_exception();
    }
    if (const std::exception_ptr rethrown = plainEnded(task, failure))
        std::rethrow_exception(rethrown);
}

std::exception_ptr Engine::plainEnded(int task, std::exception_ptr failure)
{
    if (!failure) {
        attemptEnded(task, 1, Outcome::Ok, {});
        taskEnded(task, Outcome::Ok, {});
        return nullptr;
    }
    try {
        std::rethrow_exception(failure);
    } catch (const TaskFailure &e) {
        attemptEnded(task, 1, Outcome::Failed, e.message);
        taskEnded(task, Outcome::Failed, e.message);
        return std::make_exception_ptr(TaskError{Outcome::Failed, e.message});
    } catch (const CancelledError &e) {
        attemptEnded(task, 1, Outcome::Cancelled, e.reason);
        taskEnded(task, Outcome::Cancelled, e.reason);
        return failure;
    } catch (...) {
        return failure; // not a task's own ending: the strategy's caller reports it
    }
}

Task<void> Engine::lifecycle(int task, Admission admission, int worker)
{
    // One coroutine for admission and every attempt: a task costs two coroutine frames (this and
    // its body), which matters at a million tasks.
    Outcome outcome = Outcome::Ok;
    QString error;
    std::exception_ptr failure;
    try {
        std::optional<Permit> permit;
        if (admission.semaphore) {
            PhaseScope wait(*this, task, PhaseKind::WaitSemaphore);
            co_await admission.semaphore->acquire();
            permit.emplace(*admission.semaphore);
        } else if (admission.limiter) {
            PhaseScope wait(*this, task, PhaseKind::WaitRateLimit);
            co_await admission.limiter->admit();
        }
        // Every local here lives in the coroutine's frame, a hundred thousand times over: the kind is
        // looked up where it is used, not kept.
        const int spec = m_instances.at(task).spec;
        const TaskSpec &taskSpec = m_scenario.tasks.at(spec);
        checkKindOf(spec);
        const std::optional<double> timeoutMs = m_scenario.timeoutFor(taskSpec);
        for (int attempt = 1;; ++attempt) {
            attemptStarted(task, attempt, worker);

            Outcome attemptOutcome = Outcome::Ok;
            QString attemptError;
            std::exception_ptr cancelled;
            TimerId timer = 0;
            try {
                if (!timeoutMs && kindOf(spec).afterWait) {
                    // The common case, a hundred thousand times over: no second coroutine needed.
                    const Micros due = now() + m_waits[static_cast<std::size_t>(spec)];
                    co_await sleepFor(m_waits[static_cast<std::size_t>(spec)]);
                    recordLateness(task, due);
                    kindOf(spec).afterWait(taskSpec);
                } else {
                    Task<void> body = kindOf(spec).run(*this, task, taskSpec);
                    if (timeoutMs && !body.isDone()) {
                        // asyncio.wait_for: the clock starts when the body does.
                        timer = m_clock.callAt(m_clock.now() + fromMs(*timeoutMs), [body = body.state(), ms = *timeoutMs] {
                            body->cancel(CancelKind::Timeout, QStringLiteral("timed out after %1 ms").arg(ms));
                        });
                    }
                    co_await body;
                }
            } catch (const TaskFailure &e) {
                attemptOutcome = Outcome::Failed;
                attemptError = e.message;
            } catch (const CancelledError &e) {
                attemptOutcome = e.kind == CancelKind::Timeout ? Outcome::Timeout : Outcome::Cancelled;
                attemptError = e.reason;
                if (e.kind != CancelKind::Timeout)
                    cancelled = std::current_exception();
            }
            if (timer)
                m_clock.cancelTimer(timer);
            attemptEnded(task, attempt, attemptOutcome, attemptError);
            if (cancelled)
                std::rethrow_exception(cancelled);
            if (attemptOutcome == Outcome::Ok)
                break;
            if (attempt > m_scenario.retries.max)
                throw TaskError{attemptOutcome, attemptError};
            const double backoffMs = m_scenario.retries.backoffAfter(attempt);
            PhaseScope backoff(*this, task, PhaseKind::Backoff);
            co_await sleepFor(fromMs(backoffMs));
        }
    } catch (const TaskError &e) {
        outcome = e.outcome;
        error = e.message;
        failure = std::current_exception();
    } catch (const CancelledError &e) {
        outcome = Outcome::Cancelled;
        error = e.reason;
        failure = std::current_exception();
    }
    taskEnded(task, outcome, error);
    if (failure)
        std::rethrow_exception(failure);
}

// The events of a task's life, written outside its coroutine: an event held in a local would sit in
// every coroutine frame, a million times over.
void Engine::attemptStarted(int task, int attempt, int worker)
{
    TraceEvent e = event(TraceEvent::Type::AttemptStarted, task);
    e.attempt = attempt;
    e.worker = worker;
    emitEvent(e);
}

void Engine::attemptEnded(int task, int attempt, Outcome outcome, const QString &error)
{
    // A timed-out or cancelled attempt leaves its thread computing on: its last wait ends here, inside
    // the attempt, and later turns are no longer this task's.
    if (m_cpu && (outcome == Outcome::Timeout || outcome == Outcome::Cancelled))
        m_cpu->forget(task, m_clock.now());
    TraceEvent e = event(TraceEvent::Type::AttemptEnded, task);
    e.attempt = attempt;
    e.outcome = outcome;
    e.text = error;
    emitEvent(e);
}

void Engine::taskEnded(int task, Outcome outcome, const QString &error)
{
    TraceEvent e = event(TraceEvent::Type::TaskEnded, task);
    e.outcome = outcome;
    e.text = error;
    emitEvent(e);
    m_ended[static_cast<std::size_t>(task)] = true;
}

void Engine::checkKindOf(int spec) const
{
    if (!m_kinds[static_cast<std::size_t>(spec)])
        throw TaskError{Outcome::Failed, QStringLiteral("no task kind is registered as \"%1\"").arg(m_scenario.tasks.at(spec).kind)};
}

Task<void> Engine::waitFor(int task, Micros duration)
{
    const Micros due = now() + duration;
    co_await sleepFor(duration);
    recordLateness(task, due);
}

namespace {

// The GIL waits of one job on a pool thread, handed to the loop when the job ends.
struct GilWaits
{
    std::mutex mutex;
    std::vector<std::pair<Gil::TimePoint, Gil::TimePoint>> waits;

    Gil::WaitRecorder recorder()
    {
        return [this](Gil::TimePoint from, Gil::TimePoint to) {
            std::lock_guard lock(mutex);
            waits.emplace_back(from, to);
        };
    }
    // Each wait in the clock's time, through one reading of both clocks.
    template<typename Record>
    void replay(Micros clockNow, Record record)
    {
        const Gil::TimePoint steadyNow = std::chrono::steady_clock::now();
        auto toClock = [&](Gil::TimePoint t) {
            return clockNow - std::chrono::duration_cast<std::chrono::microseconds>(steadyNow - t).count();
        };
        std::lock_guard lock(mutex);
        for (const auto &[from, to] : waits)
            record(toClock(from), toClock(to));
    }
};

} // namespace

Task<void> Engine::offload(int task, Micros duration, bool cpu)
{
    {
        PhaseScope wait(*this, task, PhaseKind::WaitExecutor);
        co_await m_executorSlots.acquire();
    }
    auto done = std::make_shared<AsyncEvent>();
    ++m_jobs;
    // The slot is given back when the work ends, not when the caller stops waiting.
    auto release = [this, done] {
        m_executorSlots.release();
        done->set();
        jobEnded();
    };
    // When the work ended, in run time, where the model knows it: a loop that blocking work holds
    // only takes the result later, and that delay is shown as such.
    auto finished = std::make_shared<Micros>(-1);
    if (m_cpu && cpu) {
        m_cpu->add(task, m_clock.now(), duration, [this, release, finished](Micros end) {
            *finished = end - m_origin;
            m_clock.callAt(end, release);
        });
        rescheduleCpu();
    } else if (m_clock.isVirtual() || !m_pool) {
        *finished = now() + duration;
        m_clock.callAt(m_clock.now() + duration, release);
    } else if (cpu && m_gil) {
        auto waits = std::make_shared<GilWaits>();
        QFuture<void> job = runOnPool(m_pool, [gil = m_gil, duration, waits] { gil->compute(duration, waits->recorder()); });
        watchJob(std::move(job)).state()->onDone([this, task, waits, release] {
            waits->replay(m_clock.now(), [&](Micros from, Micros to) { recordCpuWait(task, from, to); });
            release();
        });
    } else {
        QFuture<void> job = runOnPool(m_pool, [duration, cpu] { cpu ? burnCpu(duration) : blockThread(duration); });
        watchJob(std::move(job)).state()->onDone(release);
    }
    co_await done->wait();
    if (*finished >= 0)
        recordLateness(task, *finished);
}

void Engine::computeOnLoop(int task, Micros duration)
{
    if (m_cpu) {
        const Micros end = m_cpu->runToEnd(task, m_clock.now(), duration);
        m_clock.block(end - m_clock.now());
        rescheduleCpu();
    } else if (m_gil) {
        GilWaits waits;
        m_gil->compute(duration, waits.recorder());
        waits.replay(m_clock.now(), [&](Micros from, Micros to) { recordCpuWait(task, from, to); });
    } else {
        m_clock.spin(duration);
    }
}

PhaseKind Engine::cpuWaitPhase() const
{
    return m_scenario.executor == ExecutorKind::Thread && m_scenario.gil ? PhaseKind::WaitGil : PhaseKind::WaitCore;
}

void Engine::recordCpuWait(int task, Micros from, Micros to)
{
    // The caller's own CPU work: its row shows the step whole. A task already ended (cancelled while
    // its thread computes on) has no lane left to show the wait on.
    if (task < 0 || m_ended[static_cast<std::size_t>(task)])
        return;
    // A real lock hands over in microseconds; only a wait a person could see is worth a phase.
    const Micros threshold = m_clock.isVirtual() ? 0 : 500;
    if (to - from <= threshold)
        return;
    recordPhase(task, cpuWaitPhase(), from - m_origin, to - m_origin);
}

void Engine::rescheduleCpu()
{
    const Micros next = m_cpu->nextEvent();
    if (m_cpuTimer && next == m_cpuTimerAt)
        return;
    if (m_cpuTimer)
        m_clock.cancelTimer(m_cpuTimer);
    m_cpuTimer = 0;
    m_cpuTimerAt = next;
    if (next < 0)
        return;
    m_cpuTimer = m_clock.callAt(next, [this, next] {
        m_cpuTimer = 0;
        m_cpuTimerAt = -1;
        // The turn was due at `next`, however late a blocked loop lets this run.
        m_cpu->advanceTo(next);
        rescheduleCpu();
    });
}

HttpClient &Engine::http()
{
    if (!m_http) {
        // Sockets on the real clock; on the virtual one, what the demo server would answer, and when.
        std::unique_ptr<HttpTransport> transport;
        if (m_clock.isVirtual())
            transport = std::make_unique<SimulatedDemoTransport>();
        else
            transport = std::make_unique<NetworkTransport>(m_scenario.perHostConnections(), &DemoServerHost::resolveStarting);
        m_http = std::make_unique<HttpClient>(m_scenario.perHostConnections(), m_scenario.totalConnections(), std::move(transport));
    }
    return *m_http;
}

DbPool &Engine::database()
{
    if (!m_db) {
        std::optional<DatabaseTarget> target;
        if (!m_clock.isVirtual()) {
            QString error;
            // The scenario was validated; a value that still fails to parse queries the demo database.
            target = DatabaseTarget::parse(m_scenario.database, &error).value_or(DatabaseTarget{});
        }
        m_db = std::make_unique<DbPool>(m_scenario.dbPool, std::move(target), m_clock);
    }
    return *m_db;
}

Task<void> Engine::watchJob(QFuture<void> job)
{
    co_await job;
}

void Engine::jobEnded()
{
    --m_jobs;
    checkFinished();
}

void Engine::checkFinished()
{
    if (m_finished || m_finishPosted || !m_main.isValid() || !m_main.isDone() || m_live > 0 || m_jobs > 0)
        return;
    // Finish from the loop, not from inside the callback of the coroutine that just ended.
    m_finishPosted = true;
    m_clock.post([this] { finish(); });
}

void Engine::finish()
{
    m_finished = true;
    if (m_deadlineTimer) {
        m_clock.cancelTimer(m_deadlineTimer);
        m_deadlineTimer = 0;
    }
    // Tasks the strategy never got to (stopped early, wait() returned, a deadline) end cancelled.
    const QString reason = m_stopping ? QStringLiteral("not started: %1").arg(m_stopReason)
                                      : QStringLiteral("not started: the strategy stopped before it");
    for (int i = 0; i < taskCount(); ++i) {
        if (m_ended[static_cast<std::size_t>(i)])
            continue;
        TraceEvent e = event(TraceEvent::Type::TaskEnded, i);
        e.outcome = Outcome::Cancelled;
        e.text = reason;
        emitEvent(e);
    }
    emitEvent(event(TraceEvent::Type::RunEnded, -1));
    // Every task has ended: what is left of them goes on another thread, where letting go of a
    // million of them does not hold the window for a tenth of a second.
    if (m_tracked.size() > 10000)
        backgroundPool().start([ended = std::make_shared<std::vector<std::shared_ptr<TaskStateBase>>>(std::move(m_tracked))] {
            ended->clear();
        });
    m_tracked.clear();
    if (m_finishedCallback)
        m_finishedCallback();
}

} // namespace concviz
