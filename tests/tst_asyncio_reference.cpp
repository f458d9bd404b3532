// The reference: the same scenarios run as plain Python asyncio code (asyncio_reference.py) and by
// ConcViz on both clocks must start and end every task at the same times, in the same states.

#include "testsupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTemporaryFile>

using namespace concviz;
using namespace concviz::test;

namespace {

struct Reference
{
    double makespan = 0;
    QList<QJsonObject> tasks;
};

Reference runAsyncio(const QByteArray &json, const QString &strategyText)
{
    const QString python = QStandardPaths::findExecutable(QStringLiteral("python3"));
    if (python.isEmpty())
        qFatal("python3 is needed for the asyncio reference test");
    QTemporaryFile file;
    file.open();
    file.write(json);
    file.flush();
    QProcess process;
    process.start(python, {QStringLiteral(CONCVIZ_SOURCE_DIR "/tests/asyncio_reference.py"), file.fileName(), strategyText});
    if (!process.waitForFinished(30000) || process.exitCode() != 0)
        qFatal("asyncio reference failed: %s", process.readAllStandardError().constData());
    const QJsonObject o = QJsonDocument::fromJson(process.readAllStandardOutput()).object();
    Reference r;
    r.makespan = o.value(QLatin1String("makespan_ms")).toDouble();
    for (const QJsonValue &t : o.value(QLatin1String("tasks")).toArray())
        r.tasks.append(t.toObject());
    return r;
}

// Close enough for two real event loops on a loaded machine, far tighter than any strategy mistake
// (which moves a time by a whole task duration, 50 ms or more here).
bool near(double actual, double expected, double slackMs)
{
    return std::abs(actual - expected) <= slackMs + 0.05 * expected;
}

} // namespace

class TestAsyncioReference : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void concvizMatchesAsyncio_data();
    void concvizMatchesAsyncio();

private:
    QTemporaryDir m_data;
};

void TestAsyncioReference::initTestCase()
{
    // db tasks on the real clock query the demo database, made in a data folder of the test's own.
    QVERIFY(m_data.isValid());
    qputenv("XDG_DATA_HOME", m_data.path().toUtf8());
}

void TestAsyncioReference::concvizMatchesAsyncio_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("strategy");
    // Real CPU work shares the machine with everything else on it: more room on the real clock.
    QTest::addColumn<double>("realSlackMs");
    const QByteArray demo = R"({"concviz": 1, "tasks": [{"name": "A", "kind": "sleep", "duration_ms": 100},
        {"name": "B", "kind": "sleep", "duration_ms": 200}, {"name": "C", "kind": "sleep", "duration_ms": 150}]})";
    const QByteArray oneFails = R"({"concviz": 1, "tasks": [{"name": "A", "kind": "sleep", "duration_ms": 200},
        {"name": "B", "kind": "fail", "duration_ms": 100}, {"name": "C", "kind": "sleep", "duration_ms": 300}]})";
    const QByteArray seven = R"({"concviz": 1, "tasks": [{"kind": "sleep", "duration_ms": 100}, {"kind": "sleep", "duration_ms": 300},
        {"kind": "sleep", "duration_ms": 200}, {"kind": "sleep", "duration_ms": 100}, {"kind": "sleep", "duration_ms": 100},
        {"kind": "sleep", "duration_ms": 200}, {"kind": "sleep", "duration_ms": 300}]})";
    const QByteArray many = R"({"concviz": 1, "tasks": [{"name": "job", "kind": "sleep", "duration_ms": 60, "count": 7}]})";

    QTest::newRow("sequential") << demo << "sequential" << 50.0;
    QTest::newRow("gather") << demo << "gather" << 50.0;
    QTest::newRow("gather with a failure") << oneFails << "gather" << 50.0;
    QTest::newRow("task group") << oneFails << "task_group" << 50.0;
    QTest::newRow("as_completed") << seven << "as_completed" << 50.0;
    QTest::newRow("wait first_completed") << oneFails << "wait:first_completed" << 50.0;
    QTest::newRow("wait first_exception") << oneFails << "wait:first_exception" << 50.0;
    QTest::newRow("wait all_completed with a timeout") << seven << "wait:all_completed,timeout=250" << 50.0;
    QTest::newRow("wait first_exception with a timeout") << oneFails << "wait:first_exception,timeout=50" << 50.0;
    QTest::newRow("semaphore") << seven << "semaphore:3" << 50.0;
    QTest::newRow("rate limit") << many << "rate_limit:3/200" << 50.0;
    QTest::newRow("queue with interval") << many << "queue:2,interval=40" << 50.0;
    QTest::newRow("queue with maxsize") << many << "queue:2,maxsize=1" << 50.0;
    QTest::newRow("batches") << many << "batches:3,concurrency=2" << 50.0;
    QTest::newRow("batches with a pause") << many << "batches:3,pause=80" << 50.0;
    const QByteArray callerWorks = R"({"concviz": 1, "caller": [{"kind": "blocking", "duration_ms": 150}, {"kind": "sleep", "duration_ms": 300},
        {"kind": "blocking", "duration_ms": 100}], "tasks": [{"name": "fetch", "kind": "sleep", "duration_ms": 100, "count": 3},
        {"name": "slow", "kind": "sleep", "duration_ms": 400}]})";
    QTest::newRow("the caller's own work, then gather") << callerWorks << "gather" << 50.0;
    QTest::newRow("the caller's own work under a semaphore") << callerWorks << "semaphore:2" << 50.0;
    QTest::newRow("the caller's own work, then as_completed") << callerWorks << "as_completed" << 50.0;
    QTest::newRow("timeouts and retries")
        << QByteArray(R"({"concviz": 1, "timeout_ms": 100, "retries": {"max": 1, "backoff_ms": 50}, "tasks": [
            {"name": "slow", "kind": "sleep", "duration_ms": 300}, {"name": "quick", "kind": "sleep", "duration_ms": 50},
            {"name": "flaky", "kind": "fail", "duration_ms": 30}]})")
        << "gather" << 50.0;
    QTest::newRow("deadline") << QByteArray(R"({"concviz": 1, "deadline_ms": 250, "tasks": [{"name": "A", "kind": "sleep", "duration_ms": 100},
        {"name": "B", "kind": "sleep", "duration_ms": 200}, {"name": "C", "kind": "sleep", "duration_ms": 150}]})")
                              << "sequential" << 50.0;
    QTest::newRow("blocking the loop") << QByteArray(R"({"concviz": 1, "tasks": [{"name": "tick", "kind": "sleep", "duration_ms": 100, "count": 2},
        {"name": "block", "kind": "blocking", "duration_ms": 300}]})")
                                       << "gather" << 50.0;
    QTest::newRow("offloading to one thread") << QByteArray(R"({"concviz": 1, "executor_workers": 1, "tasks": [
        {"name": "tick", "kind": "sleep", "duration_ms": 100}, {"name": "work", "kind": "blocking", "duration_ms": 150, "offload": true, "count": 2}]})")
                                              << "gather" << 50.0;
    // CPython hands the GIL over every 5 ms: two threads computing 300 ms each both end near 600 ms.
    QTest::newRow("CPU work in threads takes turns for the GIL")
        << QByteArray(R"({"concviz": 1, "tasks": [{"name": "crunch", "kind": "cpu", "duration_ms": 300, "offload": true, "count": 2}]})")
        << "gather" << 100.0;
    QTest::newRow("CPU work on the loop shares the GIL with a thread")
        << QByteArray(R"({"concviz": 1, "tasks": [{"name": "offloaded", "kind": "cpu", "duration_ms": 200, "offload": true},
            {"name": "on the loop", "kind": "cpu", "duration_ms": 200}, {"name": "tick", "kind": "sleep", "duration_ms": 100}]})")
        << "gather" << 100.0;
    // Three connections for five queries, and 150 ms of patience: the fifth would get one at 200 ms.
    QTest::newRow("a database pool with a timeout")
        << QByteArray(R"({"concviz": 1, "db_pool": {"size": 2, "max_overflow": 1, "timeout_ms": 150}, "tasks": [
            {"name": "query", "kind": "db", "duration_ms": 100, "count": 5}]})")
        << "gather:return_exceptions" << 50.0;
    QTest::newRow("a sync database driver blocks the loop")
        << QByteArray(R"({"concviz": 1, "tasks": [{"name": "tick", "kind": "sleep", "duration_ms": 100, "count": 2},
            {"name": "report", "kind": "db", "duration_ms": 300, "driver": "sync"}, {"name": "lookup", "kind": "db", "duration_ms": 100}]})")
        << "gather" << 50.0;
    // Processes computing side by side need two free cores on both sides of the comparison, which a
    // shared machine does not promise: their exact times are checked on the virtual clock
    // (tst_strategies), their endings on the real one (tst_scenario, cpu_processes.json).
}

