// Every strategy and option on the virtual clock, with the exact times asyncio gives; queue runs cut
// short on both clocks.

#include "async/realclock.h"
#include "async/virtualclock.h"
#include "engine/engine.h"
#include "testsupport.h"

#include <QEventLoop>
#include <QTimer>

using namespace concviz;
using namespace concviz::test;

namespace {

QByteArray scenario(const QByteArray &tasks, const QByteArray &options = {})
{
    return "{\"concviz\": 1, \"name\": \"t\", " + options + (options.isEmpty() ? "" : ", ") + "\"tasks\": [" + tasks + "]}";
}

QByteArray sleeps(std::initializer_list<int> durations)
{
    QByteArray out;
    int i = 1;
    for (int d : durations) {
        if (!out.isEmpty())
            out += ", ";
        out += "{\"name\": \"T" + QByteArray::number(i++) + "\", \"kind\": \"sleep\", \"duration_ms\": " + QByteArray::number(d) + "}";
    }
    return out;
}

const QByteArray demo = R"({"name": "A", "kind": "sleep", "duration_ms": 1000},
                           {"name": "B", "kind": "sleep", "duration_ms": 2000},
                           {"name": "C", "kind": "sleep", "duration_ms": 1500})";
const QByteArray oneFails = R"({"name": "A", "kind": "sleep", "duration_ms": 1000},
                               {"name": "B", "kind": "fail", "duration_ms": 500, "error": "boom"},
                               {"name": "C", "kind": "sleep", "duration_ms": 1500})";

struct EndedRun
{
    Trace trace;
    bool finished = false;
};

// A run as Runner does it, with the user's Stop pressed at `stopAtMs` of run time (none when negative),
// exactly on the virtual clock. Gives up after a long wait, so that a run that never ends fails the
// test instead of hanging it.
EndedRun runWithStop(ClockKind clockKind, const Scenario &scenario, const QString &strategyText, double stopAtMs)
{
    std::unique_ptr<QObject> clockObject;
    Clock *clock = nullptr;
    std::unique_ptr<QThreadPool> pool;
    if (clockKind == ClockKind::Real) {
        auto *real = new RealClock;
        clockObject.reset(real);
        clock = real;
        pool = std::make_unique<QThreadPool>();
        pool->setMaxThreadCount(scenario.executorWorkers);
    } else {
        auto *virtualClock = new VirtualClock;
        clockObject.reset(virtualClock);
        clock = virtualClock;
    }
    const QList<TaskInstance> instances = scenario.instances();
    EndedRun run;
    run.trace.tasks.resize(instances.size());
    for (qsizetype i = 0; i < instances.size(); ++i)
        run.trace.tasks[i].name = instances[i].name;
    Engine engine(scenario, instances, strategy(strategyText), *clock, pool.get(), [&run](const TraceEvent &e) { run.trace.apply(e); });
    QEventLoop loop;
    QTimer::singleShot(20000, &loop, &QEventLoop::quit);
    {
        CurrentClockScope scope(clock);
        if (stopAtMs >= 0)
            clock->callAt(clock->now() + fromMs(stopAtMs),
                          [&engine] { engine.stop(MarkerKind::Stopped, QStringLiteral("stopped by the user")); });
        engine.start([&loop] { loop.quit(); });
    }
    if (!engine.isFinished())
        loop.exec();
    run.finished = engine.isFinished();
    if (pool)
        pool->waitForDone();
    return run;
}

// Queue runs cut short while a task is just ending: a failure, a timeout or a blocking task holding
// the loop until the deadline or the Stop is overdue.
const QByteArray failsWhileLoopBlocked = R"({"name": "A", "kind": "sleep", "duration_ms": 100},
                                            {"name": "F", "kind": "fail", "duration_ms": 5},
                                            {"name": "B", "kind": "blocking", "duration_ms": 50})";
const QByteArray timesOutWhileLoopBlocked = R"({"name": "A", "kind": "sleep", "duration_ms": 100},
                                               {"name": "T", "kind": "sleep", "duration_ms": 100, "timeout_ms": 5},
                                               {"name": "B", "kind": "blocking", "duration_ms": 50})";

} // namespace

