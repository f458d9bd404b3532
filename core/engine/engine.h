#pragma once

#include "../async/semaphore.h"
#include "../async/task.h"
#include "../scenario/scenario.h"
#include "../trace/traceevent.h"

#include <QThreadPool>

#include <functional>
#include <memory>
#include <vector>

namespace concviz {

class CpuScheduler;
class DbPool;
class Gil;
class HttpClient;
struct TaskKindDefinition;
class RateLimiter;

// What a task must pass before its attempts start.
struct TaskAdmission
{
    Semaphore *semaphore = nullptr;
    RateLimiter *limiter = nullptr;
};

// One run of a scenario under one strategy on one clock. Owns the bookkeeping every strategy
// shares: creating tasks, their attempts, timeouts, retries and end states, the executor, the
// deadline and Stop. Strategies (one file each under strategies/) only decide the order.
class Engine
{
public:

    using Sink = std::function<void(const TraceEvent &)>;

    // `instances` is scenario.instances(), passed in because expanding a million names is not free.
    // `pool` runs offloaded blocking and cpu work on the real clock; it may be null on the virtual one.
    Engine(const Scenario &scenario, QList<TaskInstance> instances, const StrategySpec &strategy, Clock &clock,
           QThreadPool *pool, Sink sink);
    ~Engine();
    Engine(const Engine &) = delete;
    Engine &operator=(const Engine &) = delete;

    // Starts the strategy; `finished` is called (from the loop) once every task, helper and executor
    // job has ended. Must be called while `clock` is current.
    void start(std::function<void()> finished);
    // Cancels everything still waiting or running, with a marker saying why. Safe to call twice.
    void stop(MarkerKind kind, const QString &reason);
    bool isStopping() const { return m_stopping; }
    bool isFinished() const { return m_finished; }
    // Set when the strategy itself broke (a bug, not a task failing by design).
    QString internalError() const { return m_internalError; }

    const Scenario &scenario() const { return m_scenario; }
    const StrategySpec &strategy() const { return m_strategy; }
    int taskCount() const { return static_cast<int>(m_instances.size()); }
    const TaskInstance &instance(int task) const { return m_instances.at(task); }
    Clock &clock() { return m_clock; }
    // Time since the run started.
    Micros now() const { return m_clock.now() - m_origin; }

    // --- what strategies record ---
    void created(int task);
    void beginPhase(int task, PhaseKind phase);
    void endPhase(int task, PhaseKind phase);
    // `rank` is where the caller took the task's result, for as_completed's Consumed marks.
    void mark(MarkerKind kind, const QString &label, int task = -1, int rank = 0);
    // After a wait that was due at `due` (run time): if the loop only got back to the task later,
    // because blocking work held it, records that delay as its own phase.
    void recordLateness(int task, Micros due);
    // A phase that is already over, from `from` to `to` (run times), recorded after the fact.
    void recordPhase(int task, PhaseKind phase, Micros from, Micros to);
    // What an HTTP task got back: its status, body bytes and the URLs it went through.
    void recordHttpResult(int task, int status, qint64 bytes, const QString &route);
    // What a db task's query gave: the rows and the first of them.
    void recordDbResult(int task, qint64 rows, const QString &firstRow);

    using Admission = TaskAdmission;
    // The task as a strategy runs it: admission, then its attempts with timeout and retries. Records
    // how it ended; a failure is rethrown as TaskError, a cancellation as CancelledError.
    Task<void> runTask(int task, Admission admission = {}, int worker = -1);
    // The caller's own step `step` of the scenario's caller list, drawn on the caller's row: a sleep
    // awaits (the tasks run meanwhile), blocking and CPU work hold the loop.
    Task<void> callerStep(int step);
    // A pause of the caller (between batches), drawn on its row.
    Task<void> callerPause(Micros duration, const QString &label);
    // Keeps an object the strategy's tasks share (a semaphore, a queue) alive for the whole run: a
    // cancelled caller may end before the tasks that still use it have unwound.
    template<typename T, typename... Args>
    T &own(Args &&...args)
    {
        auto object = std::make_shared<T>(std::forward<Args>(args)...);
        m_owned.push_back(object);
        return *object;
    }
    // Lets stop() cancel a helper coroutine (a queue worker) and makes the run wait for it.
    Task<void> track(Task<void> task);

