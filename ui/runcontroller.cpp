#include "runcontroller.h"

namespace concviz {

RunController::RunController(QObject *parent)
    : QObject(parent)
{
}

RunController::~RunController()
{
    delete m_runner; // stops and unwinds a run still going
}

void RunController::start(const Scenario &scenario, const QList<StrategySpec> &strategies, ClockKind clock)
{
    if (isRunning())
        return;
    m_scenario = scenario;
    m_strategies = strategies;
    m_clock = clock;
    m_done.clear();
    m_index = -1;
    m_stopped = false;
    startNext();
}

void RunController::stop()
{
    m_stopped = true;
    if (m_runner)
        m_runner->stop();
}

void RunController::startNext()
{
    ++m_index;
    if (m_stopped || m_index >= m_strategies.size()) {
        Q_EMIT finished(m_stopped);
        return;
    }
    auto *runner = new Runner(m_scenario, m_strategies[m_index], m_clock, this);
    m_runner = runner;
    const int run = m_index;
    connect(runner, &Runner::eventsAvailable, this, [this, run](const QList<TraceEvent> &events) { Q_EMIT eventsAvailable(run, events); });
    connect(runner, &Runner::finished, this, [this, runner] {
        m_done.append(runner->trace());
        m_runner = nullptr;
        // The runner is inside its own clock's callback here: let it return before it goes.
        runner->deleteLater();
        QMetaObject::invokeMethod(this, &RunController::startNext, Qt::QueuedConnection);
    });
    Q_EMIT runStarted(m_index, m_strategies[m_index].toString());
    runner->start();
}

QList<Trace> RunController::traces() const
{
    QList<Trace> all = m_done;
    if (m_runner)
        all.append(m_runner->trace());
    return all;
}

Micros RunController::now() const
{
    return m_runner ? m_runner->now() : -1;
}

} // namespace concviz