class TestStrategies : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void tasksStartAndEndWhenAsyncioSaysTheyDo_data();
    void tasksStartAndEndWhenAsyncioSaysTheyDo();
    void theCallerResumesWhereTheLessonSays_data();
    void theCallerResumesWhereTheLessonSays();
    void asCompletedHandsOutResultsInCompletionOrder();
    void aQueueWorkerIsNamedOnEachTask();
    void waitingTimeIsRecordedAsItsOwnPhase();
    void waitingForTheGilIsItsOwnPhase();
    void theCallersStepsAreOnItsRow();
    void aPlainWaitIsRecordedAsAnyTask();
    void cpuWorkTimedOutLeavesItsThreadBusy();
    void aDayOfCpuWorkIsSomeThousandsOfTurns();
    void countExpandsIntoNumberedTasks();
    void statisticsMatchTheRun();
    void aQueueRunCutShortEndsEveryTask_data();
    void aQueueRunCutShortEndsEveryTask();
};

// Expected: "name start end state" separated by commas; start "-" when the body never started.
void TestStrategies::tasksStartAndEndWhenAsyncioSaysTheyDo_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("strategy");
    QTest::addColumn<double>("makespan");
    QTest::addColumn<QString>("expected");

    QTest::newRow("sequential demo") << scenario(demo) << "sequential" << 4500.0 << "A 0 1000 ok, B 1000 3000 ok, C 3000 4500 ok";
    QTest::newRow("gather demo") << scenario(demo) << "gather" << 2000.0 << "A 0 1000 ok, B 0 2000 ok, C 0 1500 ok";
    QTest::newRow("sequential goes on after a failure")
        << scenario(oneFails) << "sequential" << 3000.0 << "A 0 1000 ok, B 1000 1500 failed, C 1500 3000 ok";
    QTest::newRow("gather does not cancel the others")
        << scenario(oneFails) << "gather" << 1500.0 << "A 0 1000 ok, B 0 500 failed, C 0 1500 ok";
    QTest::newRow("gather return_exceptions")
        << scenario(oneFails) << "gather:return_exceptions" << 1500.0 << "A 0 1000 ok, B 0 500 failed, C 0 1500 ok";
    QTest::newRow("task_group cancels the siblings at the failure")
        << scenario(oneFails) << "task_group" << 500.0 << "A 0 500 cancelled, B 0 500 failed, C 0 500 cancelled";
    QTest::newRow("task_group without failure") << scenario(demo) << "task_group" << 2000.0 << "A 0 1000 ok, B 0 2000 ok, C 0 1500 ok";
    QTest::newRow("wait first_completed cancels the pending")
        << scenario(sleeps({300, 100, 200})) << "wait:first_completed" << 100.0 << "T1 0 100 cancelled, T2 0 100 ok, T3 0 100 cancelled";
    QTest::newRow("wait first_exception")
        << scenario(R"({"name": "A", "kind": "sleep", "duration_ms": 300},
                       {"name": "B", "kind": "fail", "duration_ms": 200},
                       {"name": "C", "kind": "sleep", "duration_ms": 100})")
        << "wait:first_exception" << 200.0 << "A 0 200 cancelled, B 0 200 failed, C 0 100 ok";
    QTest::newRow("wait first_exception without one waits for all")
        << scenario(sleeps({300, 100})) << "wait:first_exception" << 300.0 << "T1 0 300 ok, T2 0 100 ok";
    QTest::newRow("wait all_completed waits for every task")
        << scenario(oneFails) << "wait:all_completed" << 1500.0 << "A 0 1000 ok, B 0 500 failed, C 0 1500 ok";
    QTest::newRow("wait returns at its timeout and the pending are cancelled")
        << scenario(oneFails) << "wait:all_completed,timeout=1200" << 1200.0 << "A 0 1000 ok, B 0 500 failed, C 0 1200 cancelled";
    QTest::newRow("wait first_completed with a timeout before any ends")
        << scenario(demo) << "wait:first_completed,timeout=300" << 300.0 << "A 0 300 cancelled, B 0 300 cancelled, C 0 300 cancelled";
    QTest::newRow("a timeout after wait returned changes nothing")
        << scenario(sleeps({300, 100, 200})) << "wait:first_completed,timeout=5000" << 100.0
        << "T1 0 100 cancelled, T2 0 100 ok, T3 0 100 cancelled";
    QTest::newRow("semaphore 3 over 7")
        << scenario(sleeps({100, 300, 200, 100, 100, 200, 300})) << "semaphore:3" << 600.0
        << "T1 0 100 ok, T2 0 300 ok, T3 0 200 ok, T4 100 200 ok, T5 200 300 ok, T6 200 400 ok, T7 300 600 ok";
    QTest::newRow("rate limit 5 per second over 12")
        << scenario(R"({"name": "call", "kind": "sleep", "duration_ms": 100, "count": 12})") << "rate_limit:5/1000" << 2100.0
        << "call#1 0 100 ok, call#5 0 100 ok, call#6 1000 1100 ok, call#10 1000 1100 ok, call#11 2000 2100 ok, call#12 2000 2100 ok";
    QTest::newRow("queue 3 workers")
        << scenario(R"({"name": "job", "kind": "sleep", "duration_ms": 100, "count": 7})") << "queue:3" << 300.0
        << "job#1 0 100 ok, job#3 0 100 ok, job#4 100 200 ok, job#6 100 200 ok, job#7 200 300 ok";
    QTest::newRow("queue with a producer interval")
        << scenario(R"({"name": "job", "kind": "sleep", "duration_ms": 300, "count": 4})") << "queue:2,interval=100" << 700.0
        << "job#1 0 300 ok, job#2 100 400 ok, job#3 300 600 ok, job#4 400 700 ok";
    QTest::newRow("queue with maxsize blocks the producer")
        << scenario(R"({"name": "job", "kind": "sleep", "duration_ms": 100, "count": 3})") << "queue:1,maxsize=1" << 300.0
        << "job#1 0 100 ok, job#2 100 200 ok, job#3 200 300 ok";
    QTest::newRow("batches run one after another")
        << scenario(sleeps({100, 200, 100, 100, 300})) << "batches:2" << 600.0
        << "T1 0 100 ok, T2 0 200 ok, T3 200 300 ok, T4 200 300 ok, T5 300 600 ok";
    QTest::newRow("batches with concurrency")
        << scenario(sleeps({100, 100, 100, 100})) << "batches:3,concurrency=2" << 300.0
        << "T1 0 100 ok, T2 0 100 ok, T3 100 200 ok, T4 200 300 ok";
    QTest::newRow("timeout with retries and backoff")
        << scenario(R"({"name": "slow", "kind": "sleep", "duration_ms": 300, "timeout_ms": 100})",
                    R"("retries": {"max": 2, "backoff_ms": 50})")
        << "gather" << 450.0 << "slow 0 450 timeout";
    QTest::newRow("the scenario timeout applies to every task")
        << scenario(R"({"name": "ok", "kind": "sleep", "duration_ms": 80}, {"name": "slow", "kind": "sleep", "duration_ms": 300})",
                    R"("timeout_ms": 100, "retries": {"max": 1, "backoff_ms": 20})")
        << "gather" << 220.0 << "ok 0 80 ok, slow 0 220 timeout";
    QTest::newRow("timeout starts with the body, not the wait")
        << scenario(sleeps({300, 300}), R"("timeout_ms": 400)") << "semaphore:1" << 600.0 << "T1 0 300 ok, T2 300 600 ok";
    QTest::newRow("deadline cancels what is left")
        << scenario(demo, R"("deadline_ms": 2500)") << "sequential" << 2500.0 << "A 0 1000 ok, B 1000 2500 cancelled, C - 2500 cancelled";
    QTest::newRow("deadline under gather")
        << scenario(demo, R"("deadline_ms": 1200)") << "gather" << 1200.0 << "A 0 1000 ok, B 0 1200 cancelled, C 0 1200 cancelled";
    QTest::newRow("deadline cancels tasks waiting for a permit")
        << scenario(sleeps({500, 500, 500}), R"("deadline_ms": 700)") << "semaphore:2" << 700.0
        << "T1 0 500 ok, T2 0 500 ok, T3 500 700 cancelled";
    QTest::newRow("a blocking task holds up everything on the loop")
        << scenario(R"({"name": "S1", "kind": "sleep", "duration_ms": 500},
                       {"name": "S2", "kind": "sleep", "duration_ms": 500},
                       {"name": "B", "kind": "blocking", "duration_ms": 1000})")
        << "gather" << 1000.0 << "S1 0 1000 ok, S2 0 1000 ok, B 0 1000 ok";
    QTest::newRow("cpu work on the loop as well")
        << scenario(R"({"name": "C", "kind": "cpu", "duration_ms": 1000},
                       {"name": "S", "kind": "sleep", "duration_ms": 500})")
        << "gather" << 1500.0 << "C 0 1000 ok, S 1000 1500 ok";
    QTest::newRow("offloaded blocking work runs beside the loop")
        << scenario(R"({"name": "S1", "kind": "sleep", "duration_ms": 500},
                       {"name": "B", "kind": "blocking", "duration_ms": 1000, "offload": true})")
        << "gather" << 1000.0 << "S1 0 500 ok, B 0 1000 ok";
    QTest::newRow("the executor has executor_workers threads")
        << scenario(R"({"name": "B", "kind": "blocking", "duration_ms": 1000, "offload": true, "count": 3})", R"("executor_workers": 2)")
        << "gather" << 2000.0 << "B#1 0 1000 ok, B#2 0 1000 ok, B#3 0 2000 ok";
    // tasks = [create_task(...)]; <the caller's steps>; await gather(*tasks): tasks start at the
    // caller's first await.
    const QByteArray threeFetches = R"({"name": "F", "kind": "sleep", "duration_ms": 200, "count": 3})";
    QTest::newRow("the caller blocking first delays every start")
        << scenario(threeFetches, R"("caller": [{"kind": "blocking", "duration_ms": 300}, {"kind": "sleep", "duration_ms": 500}])")
        << "gather" << 800.0 << "F#1 300 500 ok, F#3 300 500 ok";
    QTest::newRow("the caller awaiting first lets the tasks run")
        << scenario(threeFetches, R"("caller": [{"kind": "sleep", "duration_ms": 500}])") << "gather" << 500.0 << "F#1 0 200 ok, F#3 0 200 ok";
    QTest::newRow("the caller blocking later holds up the running tasks")
        << scenario(threeFetches, R"("caller": [{"kind": "sleep", "duration_ms": 100}, {"kind": "cpu", "duration_ms": 300}])")
        << "gather" << 400.0 << "F#1 0 400 ok, F#3 0 400 ok";
    QTest::newRow("the caller's steps under a semaphore")
        << scenario(threeFetches, R"("caller": [{"kind": "blocking", "duration_ms": 100}])") << "semaphore:2" << 500.0
        << "F#1 100 300 ok, F#2 100 300 ok, F#3 300 500 ok";
    QTest::newRow("batches pause between batches, not after the last")
        << scenario(sleeps({100, 100, 100, 100, 100})) << "batches:2,pause=50" << 400.0
        << "T1 0 100 ok, T2 0 100 ok, T3 150 250 ok, T4 150 250 ok, T5 300 400 ok";
    // CPython hands the GIL to a waiting thread every 5 ms: three threads computing 250 ms each take
    // turns and all end near 750 ms, where a naive model says 250.
    const QByteArray threeCrunches = R"({"name": "C", "kind": "cpu", "duration_ms": 250, "offload": true, "count": 3})";
    QTest::newRow("CPU work in threads takes turns for the GIL")
        << scenario(threeCrunches) << "gather" << 750.0 << "C#1 0 740 ok, C#2 0 745 ok, C#3 0 750 ok";
    QTest::newRow("under the GIL, threads are no faster than one after another")
        << scenario(threeCrunches) << "sequential" << 750.0 << "C#1 0 250 ok, C#2 250 500 ok, C#3 500 750 ok";
    QTest::newRow("blocking work in threads releases the GIL")
        << scenario(R"({"name": "B", "kind": "blocking", "duration_ms": 250, "offload": true, "count": 3})") << "gather" << 250.0
        << "B#1 0 250 ok, B#3 0 250 ok";
    QTest::newRow("CPU work on the loop shares the GIL with a thread")
        << scenario(R"({"name": "T", "kind": "cpu", "duration_ms": 200, "offload": true},
                       {"name": "L", "kind": "cpu", "duration_ms": 200}, {"name": "S", "kind": "sleep", "duration_ms": 100})")
        << "gather" << 500.0 << "T 0 400 ok, L 0 400 ok, S 400 500 ok";
    QTest::newRow("free-threaded Python computes on every core")
        << scenario(threeCrunches, R"("gil": false, "cores": 3)") << "gather" << 250.0 << "C#1 0 250 ok, C#3 0 250 ok";
    QTest::newRow("free-threaded Python shares two cores among three threads")
        << scenario(threeCrunches, R"("gil": false, "cores": 2)") << "gather" << 375.0 << "C#3 0 375 ok";
    QTest::newRow("processes run side by side, as many as the pool has")
        << scenario(R"({"name": "P", "kind": "cpu", "duration_ms": 300, "offload": true, "count": 4})",
                    R"("executor": "process", "executor_workers": 2, "cores": 8)")
        << "gather" << 600.0 << "P#1 0 300 ok, P#2 0 300 ok, P#3 0 600 ok, P#4 0 600 ok";
    QTest::newRow("processes share the cores when the pool is larger")
        << scenario(R"({"name": "P", "kind": "cpu", "duration_ms": 300, "offload": true, "count": 4})",
                    R"("executor": "process", "executor_workers": 4, "cores": 2)")
        << "gather" << 600.0 << "P#4 0 600 ok";
}