    // --- what task kinds use ---
    // Waits without blocking (asyncio.sleep); a wake-up that blocking work delayed is recorded.
    Task<void> waitFor(int task, Micros duration);
    // Runs blocking or cpu work in the executor pool (asyncio's run_in_executor): waits for one of
    // executor_workers threads, then for the work. A cancelled caller stops waiting, but the thread
    // stays busy until the work is done, as a real thread does.
    // CPU work under the GIL (with threads) or on the cores (with processes, or free-threaded
    // Python) takes turns with the other CPU work of the run: its waits are their own phase.
    Task<void> offload(int task, Micros duration, bool cpu);
    // CPU work on the event loop itself: holds the loop until done, which takes longer while
    // offloaded CPU work competes for the GIL or the cores.
    void computeOnLoop(int task, Micros duration);
    // The run's HTTP client, made on first use (and with it the demo server, when the scenario uses it).
    HttpClient &http();
    // The run's database connection pool, made on first use: real connections to the scenario's
    // database on the real clock, only a count of them on the virtual one.
    DbPool &database();

private:
    Task<void> lifecycle(int task, Admission admission, int worker);
    Task<void> plainLifecycle(int task, int spec);
    // Records how a plain task ended; returns what its coroutine rethrows, if anything.
    std::exception_ptr plainEnded(int task, std::exception_ptr failure);
    void attemptStarted(int task, int attempt, int worker);
    void attemptEnded(int task, int attempt, Outcome outcome, const QString &error);
    void taskEnded(int task, Outcome outcome, const QString &error);
    Task<void> watchJob(QFuture<void> job);
    // The kind of scenario entry `spec`; checkKindOf() throws a TaskError when none is registered.
    const TaskKindDefinition &kindOf(int spec) const { return *m_kinds[static_cast<std::size_t>(spec)]; }
    void checkKindOf(int spec) const;
    void jobEnded();
    void callerSpan(TraceEvent::Type type, const QString &label, bool holdsLoop);
    // Records a wait for the GIL or a core from `from` to `to` (clock times).
    void recordCpuWait(int task, Micros from, Micros to);
    PhaseKind cpuWaitPhase() const;
    // Arms one timer for the CPU model's next turn or end, on the virtual clock.
    void rescheduleCpu();
    TraceEvent event(TraceEvent::Type type, int task) const;
    void emitEvent(const TraceEvent &e) { m_sink(e); }
    void checkFinished();
    void finish();

    Scenario m_scenario;
    StrategySpec m_strategy;
    QList<TaskInstance> m_instances;
    Clock &m_clock;
    QThreadPool *m_pool;
    Sink m_sink;
    Micros m_origin = 0;
    std::function<void()> m_finishedCallback;

    Task<void> m_main;
    std::vector<std::shared_ptr<TaskStateBase>> m_tracked;
    std::vector<const TaskKindDefinition *> m_kinds; // per scenario entry: its kind
    std::vector<Micros> m_waits;                     // per scenario entry: its duration_ms
    std::vector<bool> m_plain; // per scenario entry: a wait with no timeout and no retries (plainLifecycle)
    std::vector<bool> m_ended; // per task: its end has been recorded
    int m_live = 0;            // tracked coroutines not yet done
    int m_jobs = 0;            // executor jobs still running
    Semaphore m_executorSlots;
    std::unique_ptr<CpuScheduler> m_cpu; // the virtual clock's model of CPU-bound work
    std::shared_ptr<Gil> m_gil;          // the real clock's GIL, when threads need one
    TimerId m_cpuTimer = 0;
    Micros m_cpuTimerAt = -1;
    TimerId m_deadlineTimer = 0;
    bool m_stopping = false;
    bool m_finishPosted = false;
    bool m_finished = false;
    QString m_stopReason;
    std::vector<std::shared_ptr<void>> m_owned;
    std::unique_ptr<HttpClient> m_http;
    std::unique_ptr<DbPool> m_db;
    QString m_internalError;
};

} // namespace concviz
