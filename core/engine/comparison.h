#pragma once

#include "runner.h"

#include <QObject>
#include <QPointer>

namespace concviz {

// The one way both front ends run strategies: a scenario under one or more strategies, one run
// after another (runs side by side would compete for the same loop and threads and spoil each
// other's times), keeping their traces. The window follows it live through its signals; the
// command line, render and the benchmarks wait for finished(). Results are plain Trace values.
class Comparison : public QObject
{
    Q_OBJECT
public:
    explicit Comparison(QObject *parent = nullptr);
    // Stops a run still going and waits for it to unwind.
    ~Comparison() override;

    // Starts the runs. A comparison still going is stopped first and nothing more is heard of it:
    // its late results are dropped, not mixed into the new one.
    void start(const Scenario &scenario, const QList<StrategySpec> &strategies, ClockKind clock);
    // Stops the run going and starts no more; finished(true) follows once it has unwound.
    void stop();
    // From start() until finished(), the moments between two runs included.
    bool isRunning() const { return m_active; }
    // The finished runs and the one going on, in order.
    QList<Trace> traces() const;
    // Lets go of the finished runs' traces once nothing shows them any more (a new scenario or
    // trace replaced them), so their memory goes back; does nothing while a comparison runs.
    void clear();
    // The live run's time, or -1 when nothing runs.
    Micros now() const;
    int currentRun() const { return m_index; }

    // Runs every strategy to the end on a local event loop (the benchmarks and tests); *internalError
    // says what broke, if anything did.
    static QList<Trace> run(const Scenario &scenario, const QList<StrategySpec> &strategies, ClockKind clock,
                            QString *internalError = nullptr);

Q_SIGNALS:
    void runStarted(int run, const QString &strategy);
    // New events of run `run`, batched; the traces already hold them.
    void eventsAvailable(int run, const QList<concviz::TraceEvent> &events);
    void runFinished(int run, const concviz::Trace &trace);
    // A run broke inside the engine (a programming error, not a task failing by design).
    void failed(int run, const QString &error);
    void finished(bool stopped);

private:
    void startNext(quint64 generation);
    // The run of strategy m_index on the virtual clock first, silently, when a real run can have an
    // ideal to be measured against (idealFor()); then the real one.
    void startIdeal(quint64 generation);
    // The run of strategy m_index, once its plan is made: on another thread when it has many tasks.
    void startRun(quint64 generation);
    void launch(RunPlan plan, quint64 generation);
    // Whether a step queued for this start() may go on: not once a newer start() came, nor once the
    // user stopped (then finished(true) says so).
    bool goesOn(quint64 generation);
    // Whether the virtual clock can tell what the real run would take at best: not with URLs the
    // demo server does not answer, and not for so many tasks that the ideal would cost seconds.
    static bool hasIdeal(const Scenario &scenario);
    // Stops and deletes the run going, if any, without a word from it.
    void dropRunner();

    Scenario m_scenario;
    QList<StrategySpec> m_strategies;
    ClockKind m_clock = ClockKind::Real;
    QList<Trace> m_done;
    QPointer<Runner> m_runner;
    QPointer<Runner> m_idealRunner;
    Micros m_ideal = -1; // the virtual clock's makespan of the strategy running now
    QList<std::pair<Micros, Micros>> m_idealTimes; // and each of its tasks' start and end there
    quint64 m_generation = 0; // which start() the queued steps belong to
    int m_index = -1;
    bool m_active = false;
    bool m_stopped = false;
};

} // namespace concviz
