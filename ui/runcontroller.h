#pragma once

#include "engine/runner.h"

#include <QObject>
#include <QPointer>

namespace concviz {

// Runs a scenario under one or more strategies, one run after another (runs side by side would
// compete for the same loop and threads and spoil each other's times), and keeps their traces.
class RunController : public QObject
{
    Q_OBJECT
public:
    explicit RunController(QObject *parent = nullptr);
    ~RunController() override;

    void start(const Scenario &scenario, const QList<StrategySpec> &strategies, ClockKind clock);
    void stop();
    bool isRunning() const { return m_runner != nullptr; }
    // The finished runs and the one going on, in order.
    QList<Trace> traces() const;
    // The live run's time, or -1 when nothing runs.
    Micros now() const;
    int currentRun() const { return m_index; }

Q_SIGNALS:
    void runStarted(int run, const QString &strategy);
    // New events of run `run`, batched; the traces already hold them.
    void eventsAvailable(int run, const QList<concviz::TraceEvent> &events);
    void finished(bool stopped);

private:
    void startNext();

    Scenario m_scenario;
    QList<StrategySpec> m_strategies;
    ClockKind m_clock = ClockKind::Real;
    QList<Trace> m_done;
    QPointer<Runner> m_runner;
    int m_index = -1;
    bool m_stopped = false;
};

} // namespace concviz
