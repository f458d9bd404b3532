// Playback: the state of a run at any instant and the events to step between, checked against the
// virtual clock's exact times for a semaphore, a queue, a database pool, as_completed and a blocked loop.

#include "engine/pythonprogram.h"
#include "gantt/runevents.h"
#include "gantt/runstate.h"
#include "testsupport.h"

using namespace concviz;
using namespace concviz::test;

namespace {

Trace run(const QByteArray &json, const QString &strategyText)
{
    return runOn(ClockKind::Virtual, scenarioFrom(json), strategyText);
}

QStringList names(const Trace &trace, const QList<int> &tasks)
{
    QStringList out;
    for (int t : tasks)
        out << trace.tasks[t].name;
    return out;
}

QStringList names(const Trace &trace, const QList<RunState::TaskAt> &tasks)
{
    QStringList out;
    for (const RunState::TaskAt &t : tasks)
        out << trace.tasks[t.task].name;
    return out;
}

QStringList list(std::initializer_list<const char *> texts)
{
    QStringList out;
    for (const char *t : texts)
        out << QString::fromUtf8(t);
    return out;
}

const QByteArray fiveOfOneSecond = R"({"concviz": 1, "name": "five", "tasks": [
    {"name": "A", "kind": "sleep", "duration_ms": 1000}, {"name": "B", "kind": "sleep", "duration_ms": 1000},
    {"name": "C", "kind": "sleep", "duration_ms": 1000}, {"name": "D", "kind": "sleep", "duration_ms": 1000},
    {"name": "E", "kind": "sleep", "duration_ms": 1000}]})";

} // namespace

class TestPlayback : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void aSemaphoreSaysWhoHoldsItsPermits();
    void stepsGoForwardAndBackBetweenInstants();
    void aQueueSaysWhatWaitsInItAndWhichWorkerHasWhat();
    void aDatabasePoolSaysWhichConnectionsAreBusy();
    void asCompletedSaysHowManyResultsTheCallerHasTaken();
    void aBlockedLoopSaysWhoHoldsIt();
    void theCallersOwnStepIsWhereTheCallerIs();
    void longListsAreCutWithACount();
    void theCodePanelFindsTheCallersLine_data();
    void theCodePanelFindsTheCallersLine();
};

void TestPlayback::aSemaphoreSaysWhoHoldsItsPermits()
{
    const Trace trace = run(fiveOfOneSecond, QStringLiteral("semaphore:2"));
    const RunState mid = RunState::at(trace, 1500000);
    QCOMPARE(mid.permits.capacity, 2);
    QCOMPARE(names(trace, mid.permits.holders), list({"C", "D"}));
    QCOMPARE(names(trace, mid.running), list({"C", "D"}));
    QCOMPARE(names(trace, mid.waiting), list({"E"}));
    QCOMPARE(mid.waiting.first().detail, QStringLiteral("waiting for a semaphore permit"));
    QCOMPARE(names(trace, mid.done), list({"A", "B"}));
    // At the instant A and B end, their permits are already C's and D's.
    const RunState handover = RunState::at(trace, 1000000);
    QCOMPARE(names(trace, handover.permits.holders), list({"C", "D"}));
    QCOMPARE(names(trace, handover.done), list({"A", "B"}));
    const RunState after = RunState::at(trace, 3000000);
    QVERIFY(after.over);
    QCOMPARE(after.done.size(), 5);
    QVERIFY(after.permits.holders.isEmpty());

    const RunEvents events(trace);
    const QString atOne = events.textAt(1000000, 10);
    QVERIFY2(atOne.contains(QStringLiteral("A done in 1.000 s")), qPrintable(atOne));
    QVERIFY2(atOne.contains(QStringLiteral("C acquired a permit (1 of 2 in use)")), qPrintable(atOne));
    QVERIFY2(atOne.contains(QStringLiteral("D acquired a permit (2 of 2 in use)")), qPrintable(atOne));
    QVERIFY2(events.textAt(0, 10).contains(QStringLiteral("E waits for a permit (2 of 2 in use)")), qPrintable(events.textAt(0, 10)));
}

void TestPlayback::stepsGoForwardAndBackBetweenInstants()
{
    const Trace trace = run(fiveOfOneSecond, QStringLiteral("semaphore:2"));
    const RunEvents events(trace);
    QList<Micros> forward;
    for (Micros t = 0; t >= 0; t = events.nextAfter(t))
        forward << t;
    QCOMPARE(forward, QList<Micros>({0, 1000000, 2000000, 3000000}));
    QList<Micros> back;
    for (Micros t = 3000000; t >= 0; t = events.previousBefore(t))
        back << t;
    QCOMPARE(back, QList<Micros>({3000000, 2000000, 1000000, 0}));
    // From between two instants, each way goes to the nearest.
    QCOMPARE(events.nextAfter(1500000), 2000000);
    QCOMPARE(events.previousBefore(1500000), 1000000);
    QCOMPARE(events.nextAfter(3000000), -1);
    QVERIFY(events.textAt(1500000).isEmpty());
    // Many at once: the first few named, the rest counted.
    QVERIFY2(events.textAt(3000000, 1).endsWith(QStringLiteral("; and 2 more")), qPrintable(events.textAt(3000000, 1)));
    QVERIFY2(events.textAt(3000000).contains(QStringLiteral("the run ended after 3.000 s")), qPrintable(events.textAt(3000000)));
}

