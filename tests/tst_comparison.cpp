// The comparison facade both front ends run strategies through: runs one after another, each
// reported, a stop that starts no more, and a restart that never mixes old results into new ones.

#include "engine/comparison.h"
#include "gantt/insights.h"
#include "scenario/examples.h"
#include "testsupport.h"

#include <QSignalSpy>

using namespace concviz;
using namespace concviz::test;

class TestComparison : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void eachStrategyRunsInTurnAndIsReported();
    void stopEndsTheRunAndStartsNoMore();
    void startingAgainDropsTheOldResults();
    void aStopBetweenTwoRunsStartsNoMore();
    void aRealRunIsMeasuredAgainstItsIdeal();
};

namespace {
// Three tasks that would take ten seconds: long enough never to end by themselves in a test.
Scenario slowScenario()
{
    return scenarioFrom(R"({"concviz": 1, "tasks": [{"name": "slow", "kind": "sleep", "duration_ms": 10000, "count": 3}]})");
}
} // namespace

void TestComparison::eachStrategyRunsInTurnAndIsReported()
{
    Comparison comparison;
    QSignalSpy started(&comparison, &Comparison::runStarted);
    QSignalSpy ran(&comparison, &Comparison::runFinished);
    QSignalSpy finished(&comparison, &Comparison::finished);
    comparison.start(builtinDemo(), {strategy(QStringLiteral("sequential")), strategy(QStringLiteral("gather"))}, ClockKind::Virtual);
    QVERIFY(finished.wait(10000));
    QCOMPARE(finished.first().first().toBool(), false);
    QCOMPARE(started.size(), 2);
    QCOMPARE(started[1][1].toString(), QStringLiteral("gather"));
    QCOMPARE(ran.size(), 2);
    QCOMPARE(ran[0][1].value<Trace>().makespan(), fromMs(4500));
    QCOMPARE(ran[1][1].value<Trace>().makespan(), fromMs(2000));
    QCOMPARE(comparison.traces().size(), 2);
    QVERIFY(!comparison.isRunning());
}

void TestComparison::stopEndsTheRunAndStartsNoMore()
{
    Comparison comparison;
    QSignalSpy finished(&comparison, &Comparison::finished);
    comparison.start(slowScenario(), {strategy(QStringLiteral("gather")), strategy(QStringLiteral("sequential"))}, ClockKind::Real);
    QTest::qWait(100);
    comparison.stop();
    QVERIFY(finished.wait(10000));
    QCOMPARE(finished.first().first().toBool(), true);
    const QList<Trace> traces = comparison.traces();
    QCOMPARE(traces.size(), 1); // sequential never started
    for (const TaskTrace &t : traces.first().tasks)
        QCOMPARE(t.outcome, Outcome::Cancelled);
}

void TestComparison::startingAgainDropsTheOldResults()
{
    Comparison comparison;
    QSignalSpy ran(&comparison, &Comparison::runFinished);
    QSignalSpy finished(&comparison, &Comparison::finished);
    comparison.start(slowScenario(), {strategy(QStringLiteral("gather"))}, ClockKind::Real);
    QTest::qWait(50);
    comparison.start(builtinDemo(), {strategy(QStringLiteral("gather"))}, ClockKind::Virtual);
    QVERIFY(finished.wait(10000));
    QTest::qWait(100); // anything the first run still had queued would arrive now
    QCOMPARE(finished.size(), 1);
    QCOMPARE(ran.size(), 1);
    const QList<Trace> traces = comparison.traces();
    QCOMPARE(traces.size(), 1);
    QCOMPARE(traces.first().scenario, QStringLiteral("Async demo"));
    QCOMPARE(traces.first().makespan(), fromMs(2000));
}

void TestComparison::aStopBetweenTwoRunsStartsNoMore()
{
    Comparison comparison;
    QSignalSpy finished(&comparison, &Comparison::finished);
    // The moment the first run has ended, the second is not started yet: a Stop then still counts.
    connect(&comparison, &Comparison::runFinished, &comparison, [&comparison] {
        QVERIFY(comparison.isRunning());
        comparison.stop();
    });
    comparison.start(builtinDemo(), {strategy(QStringLiteral("sequential")), strategy(QStringLiteral("gather"))}, ClockKind::Virtual);
    QVERIFY(finished.wait(10000));
    QCOMPARE(finished.first().first().toBool(), true);
    QCOMPARE(comparison.traces().size(), 1);
    QVERIFY(!comparison.isRunning());
}

void TestComparison::aRealRunIsMeasuredAgainstItsIdeal()
{
    // Each real run is first run on the virtual clock, silently: only the real runs are reported.
    Comparison comparison;
    QSignalSpy started(&comparison, &Comparison::runStarted);
    QSignalSpy finished(&comparison, &Comparison::finished);
    const Scenario demo = scenarioFrom(R"({"concviz": 1, "tasks": [{"name": "A", "kind": "sleep", "duration_ms": 100},
        {"name": "B", "kind": "sleep", "duration_ms": 200}]})");
    comparison.start(demo, {strategy(QStringLiteral("sequential")), strategy(QStringLiteral("gather"))}, ClockKind::Real);
    QVERIFY(finished.wait(10000));
    QCOMPARE(started.size(), 2);
    const QList<Trace> traces = comparison.traces();
    QCOMPARE(traces.size(), 2);
    QCOMPARE(traces[0].clock, ClockKind::Real);
    QCOMPARE(traces[0].ideal, fromMs(300));
    QCOMPARE(traces[1].ideal, fromMs(200));
    // Each task keeps its ideal times, for the outlines beside its real bar: B after A one by one.
    QCOMPARE(traces[0].tasks[1].extras().idealStart, fromMs(100));
    QCOMPARE(traces[0].tasks[1].extras().idealEnd, fromMs(300));
    QCOMPARE(traces[1].tasks[1].extras().idealStart, 0);
    QCOMPARE(traces[1].tasks[1].extras().idealEnd, fromMs(200));
    // The real B cannot end before its ideal.
    QVERIFY(traces[0].tasks[1].end >= traces[0].tasks[1].extras().idealEnd);
    QStringList said;
    for (const Insight &i : insightsOf(traces[1]))
        said << i.text;
    QVERIFY2(said.join(QLatin1Char('\n')).contains(QStringLiteral("against an ideal 200 ms (the virtual clock)")), qPrintable(said.join(QLatin1Char('\n'))));

    // The virtual clock has no ideal of its own to show, nor a run whose URLs it cannot answer.
    QCOMPARE(Comparison::run(demo, {strategy(QStringLiteral("gather"))}, ClockKind::Virtual).value(0).ideal, -1);
    const Scenario elsewhere = scenarioFrom(R"({"concviz": 1, "tasks": [{"kind": "http", "url": "http://127.0.0.1:1/", "timeout_ms": 2000}]})");
    QCOMPARE(Comparison::run(elsewhere, {strategy(QStringLiteral("gather"))}, ClockKind::Real).value(0).ideal, -1);
}

QTEST_GUILESS_MAIN(TestComparison)
#include "tst_comparison.moc"