void TestAsyncioReference::concvizMatchesAsyncio()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, strategy);
    QFETCH(double, realSlackMs);
    const Reference reference = runAsyncio(json, strategy);
    const Scenario scenario = scenarioFrom(json);
    for (const ClockKind clock : {ClockKind::Virtual, ClockKind::Real}) {
        const Trace trace = runOn(clock, scenario, strategy);
        // Rows of real CPU work get their wider room on both clocks: the asyncio run they are held
        // against computed on a machine that may be busy with something else.
        const double slack = clock == ClockKind::Virtual && realSlackMs <= 50 ? 30 : realSlackMs;
        const QByteArray where = clockKindName(clock).toUtf8() + " clock: ";
        QCOMPARE(trace.tasks.size(), reference.tasks.size());
        QVERIFY2(near(ms(trace.makespan()), reference.makespan, slack),
                 where + "makespan " + QByteArray::number(ms(trace.makespan())) + " vs asyncio " + QByteArray::number(reference.makespan));
        for (qsizetype i = 0; i < reference.tasks.size(); ++i) {
            const QJsonObject &r = reference.tasks[i];
            const TaskTrace &t = trace.tasks[i];
            const QByteArray name = where + t.name.toUtf8() + ": ";
            QCOMPARE(t.name, r.value(QLatin1String("name")).toString());
            QVERIFY2(outcomeName(t.outcome) == r.value(QLatin1String("state")).toString(),
                     name + outcomeName(t.outcome).toUtf8() + " vs asyncio " + r.value(QLatin1String("state")).toString().toUtf8());
            const QJsonValue start = r.value(QLatin1String("start_ms"));
            if (start.isNull()) {
                QVERIFY2(t.start < 0, name + "started, but not in asyncio");
            } else {
                QVERIFY2(near(ms(t.start), start.toDouble(), slack),
                         name + "start " + QByteArray::number(ms(t.start)) + " vs asyncio " + QByteArray::number(start.toDouble()));
            }
            const double end = r.value(QLatin1String("end_ms")).toDouble();
            QVERIFY2(near(ms(t.end), end, slack), name + "end " + QByteArray::number(ms(t.end)) + " vs asyncio " + QByteArray::number(end));
        }
    }
}

QTEST_GUILESS_MAIN(TestAsyncioReference)
#include "tst_asyncio_reference.moc"
