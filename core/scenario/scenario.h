#pragma once

#include "strategyspec.h"
#include "taskspec.h"

#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace concviz {

constexpr int scenarioFormatVersion = 1;

// Attempt k+1 starts backoffMs * 2^(k-1) after attempt k failed or timed out, but never more than
// maxBackoffMs after it, as retry libraries cap their backoff.
struct RetryPolicy
{
    static constexpr double defaultMaxBackoffMs = 60000;

    int max = 0;
    double backoffMs = 0;
    double maxBackoffMs = defaultMaxBackoffMs;
    bool operator==(const RetryPolicy &) const = default;

    // The wait before attempt `attempt` + 1, in milliseconds.
    double backoffAfter(int attempt) const;
    // Every wait of a task that uses all its retries, added up.
    double totalBackoffMs() const;
};

// One task after `count` has been expanded: what the engine runs and the trace shows as a lane.
struct TaskInstance
{
    QString name;
    int spec = 0; // index into Scenario::tasks
};

// What the caller does itself right after creating the tasks and before awaiting them:
// tasks = [asyncio.create_task(...) ...]; <steps>; await asyncio.gather(*tasks).
enum class CallerStepKind { Sleep, Blocking, Cpu };
QString callerStepKindName(CallerStepKind kind);
// The kind a name says ("blocking"); sleep for a name the field's check already refused.
CallerStepKind callerStepKindFrom(const QString &name);

struct CallerStep
{
    QString name;
    CallerStepKind kind = CallerStepKind::Sleep;
    double durationMs = 0;
    bool operator==(const CallerStep &) const = default;
    // Whether it holds the loop (time.sleep, CPU work) instead of awaiting.
    bool holdsLoop() const { return kind != CallerStepKind::Sleep; }
};

// Where offloaded work runs (loop.run_in_executor): a ThreadPoolExecutor or a ProcessPoolExecutor.
enum class ExecutorKind { Thread, Process };
QString executorKindName(ExecutorKind kind);
ExecutorKind executorKindFrom(const QString &name); // thread for any other name

// Whose connection limits the HTTP client keeps: the Python clients the lessons use, or a browser's.
enum class HttpClientKind { Aiohttp, Httpx, Browser };
QString httpClientKindName(HttpClientKind kind);
HttpClientKind httpClientKindFrom(const QString &name); // aiohttp for any other name

// The pool db tasks take their connections from, as SQLAlchemy's QueuePool keeps it: `size`
// connections stay open, up to `maxOverflow` more are opened when they are all busy, and a task that
// finds size + maxOverflow busy waits at most `timeoutMs` before it fails.
struct DbPoolPolicy
{
    int size = 5;
    int maxOverflow = 10;
    double timeoutMs = 30000;
    bool operator==(const DbPoolPolicy &) const = default;

    // The connections open at once at most.
    int capacity() const { return size + maxOverflow; }
};

// A scenario file's content: the tasks, how they run, and the options around them.
struct Scenario
{
    QString name;
    QString description;
    QString topic;  // where the examples list it: "Basics", "Blocking and CPU work"
    QString lesson; // what it teaches, in one line: "4.5 s one by one, 2 s all at once"
    QList<TaskSpec> tasks;
    StrategySpec strategy;
    QList<StrategySpec> compare;
    std::optional<double> timeoutMs;  // per task, from the moment its body starts (asyncio.wait_for)
    std::optional<double> deadlineMs; // the whole run (asyncio.timeout around the strategy)
    RetryPolicy retries;
    int executorWorkers = 4;
    ExecutorKind executor = ExecutorKind::Thread;
    bool gil = true; // false: free-threaded Python (3.13t), whose threads compute side by side
    std::optional<int> cores; // the cores the virtual clock assumes; none: this machine's
    HttpClientKind httpClient = HttpClientKind::Aiohttp;
    std::optional<int> connectionsPerHost; // HTTP connections open at once to one host:port; none: the client's own
    QList<CallerStep> caller; // the caller's own steps, in order
    QString database = QStringLiteral("demo"); // what db tasks query: see DatabaseTarget
    DbPoolPolicy dbPool;
    QJsonObject extra; // fields this build does not know, kept for saving

    bool operator==(const Scenario &) const = default;

    // The tasks with `count` expanded, in file order: name#1..name#count.
    QList<TaskInstance> instances() const;
    // How many tasks that makes.
    qint64 taskCount() const;
    // The timeout of one task: its own timeout_ms, else the scenario's.
    std::optional<double> timeoutFor(const TaskSpec &task) const;
    // The cores CPU work may use at once: `cores`, else this machine's.
    int coresOrMachine() const;
    // How many CPU-bound runners compute at once: one under the GIL with threads, else the cores.
    int cpuCapacity() const;
    // HTTP connections open at once to one host:port: connections_per_host, else the client's limit
    // (6 for a browser; aiohttp and httpx have none of their own, so their total limit).
    int perHostConnections() const;
    // HTTP connections open at once in all, or 0 when only the per-host limit counts.
    int totalConnections() const;
    // The strategies to show side by side: the file's compare list, else sequential, gather and the
    // file's own strategy (without sequential when the caller has steps of its own).
    QList<StrategySpec> compareOrDefault() const;
};

} // namespace concviz
