// Correctness at scale, not speed (bench/ times it): a million virtual tasks end exactly when they
// should and are all counted, a semaphore of a thousand runs them in exact waves, and a hundred
// thousand tasks written as JSON or a Chrome trace read back to the same trace.

#include "testsupport.h"
#include "trace/chrometraceexporter.h"
#include "trace/csvexporter.h"
#include "trace/jsonexporter.h"
#include "trace/tracereader.h"

using namespace concviz;
using namespace concviz::test;

namespace {

// The sanitizers make each task several times larger and slower: they check a tenth of the scale.
#if defined(__SANITIZE_ADDRESS__)
constexpr int scaleDivisor = 10;
#else
constexpr int scaleDivisor = 1;
#endif

Scenario sleeps(int count, int durationMs)
{
    return scenarioFrom(QStringLiteral(R"({"concviz": 1, "tasks": [{"name": "t", "kind": "sleep", "duration_ms": %1, "count": %2}]})")
                            .arg(durationMs)
                            .arg(count)
                            .toUtf8());
}

} // namespace

class TestScale : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void aMillionTasksUnderGatherEndExactlyTogether();
    void aSemaphoreOfAThousandRunsExactWaves();
    void aHundredThousandTasksReadBackFromEveryExport();
};

void TestScale::aMillionTasksUnderGatherEndExactlyTogether()
{
    const int n = 1000000 / scaleDivisor;
    const Trace trace = runOn(ClockKind::Virtual, sleeps(n, 1000), QStringLiteral("gather"));
    QCOMPARE(trace.tasks.size(), n);
    QCOMPARE(trace.makespan(), fromMs(1000));
    qsizetype ok = 0;
    for (const TaskTrace &t : trace.tasks) {
        if (t.outcome == Outcome::Ok && t.start == 0 && t.end == fromMs(1000) && t.attempts.size() == 1)
            ++ok;
    }
    QCOMPARE(ok, n);
    QCOMPARE(trace.tasks.first().name, QStringLiteral("t#1"));
    QCOMPARE(trace.tasks.last().name, QStringLiteral("t#%1").arg(n));
}

void TestScale::aSemaphoreOfAThousandRunsExactWaves()
{
    // 100,000 tasks of 1 s, a thousand at a time: a hundred waves, the k-th thousand in wave k.
    const int n = 100000 / scaleDivisor;
    const Trace trace = runOn(ClockKind::Virtual, sleeps(n, 1000), QStringLiteral("semaphore:1000"));
    QCOMPARE(trace.tasks.size(), n);
    QCOMPARE(trace.makespan(), fromMs(1000.0 * n / 1000));
    for (int i = 0; i < n; i += 997) {
        const TaskTrace &t = trace.tasks[i];
        QCOMPARE(t.outcome, Outcome::Ok);
        QCOMPARE(t.start, fromMs(1000.0 * (i / 1000)));
        QCOMPARE(t.end, t.start + fromMs(1000));
    }
}

void TestScale::aHundredThousandTasksReadBackFromEveryExport()
{
    const int n = 100000 / scaleDivisor;
    const Trace original = runOn(ClockKind::Virtual, sleeps(n, 250), QStringLiteral("semaphore:1000"));
    const QByteArray json = JsonExporter::toJson(original);
    const TraceReadResult fromJson = TraceReader::read(json, QStringLiteral("big.json"));
    QVERIFY2(fromJson.error.isEmpty(), qPrintable(fromJson.error));
    // Written again, it is the same file: every field of every task came back.
    QCOMPARE(JsonExporter::toJson(fromJson.traces.first()), json);

    const TraceReadResult fromChrome = TraceReader::read(ChromeTraceExporter::toJson(original), QStringLiteral("big.trace.json"));
    QVERIFY2(fromChrome.error.isEmpty(), qPrintable(fromChrome.error));
    const Trace &back = fromChrome.traces.first();
    QCOMPARE(back.tasks.size(), n);
    for (qsizetype i = 0; i < n; ++i) {
        const TaskTrace &a = original.tasks[i];
        const TaskTrace &b = back.tasks[i];
        if (b.name != a.name || b.start != a.start || b.end != a.end || b.outcome != a.outcome)
            QFAIL(qPrintable(QStringLiteral("task %1 came back from the Chrome trace as %2 %3–%4").arg(a.name, b.name).arg(b.start).arg(b.end)));
    }

    // The CSV has a line per task after its header, the last one the last task's.
    const QList<QByteArray> lines = CsvExporter::toCsv(original).trimmed().split('\n');
    QCOMPARE(lines.size(), n + 1);
    QVERIFY2(lines.last().startsWith(QStringLiteral("t#%1,").arg(n).toUtf8()), lines.last().constData());
}

QTEST_GUILESS_MAIN(TestScale)
#include "tst_scale.moc"
