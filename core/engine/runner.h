#pragma once

#include "../scenario/scenario.h"
#include "../trace/trace.h"
#include "runplan.h"

#include <QObject>
#include <QTimer>

#include <memory>

class QThreadPool;

namespace concviz {

class Clock;
class Engine;

// Runs one scenario under one strategy, for the window and the command line alike. Builds the
// run's Trace as events come in, and passes them on in batches so a view can follow live
// without being called 100,000 times.
class Runner : public QObject
{
    Q_OBJECT
public:
    Runner(const Scenario &scenario, const StrategySpec &strategy, ClockKind clock, QObject *parent = nullptr);
    // The same from a plan made beforehand (RunPlan::of with the same scenario, strategy and clock).
    Runner(const Scenario &scenario, const StrategySpec &strategy, ClockKind clock, RunPlan plan, QObject *parent = nullptr);
    // Stops a run still going and waits for it to unwind.
    ~Runner() override;

    void start();
    // The user's Stop: cancels everything; finished() follows once it has unwound.
    void stop();
    bool isRunning() const { return m_running; }
    // Time since the run started, on its own clock; the trace's end once it has finished.
    Micros now() const;
    const Trace &trace() const { return m_trace; }
    // Non-empty when the engine broke; the trace then is what was recorded until then.
    QString internalError() const { return m_internalError; }

Q_SIGNALS:
    // New events since the last batch, in order; the trace already holds them.
    void eventsAvailable(const QList<concviz::TraceEvent> &events);
    void finished();

private:
    void record(const TraceEvent &event);
    void flush();
    void onEngineFinished();

    Scenario m_scenario;
    QList<TaskInstance> m_instances;
    StrategySpec m_strategy;
    ClockKind m_clockKind;
    std::unique_ptr<QThreadPool> m_pool;
    std::unique_ptr<QObject> m_clockObject; // the clock, as the QObject it also is
    Clock *m_clock = nullptr;
    std::unique_ptr<Engine> m_engine;
    Trace m_trace;
    QList<TraceEvent> m_pending;
    QTimer m_flushTimer;
    bool m_running = false;
    bool m_batching = false;
    QString m_internalError;
};

} // namespace concviz
