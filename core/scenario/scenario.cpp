#include "scenario.h"

#include "strategydefinition.h"

#include <QThread>

#include <algorithm>
#include <cmath>

namespace concviz {

QString callerStepKindName(CallerStepKind kind)
{
    switch (kind) {
    case CallerStepKind::Sleep:
        return QStringLiteral("sleep");
    case CallerStepKind::Blocking:
        return QStringLiteral("blocking");
    case CallerStepKind::Cpu:
        return QStringLiteral("cpu");
    }
    return {};
}

CallerStepKind callerStepKindFrom(const QString &name)
{
    for (const CallerStepKind kind : {CallerStepKind::Blocking, CallerStepKind::Cpu})
        if (name == callerStepKindName(kind))
            return kind;
    return CallerStepKind::Sleep;
}

QString executorKindName(ExecutorKind kind)
{
    return kind == ExecutorKind::Thread ? QStringLiteral("thread") : QStringLiteral("process");
}

ExecutorKind executorKindFrom(const QString &name)
{
    return name == executorKindName(ExecutorKind::Process) ? ExecutorKind::Process : ExecutorKind::Thread;
}

double RetryPolicy::backoffAfter(int attempt) const
{
    // 2^100 is still a finite double; the cap keeps the result a time a clock can hold.
    return std::min(backoffMs * std::pow(2.0, attempt - 1), maxBackoffMs);
}

double RetryPolicy::totalBackoffMs() const
{
    double total = 0;
    for (int attempt = 1; attempt <= max; ++attempt)
        total += backoffAfter(attempt);
    return total;
}

qint64 Scenario::taskCount() const
{
    qint64 total = 0;
    for (const TaskSpec &t : tasks)
        total += t.count;
    return total;
}

QList<TaskInstance> Scenario::instances() const
{
    QList<TaskInstance> out;
    out.reserve(taskCount());
    for (int i = 0; i < tasks.size(); ++i) {
        const TaskSpec &t = tasks[i];
        if (t.count == 1) {
            out.append({t.name, i});
            continue;
        }
        for (int k = 1; k <= t.count; ++k)
            out.append({t.name + QLatin1Char('#') + QString::number(k), i});
    }
    return out;
}

std::optional<double> Scenario::timeoutFor(const TaskSpec &task) const
{
    return task.timeoutMs ? task.timeoutMs : timeoutMs;
}

QString httpClientKindName(HttpClientKind kind)
{
    switch (kind) {
    case HttpClientKind::Aiohttp:
        return QStringLiteral("aiohttp");
    case HttpClientKind::Httpx:
        return QStringLiteral("httpx");
    case HttpClientKind::Browser:
        return QStringLiteral("browser");
    }
    return {};
}

HttpClientKind httpClientKindFrom(const QString &name)
{
    for (const HttpClientKind kind : {HttpClientKind::Httpx, HttpClientKind::Browser})
        if (name == httpClientKindName(kind))
            return kind;
    return HttpClientKind::Aiohttp;
}

namespace {
// aiohttp's TCPConnector(limit=100) and httpx's Limits(max_connections=100); a browser's 6 per host.
constexpr int pythonClientConnections = 100;
constexpr int browserConnectionsPerHost = 6;
} // namespace

int Scenario::perHostConnections() const
{
    if (connectionsPerHost)
        return *connectionsPerHost;
    return httpClient == HttpClientKind::Browser ? browserConnectionsPerHost : pythonClientConnections;
}

int Scenario::totalConnections() const
{
    return httpClient == HttpClientKind::Browser ? 0 : pythonClientConnections;
}

int Scenario::coresOrMachine() const
{
    return cores.value_or(std::max(1, QThread::idealThreadCount()));
}

int Scenario::cpuCapacity() const
{
    return executor == ExecutorKind::Thread && gil ? 1 : coresOrMachine();
}

QList<StrategySpec> Scenario::compareOrDefault() const
{
    if (!compare.isEmpty())
        return compare;
    StrategySpec sequential;
    sequential.name = QStringLiteral("sequential");
    StrategySpec gather;
    gather.name = QStringLiteral("gather");
    QList<StrategySpec> out;
    // One by one, all at once, and the file's own way, leaving out what cannot run the caller's steps.
    for (const StrategySpec &spec : {sequential, gather, strategy}) {
        const StrategyDefinition *d = spec.definition();
        if (!out.contains(spec) && (caller.isEmpty() || (d && d->runsCallerSteps)))
            out.append(spec);
    }
    return out;
}

} // namespace concviz
