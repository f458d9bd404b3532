// Every strategy ends, whatever cuts a run short: a failure, timeouts, a deadline, retries or the
// user's Stop, on both clocks. Each run must finish within a bound, with every task in a final state.

#include "engine/runner.h"
#include "scenario/strategyregistry.h"
#include "testsupport.h"

#include <QSignalSpy>
#include <QTimer>

#include <iterator>

using namespace concviz;
using namespace concviz::test;

class TestEndings : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void everyStrategyEndsHoweverARunIsCut_data();
    void everyStrategyEndsHoweverARunIsCut();
};

namespace {
// The ways a run is cut short: scenario options, and whether the user presses Stop.
struct Cut
{
    const char *name;
    const char *options;
    bool stop;
};
const Cut cuts[] = {
    {"failure", "", false},
    {"timeouts", R"("timeout_ms": 15,)", false},
    {"deadline", R"("deadline_ms": 30,)", false},
    {"retries", R"("retries": {"max": 2, "backoff_ms": 5},)", false},
    {"stop", "", true},
};
} // namespace

void TestEndings::everyStrategyEndsHoweverARunIsCut_data()
{
    QTest::addColumn<QString>("strategy");
    QTest::addColumn<int>("cut");
    QTest::addColumn<ClockKind>("clock");
    for (const StrategyDefinition *d : StrategyRegistry::all())
        for (const QString &example : d->examples)
            for (int cut = 0; cut < int(std::size(cuts)); ++cut)
                for (ClockKind clock : {ClockKind::Virtual, ClockKind::Real})
                    QTest::addRow("%s, %s, %s clock", qPrintable(example), cuts[cut].name, qPrintable(clockKindName(clock)))
                        << example << cut << clock;
}

void TestEndings::everyStrategyEndsHoweverARunIsCut()
{
    QFETCH(QString, strategy);
    QFETCH(int, cut);
    QFETCH(ClockKind, clock);
    const Scenario s = scenarioFrom(QByteArray(R"({"concviz": 1, )") + cuts[cut].options + R"( "tasks": [
        {"name": "io", "kind": "sleep", "duration_ms": 40, "count": 3},
        {"name": "bad", "kind": "fail", "duration_ms": 20},
        {"name": "hold", "kind": "blocking", "duration_ms": 10},
        {"name": "thread", "kind": "blocking", "duration_ms": 25, "offload": true}]})");
    Runner runner(s, test::strategy(strategy), clock);
    QSignalSpy finished(&runner, &Runner::finished);
    runner.start();
    if (cuts[cut].stop)
        QTimer::singleShot(clock == ClockKind::Real ? 25 : 0, &runner, &Runner::stop);
    QVERIFY2(!finished.isEmpty() || finished.wait(20000), "the run did not end");
    QVERIFY(runner.internalError().isEmpty());
    const Trace &trace = runner.trace();
    QCOMPARE(trace.tasks.size(), 6);
    for (const TaskTrace &t : trace.tasks) {
        QVERIFY2(t.outcome != Outcome::Pending && t.end >= 0, qPrintable(t.name));
        for (const AttemptSpan &a : t.attempts)
            QVERIFY2(a.end >= a.start, qPrintable(t.name));
    }
    // A run this small never comes near the 24-hour limit: whatever ended it, it ended soon.
    QVERIFY(trace.makespan() < fromMs(2000));
}

QTEST_GUILESS_MAIN(TestEndings)
#include "tst_endings.moc"