void TestStrategies::tasksStartAndEndWhenAsyncioSaysTheyDo()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, strategy);
    QFETCH(double, makespan);
    QFETCH(QString, expected);
    const Trace trace = runOn(ClockKind::Virtual, scenarioFrom(json), strategy);
    QVERIFY(trace.isFinished());
    QCOMPARE(ms(trace.makespan()), makespan);
    for (const QString &item : expected.split(QLatin1Char(','))) {
        const QStringList f = item.simplified().split(QLatin1Char(' '));
        QCOMPARE(f.size(), 4);
        const TaskTrace &t = task(trace, f[0]);
        const double start = f[1] == QLatin1String("-") ? -1 : f[1].toDouble();
        QCOMPARE(ms(t.start), start);
        QCOMPARE(ms(t.end), f[2].toDouble());
        QCOMPARE(outcomeName(t.outcome), f[3]);
    }
}

void TestStrategies::theCallerResumesWhereTheLessonSays_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("strategy");
    QTest::addColumn<double>("time");
    QTest::addColumn<QString>("label");
    QTest::newRow("gather raises at the first error") << scenario(oneFails) << "gather" << 500.0 << "gather raised: boom";
    QTest::newRow("gather with return_exceptions waits for all")
        << scenario(oneFails) << "gather:return_exceptions" << 1500.0 << "gather returned every result and exception";
    QTest::newRow("task group raises after cancelling") << scenario(oneFails) << "task_group" << 500.0 << "TaskGroup raised ExceptionGroup: boom";
    QTest::newRow("wait returns at the first end") << scenario(sleeps({300, 100, 200})) << "wait:first_completed" << 100.0
                                                   << "wait returned: 1 done, 2 pending cancelled";
    QTest::newRow("a batch's end says how far the run has got")
        << scenario(sleeps({100, 100, 100})) << "batches:2" << 100.0 << "batch 1 of 2 done: 2 of 3";
    QTest::newRow("wait says it timed out") << scenario(oneFails) << "wait:all_completed,timeout=1200" << 1200.0
                                            << "wait timed out after 1200 ms: 2 done, 1 pending cancelled";
    QTest::newRow("the deadline is marked") << scenario(demo, R"("deadline_ms": 2500)") << "sequential" << 2500.0
                                            << "deadline of 2500 ms reached";
}