void TestPlayback::aQueueSaysWhatWaitsInItAndWhichWorkerHasWhat()
{
    const QByteArray json = R"({"concviz": 1, "name": "queue", "tasks": [
        {"name": "A", "kind": "sleep", "duration_ms": 1000}, {"name": "B", "kind": "sleep", "duration_ms": 1000},
        {"name": "C", "kind": "sleep", "duration_ms": 1000}, {"name": "D", "kind": "sleep", "duration_ms": 500}]})";
    const Trace trace = run(json, QStringLiteral("queue:2"));
    const RunState early = RunState::at(trace, 500000);
    QCOMPARE(names(trace, early.queue), list({"C", "D"}));
    QCOMPARE(names(trace, early.workers), list({"A", "B"}));
    QCOMPARE(early.workers.first().detail, QStringLiteral("worker 1"));
    QCOMPARE(early.waiting.first().detail, QStringLiteral("waiting in the queue for a worker"));
    const RunState later = RunState::at(trace, 1200000);
    QVERIFY(later.queue.isEmpty());
    QCOMPARE(names(trace, later.workers), list({"C", "D"}));
    const RunEvents events(trace);
    QVERIFY2(events.textAt(1000000, 10).contains(QStringLiteral("worker 1 took C from the queue and started it")),
             qPrintable(events.textAt(1000000, 10)));
    QVERIFY2(events.textAt(0, 10).contains(QStringLiteral("D was put on the queue (2 waiting)")), qPrintable(events.textAt(0, 10)));
    const RunState::Section queueSection = RunState::at(trace, 500000).sections(trace).at(3);
    QCOMPARE(queueSection.title, QStringLiteral("Queue: 2 waiting"));
    QCOMPARE(queueSection.lines, list({"C", "D"}));
}

void TestPlayback::aDatabasePoolSaysWhichConnectionsAreBusy()
{
    const QByteArray json = R"({"concviz": 1, "name": "pool", "db_pool": {"size": 2, "max_overflow": 1},
        "tasks": [{"name": "q", "kind": "db", "duration_ms": 400, "count": 5}]})";
    const Trace trace = run(json, QStringLiteral("gather"));
    const RunState busy = RunState::at(trace, 200000);
    QVERIFY(busy.database.applies);
    QCOMPARE(busy.database.capacity, 3);
    QCOMPARE(names(trace, busy.database.holders), list({"q#1", "q#2", "q#3"}));
    QCOMPARE(names(trace, busy.waiting), list({"q#4", "q#5"}));
    QCOMPARE(busy.waiting.first().detail, QStringLiteral("waiting for a database connection"));
    const RunState second = RunState::at(trace, 400000);
    QCOMPARE(names(trace, second.database.holders), list({"q#4", "q#5"}));
    QVERIFY2(RunEvents(trace).textAt(400000, 10).contains(QStringLiteral("q#4 got a database connection")),
             qPrintable(RunEvents(trace).textAt(400000, 10)));
    QCOMPARE(RunState::at(trace, 800000).database.holders.size(), 0);
}

void TestPlayback::asCompletedSaysHowManyResultsTheCallerHasTaken()
{
    const QByteArray json = R"({"concviz": 1, "name": "ac", "tasks": [
        {"name": "slow", "kind": "sleep", "duration_ms": 300}, {"name": "fast", "kind": "sleep", "duration_ms": 100},
        {"name": "middle", "kind": "sleep", "duration_ms": 200}]})";
    const Trace trace = run(json, QStringLiteral("as_completed"));
    QVERIFY2(RunState::at(trace, 150000).caller.contains(QStringLiteral("has taken 1 of 3 results")), qPrintable(RunState::at(trace, 150000).caller));
    QVERIFY(RunState::at(trace, 250000).caller.contains(QStringLiteral("has taken 2 of 3 results")));
    QVERIFY2(RunState::at(trace, 50000).caller.startsWith(QStringLiteral("awaits the tasks (as_completed)")), qPrintable(RunState::at(trace, 50000).caller));
    const RunEvents events(trace);
    QVERIFY2(events.textAt(100000, 10).contains(QStringLiteral("the caller took fast's result (#1)")), qPrintable(events.textAt(100000, 10)));
    QCOMPARE(names(trace, RunState::at(trace, 250000).done), list({"fast", "middle"}));
}

