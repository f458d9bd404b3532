#include "runner.h"

#include "../async/realclock.h"
#include "../async/virtualclock.h"
#include "engine.h"

#include <QEventLoop>
#include <QMetaMethod>
#include <QThreadPool>

namespace concviz {

namespace {
// Often enough for a smooth live view, rarely enough that 100,000 events cost a few signals.
constexpr int flushIntervalMs = 30;
} // namespace

Runner::Runner(const Scenario &scenario, const StrategySpec &strategy, ClockKind clock, QObject *parent)
    : Runner(scenario, strategy, clock, RunPlan::of(scenario, strategy, clock), parent)
{
}

Runner::Runner(const Scenario &scenario, const StrategySpec &strategy, ClockKind clock, RunPlan plan, QObject *parent)
    : QObject(parent)
    , m_scenario(scenario)
    , m_instances(std::move(plan.instances))
    , m_strategy(strategy)
    , m_clockKind(clock)
    , m_trace(std::move(plan.trace))
{
    m_flushTimer.setInterval(flushIntervalMs);
    connect(&m_flushTimer, &QTimer::timeout, this, &Runner::flush);
}

Runner::~Runner()
{
    if (m_running) {
        QEventLoop loop;
        connect(this, &Runner::finished, &loop, &QEventLoop::quit);
        QTimer::singleShot(10000, &loop, &QEventLoop::quit);
        stop();
        if (m_running)
            loop.exec();
    }
    if (m_pool)
        m_pool->waitForDone();
    m_engine.reset();
}

void Runner::start()
{
    if (m_running || m_engine)
        return;
    // Batches are only worth building for someone who listens (the window, not the command line).
    m_batching = isSignalConnected(QMetaMethod::fromSignal(&Runner::eventsAvailable));
    if (m_clockKind == ClockKind::Real) {
        auto *clock = new RealClock;
        // Someone who listens draws the run as it goes: the clock lets the window in.
        clock->setSliced(m_batching);
        m_clockObject.reset(clock);
        m_clock = clock;
        m_pool = std::make_unique<QThreadPool>();
        m_pool->setMaxThreadCount(m_scenario.executorWorkers);
    } else {
        auto *clock = new VirtualClock;
        m_clockObject.reset(clock);
        m_clock = clock;
    }
    m_engine = std::make_unique<Engine>(m_scenario, m_instances, m_strategy, *m_clock, m_pool.get(),
                                        [this](const TraceEvent &e) { record(e); });
    m_running = true;
    m_flushTimer.start();
    CurrentClockScope scope(m_clock);
    m_engine->start([this] { onEngineFinished(); });
}

Micros Runner::now() const
{
    if (m_running && m_engine)
        return m_engine->now();
    return m_trace.makespan();
}

void Runner::stop()
{
    if (!m_running)
        return;
    CurrentClockScope scope(m_clock);
    m_engine->stop(MarkerKind::Stopped, QStringLiteral("stopped by the user"));
}

void Runner::record(const TraceEvent &event)
{
    m_trace.apply(event);
    if (m_batching)
        m_pending.append(event);
}

void Runner::flush()
{
    if (m_pending.isEmpty())
        return;
    const QList<TraceEvent> batch = std::move(m_pending);
    m_pending.clear();
    Q_EMIT eventsAvailable(batch);
}

void Runner::onEngineFinished()
{
    m_running = false;
    m_internalError = m_engine->internalError();
    m_flushTimer.stop();
    flush();
    Q_EMIT finished();
}

} // namespace concviz