void TestStrategies::theCallerResumesWhereTheLessonSays()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, strategy);
    QFETCH(double, time);
    QFETCH(QString, label);
    const Trace trace = runOn(ClockKind::Virtual, scenarioFrom(json), strategy);
    QVERIFY(!trace.markers.isEmpty());
    const Marker &m = trace.markers.first();
    QCOMPARE(m.label, label);
    QCOMPARE(ms(m.time), time);
}

void TestStrategies::asCompletedHandsOutResultsInCompletionOrder()
{
    const Trace trace = runOn(ClockKind::Virtual, scenarioFrom(scenario(sleeps({300, 100, 200}))), QStringLiteral("as_completed"));
    QStringList order;
    QList<double> times;
    for (const Marker &m : trace.markers) {
        QCOMPARE(m.kind, MarkerKind::Consumed);
        order << trace.tasks[m.task].name;
        times << ms(m.time);
    }
    QCOMPARE(order, (QStringList{QStringLiteral("T2"), QStringLiteral("T3"), QStringLiteral("T1")}));
    QCOMPARE(times, (QList<double>{100, 200, 300}));
}

void TestStrategies::aQueueWorkerIsNamedOnEachTask()
{
    const Trace trace = runOn(ClockKind::Virtual, scenarioFrom(scenario(sleeps({100, 100, 100}))), QStringLiteral("queue:2"));
    QCOMPARE(task(trace, QStringLiteral("T1")).worker, 1);
    QCOMPARE(task(trace, QStringLiteral("T2")).worker, 2);
    QCOMPARE(task(trace, QStringLiteral("T3")).worker, 1);
}