void TestPlayback::aBlockedLoopSaysWhoHoldsIt()
{
    const QByteArray json = R"({"concviz": 1, "name": "blocked", "tasks": [
        {"name": "tick", "kind": "sleep", "duration_ms": 100}, {"name": "report", "kind": "blocking", "duration_ms": 500}]})";
    const Trace trace = run(json, QStringLiteral("gather"));
    const RunState s = RunState::at(trace, 300000);
    QVERIFY2(s.loop.startsWith(QStringLiteral("busy: report holds it")), qPrintable(s.loop));
    // tick's sleep ended at 100 ms, but it cannot go on until the loop is free.
    QCOMPARE(names(trace, s.waiting), list({"tick"}));
    QCOMPARE(s.waiting.first().detail, QStringLiteral("ready, but the event loop was blocked"));
    QVERIFY(RunState::at(trace, 500000).loop.startsWith(QStringLiteral("closed")) || !RunState::at(trace, 500000).loop.startsWith(QStringLiteral("busy")));
    QVERIFY2(RunEvents(trace).textAt(500000, 10).contains(QStringLiteral("report let go of the event loop")), qPrintable(RunEvents(trace).textAt(500000, 10)));
}

void TestPlayback::theCallersOwnStepIsWhereTheCallerIs()
{
    const QByteArray json = R"({"concviz": 1, "name": "caller", "caller": [{"name": "load config", "kind": "blocking", "duration_ms": 300}],
        "tasks": [{"name": "A", "kind": "sleep", "duration_ms": 1000}]})";
    const Trace trace = run(json, QStringLiteral("gather"));
    const RunState s = RunState::at(trace, 100000);
    QCOMPARE(s.callerSpan, 0);
    QVERIFY2(s.caller.startsWith(QStringLiteral("load config: holds the loop")), qPrintable(s.caller));
    QVERIFY2(s.loop.contains(QStringLiteral("the caller's load config holds it")), qPrintable(s.loop));
    QCOMPARE(s.waiting.first().detail, QStringLiteral("created, waiting to start"));
    QCOMPARE(RunState::at(trace, 400000).callerSpan, -1);
    QCOMPARE(names(trace, RunState::at(trace, 400000).running), list({"A"}));
}

void TestPlayback::longListsAreCutWithACount()
{
    const QByteArray json = R"({"concviz": 1, "name": "many", "tasks": [{"name": "t", "kind": "sleep", "duration_ms": 100, "count": 40}]})";
    const Trace trace = run(json, QStringLiteral("gather"));
    const QList<RunState::Section> sections = RunState::at(trace, 50000).sections(trace, 5);
    const auto running = std::find_if(sections.begin(), sections.end(), [](const RunState::Section &s) { return s.title.startsWith(QStringLiteral("Running")); });
    QVERIFY(running != sections.end());
    QCOMPARE(running->title, QStringLiteral("Running (40)"));
    // Tasks doing the same share a line.
    QCOMPARE(running->lines, list({"t#1, t#2, t#3, t#4, t#5", "… and 35 more"}));
    const RunState done = RunState::at(trace, 100000);
    QCOMPARE(done.sections(trace, 2).last().lines, list({"✓ done at 100 ms: t#1, t#2", "… and 38 more"}));
}

void TestPlayback::theCodePanelFindsTheCallersLine_data()
{
    QTest::addColumn<QString>("strategy");
    QTest::addColumn<QString>("step");
    QTest::addColumn<QString>("line");
    QTest::newRow("gather") << "gather" << "" << "await asyncio.gather(*tasks)";
    QTest::newRow("semaphore: not the await inside limited()") << "semaphore:2" << "" << "await asyncio.gather(*tasks, return_exceptions=True)";
    QTest::newRow("as_completed") << "as_completed" << "" << "await next_done";
    QTest::newRow("queue: the join, after the puts") << "queue:2" << "" << "await queue.join()";
    QTest::newRow("task_group") << "task_group" << "" << "async with asyncio.TaskGroup() as group:";
    QTest::newRow("the caller's blocking step") << "gather" << "load config" << "time.sleep(0.3)";
    QTest::newRow("a pause between batches") << "batches:1,pause=100" << "pause 100 ms" << "await asyncio.sleep(0.1)";
}

void TestPlayback::theCodePanelFindsTheCallersLine()
{
    QFETCH(QString, strategy);
    QFETCH(QString, step);
    QFETCH(QString, line);
    const Scenario scenario = scenarioFrom(R"({"concviz": 1, "name": "code", "caller": [{"name": "load config", "kind": "blocking", "duration_ms": 300}],
        "tasks": [{"name": "A", "kind": "sleep", "duration_ms": 1000}, {"name": "B", "kind": "sleep", "duration_ms": 500}]})");
    const QString code = PythonProgram(scenario, test::strategy(strategy)).essentials();
    const int at = PythonProgram::callerLine(code, step);
    QVERIFY2(at >= 0, qPrintable(code));
    QVERIFY2(code.split(u'\n').at(at).contains(line), qPrintable(code.split(u'\n').at(at)));
}

QTEST_GUILESS_MAIN(TestPlayback)
#include "tst_playback.moc"
