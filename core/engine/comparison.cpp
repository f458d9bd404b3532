#include "comparison.h"

#include "../async/backgroundpool.h"
#include "../demo/demoserverhost.h"

#include <QEventLoop>
#include <QMetaMethod>
#include <QUrl>

namespace concviz {

Comparison::Comparison(QObject *parent)
    : QObject(parent)
{
}

Comparison::~Comparison()
{
    // Nothing the run says while it unwinds reaches a half-destroyed owner.
    dropRunner();
}

void Comparison::dropRunner()
{
    for (QPointer<Runner> *runner : {&m_runner, &m_idealRunner}) {
        if (!*runner)
            continue;
        (*runner)->disconnect(this);
        delete runner->data(); // stops and unwinds it
    }
}

void Comparison::start(const Scenario &scenario, const QList<StrategySpec> &strategies, ClockKind clock)
{
    // The old run's results never mix into the new one: its signals go with it, and a step it queued
    // finds a newer generation and does nothing.
    dropRunner();
    ++m_generation;
    m_scenario = scenario;
    m_strategies = strategies;
    m_clock = clock;
    m_done.clear();
    m_index = -1;
    m_active = true;
    m_stopped = false;
    startNext(m_generation);
}

void Comparison::stop()
{
    m_stopped = true;
    if (m_runner)
        m_runner->stop();
    if (m_idealRunner)
        m_idealRunner->stop();
}

void Comparison::startNext(quint64 generation)
{
    if (generation != m_generation)
        return;
    ++m_index;
    if (m_stopped || m_index >= m_strategies.size()) {
        m_active = false;
        Q_EMIT finished(m_stopped);
        return;
    }
    m_ideal = -1;
    m_idealTimes.clear();
    if (m_clock == ClockKind::Real && hasIdeal(m_scenario))
        startIdeal(generation);
    else
        startRun(generation);
}

bool Comparison::hasIdeal(const Scenario &scenario)
{
    constexpr qsizetype mostTasks = 20000;
    qsizetype tasks = 0;
    for (const TaskSpec &t : scenario.tasks) {
        tasks += t.count;
        if (t.kind == QLatin1String("http") && !DemoServerHost::isDemoUrl(QUrl(t.text(QStringLiteral("url")))))
            return false;
    }
    return tasks <= mostTasks;
}

void Comparison::startIdeal(quint64 generation)
{
    auto *runner = new Runner(m_scenario, m_strategies[m_index], ClockKind::Virtual, this);
    m_idealRunner = runner;
    connect(runner, &Runner::finished, this, [this, runner, generation] {
        if (runner->trace().isFinished() && runner->internalError().isEmpty()) {
            m_ideal = runner->trace().makespan();
            for (const TaskTrace &t : runner->trace().tasks)
                m_idealTimes.append({t.start, t.end});
        }
        m_idealRunner = nullptr;
        runner->deleteLater();
        QMetaObject::invokeMethod(
            this,
            [this, generation] {
                if (goesOn(generation))
                    startRun(generation);
            },
            Qt::QueuedConnection);
    });
    runner->start();
}

void Comparison::startRun(quint64 generation)
{
    // Up to this many tasks the plan is made at once; more would hold the window's frames.
    constexpr qint64 planAtOnceUpTo = 20000;
    const StrategySpec strategy = m_strategies[m_index];
    if (m_scenario.taskCount() <= planAtOnceUpTo) {
        launch(RunPlan::of(m_scenario, strategy, m_clock), generation);
        return;
    }
    runInBackground(
        this, [scenario = m_scenario, strategy, clock = m_clock] { return RunPlan::of(scenario, strategy, clock); },
        [this, generation](RunPlan plan) {
            if (goesOn(generation))
                launch(std::move(plan), generation);
        });
}

bool Comparison::goesOn(quint64 generation)
{
    if (generation != m_generation)
        return false;
    if (m_stopped) {
        m_active = false;
        Q_EMIT finished(true);
        return false;
    }
    return true;
}

void Comparison::launch(RunPlan plan, quint64 generation)
{
    auto *runner = new Runner(m_scenario, m_strategies[m_index], m_clock, std::move(plan), this);
    m_runner = runner;
    const int run = m_index;
    // Batches cost memory at a million tasks: the runner makes them only when someone follows live.
    if (isSignalConnected(QMetaMethod::fromSignal(&Comparison::eventsAvailable)))
        connect(runner, &Runner::eventsAvailable, this, [this, run](const QList<TraceEvent> &events) { Q_EMIT eventsAvailable(run, events); });
    connect(runner, &Runner::finished, this, [this, runner, run, generation] {
        m_done.append(runner->trace());
        m_done.last().ideal = m_ideal;
        // The same scenario under the same strategy makes the same tasks in the same order.
        QList<TaskTrace> &tasks = m_done.last().tasks;
        if (m_idealTimes.size() == tasks.size()) {
            for (qsizetype i = 0; i < tasks.size(); ++i) {
                TaskExtras &x = tasks[i].editExtras();
                x.idealStart = m_idealTimes[i].first;
                x.idealEnd = m_idealTimes[i].second;
            }
        }
        m_runner = nullptr;
        // The runner is inside its own clock's callback here: let it return before it goes.
        runner->deleteLater();
        if (!runner->internalError().isEmpty())
            Q_EMIT failed(run, runner->internalError());
        Q_EMIT runFinished(run, m_done.last());
        QMetaObject::invokeMethod(this, [this, generation] { startNext(generation); }, Qt::QueuedConnection);
    });
    Q_EMIT runStarted(m_index, m_strategies[m_index].toString());
    runner->start();
}

void Comparison::clear()
{
    if (!m_active)
        m_done.clear();
}

QList<Trace> Comparison::traces() const
{
    QList<Trace> all = m_done;
    if (m_runner)
        all.append(m_runner->trace());
    return all;
}

QList<Trace> Comparison::run(const Scenario &scenario, const QList<StrategySpec> &strategies, ClockKind clock, QString *internalError)
{
    Comparison comparison;
    QEventLoop loop;
    bool done = false;
    connect(&comparison, &Comparison::finished, &loop, [&] {
        done = true;
        loop.quit();
    });
    if (internalError)
        connect(&comparison, &Comparison::failed, &loop, [internalError](int, const QString &error) { *internalError = error; });
    comparison.start(scenario, strategies, clock);
    if (!done)
        loop.exec();
    return comparison.traces();
}

Micros Comparison::now() const
{
    return m_runner ? m_runner->now() : -1;
}

} // namespace concviz