void TestStrategies::waitingTimeIsRecordedAsItsOwnPhase()
{
    const Trace trace = runOn(ClockKind::Virtual, scenarioFrom(scenario(sleeps({100, 100, 100}))), QStringLiteral("semaphore:1"));
    const TaskTrace &third = task(trace, QStringLiteral("T3"));
    QCOMPARE(third.phases.size(), 1);
    QCOMPARE(third.phases[0].kind, PhaseKind::WaitSemaphore);
    QCOMPARE(ms(third.phases[0].start), 0.0);
    QCOMPARE(ms(third.phases[0].end), 200.0);
    QCOMPARE(ms(third.waitTime()), 200.0);

    const Trace retried = runOn(ClockKind::Virtual,
                                scenarioFrom(scenario(R"({"name": "F", "kind": "fail", "duration_ms": 10})",
                                                      R"("retries": {"max": 2, "backoff_ms": 100})")),
                                QStringLiteral("gather"));
    const TaskTrace &f = task(retried, QStringLiteral("F"));
    QCOMPARE(f.attempts.size(), 3);
    QCOMPARE(ms(f.attempts[1].start), 110.0); // 10 + 100
    QCOMPARE(ms(f.attempts[2].start), 320.0); // 120 + 200
    QCOMPARE(f.phases.size(), 2);
    QCOMPARE(f.phases[1].kind, PhaseKind::Backoff);
    QCOMPARE(f.outcome, Outcome::Failed);
}

void TestStrategies::waitingForTheGilIsItsOwnPhase()
{
    const QByteArray two = R"({"name": "C", "kind": "cpu", "duration_ms": 300, "offload": true, "count": 2})";
    for (const ClockKind clock : {ClockKind::Virtual, ClockKind::Real}) {
        const Trace trace = runOn(clock, scenarioFrom(scenario(two)), QStringLiteral("gather"));
        for (const TaskTrace &t : trace.tasks) {
            Micros gil = 0;
            for (const PhaseSpan &p : t.phases) {
                if (p.kind == PhaseKind::WaitGil)
                    gil += p.end - p.start;
                QVERIFY(p.kind != PhaseKind::WaitCore);
            }
            // Each waits while the other computes: about half of its 600 ms (without the GIL, none).
            // On a real machine busy with something else the whole run stretches, and the waits with
            // it: the bound is what the run leaves once the task's own 300 ms of work are done.
            const double most = clock == ClockKind::Virtual ? 450 : ms(trace.makespan()) - 250;
            QVERIFY2(ms(gil) >= 150 && ms(gil) <= most,
                     qPrintable(clockKindName(clock) + QStringLiteral(": %1 ms of %2").arg(ms(gil)).arg(ms(trace.makespan()))));
        }
        const Statistics stats = Statistics::of(trace);
        QCOMPARE(stats.maxConcurrency, 1); // only one computes at any moment
    }
    // Processes wait for a core instead, once there are more of them than cores.
    const Trace processes = runOn(ClockKind::Virtual, scenarioFrom(scenario(two, R"("executor": "process", "cores": 1)")),
                                  QStringLiteral("gather"));
    QCOMPARE(ms(processes.makespan()), 600.0);
    QCOMPARE(task(processes, QStringLiteral("C#1")).phases.last().kind, PhaseKind::WaitCore);
}

void TestStrategies::theCallersStepsAreOnItsRow()
{
    const Trace trace = runOn(ClockKind::Virtual,
                              scenarioFrom(scenario(R"({"name": "F", "kind": "sleep", "duration_ms": 200})",
                                                    R"("caller": [{"name": "prepare", "kind": "blocking", "duration_ms": 300},
                                                                  {"name": "main work", "kind": "sleep", "duration_ms": 500}])")),
                              QStringLiteral("gather"));
    QCOMPARE(trace.callerSpans.size(), 2);
    QCOMPARE(trace.callerSpans[0].label, QStringLiteral("prepare"));
    QVERIFY(trace.callerSpans[0].holdsLoop);
    QCOMPARE(ms(trace.callerSpans[0].start), 0.0);
    QCOMPARE(ms(trace.callerSpans[0].end), 300.0);
    QCOMPARE(trace.callerSpans[1].label, QStringLiteral("main work"));
    QVERIFY(!trace.callerSpans[1].holdsLoop);
    QCOMPARE(ms(trace.callerSpans[1].end), 800.0);
    // Created at once, started at the caller's first await.
    QCOMPARE(ms(trace.tasks[0].created), 0.0);
    QCOMPARE(ms(trace.tasks[0].start), 300.0);

    const Trace paused = runOn(ClockKind::Virtual, scenarioFrom(scenario(sleeps({100, 100, 100}))), QStringLiteral("batches:1,pause=50"));
    QCOMPARE(paused.callerSpans.size(), 2);
    QCOMPARE(paused.callerSpans[1].label, QStringLiteral("pause 50 ms"));
    QCOMPARE(ms(paused.callerSpans[1].start), 250.0);
}

void TestStrategies::aPlainWaitIsRecordedAsAnyTask()
{
    // A wait with nothing around it runs in a lighter coroutine; a semaphore that never blocks sends
    // the same tasks through the full one. What is recorded must not tell them apart.
    const Scenario s = scenarioFrom(scenario(R"({"name": "A", "kind": "sleep", "duration_ms": 1000},
        {"name": "B", "kind": "fail", "duration_ms": 500, "error": "boom"}, {"name": "C", "kind": "sleep", "duration_ms": 1500},
        {"name": "D", "kind": "blocking", "duration_ms": 200})", R"("deadline_ms": 1200)"));
    for (const ClockKind clock : {ClockKind::Virtual, ClockKind::Real}) {
        const Trace plain = runOn(clock, s, QStringLiteral("gather"));
        const Trace full = runOn(clock, s, QStringLiteral("semaphore:100"));
        QCOMPARE(plain.tasks.size(), full.tasks.size());
        const double slack = clock == ClockKind::Virtual ? 0 : 50;
        for (qsizetype i = 0; i < plain.tasks.size(); ++i) {
            const TaskTrace &a = plain.tasks[i];
            const TaskTrace &b = full.tasks[i];
            QCOMPARE(a.outcome, b.outcome);
            QCOMPARE(a.error, b.error);
            QCOMPARE(a.attempts.size(), b.attempts.size());
            QCOMPARE(a.attempts.first().outcome, b.attempts.first().outcome);
            QCOMPARE(a.attempts.first().error, b.attempts.first().error);
            QVERIFY2(std::abs(ms(a.end) - ms(b.end)) <= slack, qPrintable(a.name + QStringLiteral(": %1 vs %2").arg(ms(a.end)).arg(ms(b.end))));
        }
    }
}

void TestStrategies::cpuWorkTimedOutLeavesItsThreadBusy()
{
    // Four threads share the GIL: each has computed 125 ms at the timeout. wait_for gives up at 500
    // ms, but the threads compute on to the end of their work, as real threads do.
    const Trace trace = runOn(ClockKind::Virtual, scenarioFrom(scenario(R"({"name": "C", "kind": "cpu", "duration_ms": 250, "offload": true, "count": 3},
        {"name": "S", "kind": "cpu", "duration_ms": 400, "offload": true})", R"("timeout_ms": 500)")), QStringLiteral("gather"));
    QCOMPARE(ms(trace.makespan()), 1150.0);
    for (const TaskTrace &t : trace.tasks) {
        QCOMPARE(t.outcome, Outcome::Timeout);
        QCOMPARE(ms(t.end), 500.0);
        QCOMPARE(ms(t.runTime()), 125.0);
        for (const PhaseSpan &p : t.phases)
            QVERIFY2(p.end <= t.end, qPrintable(t.name)); // no wait outside its lane
    }
}

void TestStrategies::aDayOfCpuWorkIsSomeThousandsOfTurns()
{
    // Past ten seconds of work in hand a turn grows beyond 5 ms: the run stays small and exact in sum.
    const Trace trace = runOn(ClockKind::Virtual, scenarioFrom(scenario(R"({"name": "C", "kind": "cpu", "duration_ms": 86400000, "offload": true, "count": 4})",
                                                                       R"("deadline_ms": 86400000)")),
                              QStringLiteral("gather"));
    qsizetype phases = 0;
    for (const TaskTrace &t : trace.tasks)
        phases += t.phases.size();
    QVERIFY2(phases < 10000, QByteArray::number(phases));
    QCOMPARE(Statistics::of(trace).maxConcurrency, 1);
    QCOMPARE(ms(trace.makespan()), 4 * 86400000.0); // the threads finish their work after the deadline
}

void TestStrategies::countExpandsIntoNumberedTasks()
{
    const Trace trace = runOn(ClockKind::Virtual, scenarioFrom(scenario(R"({"name": "job", "kind": "sleep", "duration_ms": 5, "count": 3})")),
                              QStringLiteral("gather"));
    QCOMPARE(trace.tasks.size(), 3);
    QCOMPARE(trace.tasks[2].name, QStringLiteral("job#3"));
}

void TestStrategies::statisticsMatchTheRun()
{
    const Trace trace = runOn(ClockKind::Virtual, scenarioFrom(scenario(oneFails)), QStringLiteral("gather"));
    const Statistics s = Statistics::of(trace);
    QCOMPARE(ms(s.makespan), 1500.0);
    QCOMPARE(ms(s.sum), 3000.0);
    QCOMPARE(s.speedup, 2.0);
    QCOMPARE(s.maxConcurrency, 3);
    QCOMPARE(s.ok, 2);
    QCOMPARE(s.failed, 1);
}

// Expected as above; every task that ends cancelled must say why (`reason`).
void TestStrategies::aQueueRunCutShortEndsEveryTask_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("strategy");
    QTest::addColumn<double>("stopAt");
    QTest::addColumn<double>("makespan");
    QTest::addColumn<QString>("expected");
    QTest::addColumn<QString>("reason");

    const QString deadline = QStringLiteral("deadline of 20 ms reached");
    const QString stopped = QStringLiteral("stopped by the user");
    // The failure and the deadline both fall due while B holds the loop: F failed before the deadline.
    QTest::newRow("deadline while a task fails")
        << scenario(failsWhileLoopBlocked, R"("deadline_ms": 20)") << "queue:3" << -1.0 << 50.0
        << "A 0 50 cancelled, F 0 50 failed, B 0 50 ok" << deadline;
    // The deadline outranks a timeout noticed at the same moment, as in asyncio.
    QTest::newRow("deadline while a task times out")
        << scenario(timesOutWhileLoopBlocked, R"("deadline_ms": 20)") << "queue:3" << -1.0 << 50.0
        << "A 0 50 cancelled, T 0 50 cancelled, B 0 50 ok" << deadline;
    QTest::newRow("deadline while a task times out, with retries left")
        << scenario(timesOutWhileLoopBlocked, R"("deadline_ms": 20, "retries": {"max": 2, "backoff_ms": 10})") << "queue:3" << -1.0
        << 50.0 << "A 0 50 cancelled, T 0 50 cancelled, B 0 50 ok" << deadline;
    QTest::newRow("stop while a task fails")
        << scenario(failsWhileLoopBlocked) << "queue:3" << 20.0 << 50.0 << "A 0 50 cancelled, F 0 50 failed, B 0 50 ok" << stopped;
    QTest::newRow("stop in the middle")
        << scenario(R"({"name": "job", "kind": "sleep", "duration_ms": 100, "count": 5})") << "queue:2" << 150.0 << 150.0
        << "job#1 0 100 ok, job#2 0 100 ok, job#3 100 150 cancelled, job#4 100 150 cancelled, job#5 - 150 cancelled" << stopped;
    // S#1 is taken while B holds the loop, before the overdue deadline fires; S#2 is never taken.
    QTest::newRow("maxsize, deadline while a task fails")
        << scenario(R"({"name": "F", "kind": "fail", "duration_ms": 10},
                       {"name": "B", "kind": "blocking", "duration_ms": 50},
                       {"name": "S", "kind": "sleep", "duration_ms": 100, "count": 2})",
                    R"("deadline_ms": 20)")
        << "queue:2,maxsize=1" << -1.0 << 50.0 << "F 0 50 failed, B 0 50 ok, S#1 50 50 cancelled, S#2 - 50 cancelled" << deadline;
    QTest::newRow("maxsize, deadline while the producer waits for room")
        << scenario(R"({"name": "job", "kind": "sleep", "duration_ms": 100, "count": 4})", R"("deadline_ms": 150)") << "queue:1,maxsize=1"
        << -1.0 << 150.0 << "job#1 0 100 ok, job#2 100 150 cancelled, job#3 - 150 cancelled, job#4 - 150 cancelled"
        << QStringLiteral("deadline of 150 ms reached");
}

void TestStrategies::aQueueRunCutShortEndsEveryTask()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, strategy);
    QFETCH(double, stopAt);
    QFETCH(double, makespan);
    QFETCH(QString, expected);
    QFETCH(QString, reason);
    // Exact times on the virtual clock; on the real one the same ends, whatever the machine's load.
    for (const ClockKind clock : {ClockKind::Virtual, ClockKind::Real}) {
        const EndedRun run = runWithStop(clock, scenarioFrom(json), strategy, stopAt);
        const QByteArray where = clockKindName(clock).toUtf8() + " clock: ";
        QVERIFY2(run.finished, where + "the run never finished");
        QVERIFY(run.trace.isFinished());
        if (clock == ClockKind::Virtual)
            QCOMPARE(ms(run.trace.makespan()), makespan);
        for (const TaskTrace &t : run.trace.tasks) {
            QVERIFY2(t.end >= 0 && t.outcome != Outcome::Pending, where + t.name.toUtf8() + " never ended");
            if (t.outcome == Outcome::Cancelled)
                QVERIFY2(t.error.contains(reason), where + t.name.toUtf8() + ": " + t.error.toUtf8());
        }
        for (const QString &item : expected.split(QLatin1Char(','))) {
            const QStringList f = item.simplified().split(QLatin1Char(' '));
            QCOMPARE(f.size(), 4);
            const TaskTrace &t = task(run.trace, f[0]);
            QVERIFY2(outcomeName(t.outcome) == f[3], where + t.name.toUtf8() + ": " + outcomeName(t.outcome).toUtf8());
            if (clock == ClockKind::Real)
                continue;
            QCOMPARE(ms(t.start), f[1] == QLatin1String("-") ? -1.0 : f[1].toDouble());
            QCOMPARE(ms(t.end), f[2].toDouble());
        }
    }
}

QTEST_GUILESS_MAIN(TestStrategies)
#include "tst_strategies.moc"
