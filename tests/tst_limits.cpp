// Bounded times and safe output: retries that cannot run past a day, schedules that cannot fit
// refused up front, runs that end at the 24-hour limit, inputs too large refused early, and text
// from a file that cannot drive a terminal.

#include "gantt/terminalgantt.h"
#include "scenario/scenariovalidator.h"
#include "scenario/scenariowriter.h"
#include "testsupport.h"
#include "trace/exportformat.h"
#include "trace/safetext.h"

#include <QProcess>
#include <QTemporaryDir>

#ifdef Q_OS_UNIX
#include <csignal>
#include <sys/types.h>
#endif

using namespace concviz;
using namespace concviz::test;

class TestLimits : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void retriesBackOffNoLongerThanTheirCap();
    void waitsThatCannotFitInADayAreRefused();
    void aScheduleThatCannotFitInADayIsRefused_data();
    void aScheduleThatCannotFitInADayIsRefused();
    void aRunEndsAtTwentyFourHours();
    void aHugeFileIsRefusedBeforeItIsParsed();
    void tooManyTasksAreRefusedWhileReading();
    void aQueueMakesNoMoreWorkersThanTasks();
    void controlCharactersFromAFileReachNoTerminal();
    void terminationSignalsStopARunLikeCtrlC_data();
    void terminationSignalsStopARunLikeCtrlC();
};

namespace {
ScenarioReadResult read(const QByteArray &json)
{
    return ScenarioReader::read(json, QStringLiteral("f.json"));
}
} // namespace

void TestLimits::retriesBackOffNoLongerThanTheirCap()
{
    // 1 ms doubling: 1, 2, 4 ... 32768 ms, then every wait is the 60 s cap.
    const Scenario s = scenarioFrom(R"({"concviz": 1, "retries": {"max": 30, "backoff_ms": 1},
        "tasks": [{"name": "flaky", "kind": "fail", "duration_ms": 0}]})");
    QCOMPARE(s.retries.maxBackoffMs, 60000.0);
    const Trace trace = runOn(ClockKind::Virtual, s, QStringLiteral("gather"));
    const TaskTrace &t = task(trace, QStringLiteral("flaky"));
    QCOMPARE(t.attempts.size(), 31);
    QCOMPARE(ms(t.attempts[16].start - t.attempts[15].end), 32768.0);
    QCOMPARE(ms(t.attempts[17].start - t.attempts[16].end), 60000.0);
    QCOMPARE(ms(t.attempts[30].start - t.attempts[29].end), 60000.0);
    QCOMPARE(ms(trace.makespan()), 65535.0 + 14 * 60000.0);

    // The cap is written back only when it is not the default, and read again.
    Scenario capped = s;
    capped.retries.maxBackoffMs = 500;
    const QByteArray saved = ScenarioWriter::toJson(capped);
    QVERIFY(saved.contains(R"("retries": {"max": 30, "backoff_ms": 1, "max_backoff_ms": 500})"));
    QCOMPARE(*read(saved).scenario, capped);
    QVERIFY(!ScenarioWriter::toJson(s).contains("max_backoff_ms"));
}

void TestLimits::waitsThatCannotFitInADayAreRefused()
{
    // A day's backoff, uncapped, for 100 retries: once attempts came 1 ms apart at 9e15 ms.
    const ScenarioReadResult r = read(R"({"concviz": 1, "retries": {"max": 100, "backoff_ms": 86400000, "max_backoff_ms": 86400000},
        "tasks": [{"kind": "fail", "duration_ms": 1}]})");
    QVERIFY(!r.scenario);
    QCOMPARE(r.errors.size(), 1);
    QVERIFY2(r.errors.first().startsWith(QStringLiteral("f.json: retries: the waits between 101 attempts add up to 2400.0 hours")),
             qPrintable(r.errors.first()));
    // The editor refuses the same scenario with the same words.
    Scenario s = scenarioFrom(R"({"concviz": 1, "tasks": [{"kind": "fail", "duration_ms": 1}]})");
    s.retries = {100, 86400000, 86400000};
    QVERIFY(ScenarioValidator::problems(s).value(0).startsWith(QStringLiteral("retries: the waits between 101 attempts")));
}

void TestLimits::aScheduleThatCannotFitInADayIsRefused_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("error");
    QTest::newRow("one call a day for 5,000 tasks")
        << QByteArray(R"({"concviz": 1, "strategy": "rate_limit:1/86400000", "tasks": [{"kind": "sleep", "duration_ms": 1, "count": 5000}]})")
        << "f.json: strategy: the last of 5000 tasks would start after 4999 days, past the 24 hours a run may take";
    QTest::newRow("a slow producer in the compare list")
        << QByteArray(R"({"concviz": 1, "compare": ["gather", "queue:2,interval=60000"], "tasks": [{"kind": "sleep", "duration_ms": 1, "count": 1500}]})")
        << "f.json: compare[1]: the last of 1500 tasks would start after 25.0 hours, past the 24 hours a run may take";
}

void TestLimits::aScheduleThatCannotFitInADayIsRefused()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, error);
    QCOMPARE(read(json).errors, QStringList{error});
}

void TestLimits::aRunEndsAtTwentyFourHours()
{
    // Thirty hours of work one after another: the run stops at the limit and says why.
    const Scenario s = scenarioFrom(R"({"concviz": 1, "tasks": [{"name": "hour", "kind": "sleep", "duration_ms": 3600000, "count": 30}]})");
    const Trace trace = runOn(ClockKind::Virtual, s, QStringLiteral("sequential"));
    QCOMPARE(ms(trace.makespan()), 24 * 3600000.0);
    QCOMPARE(task(trace, QStringLiteral("hour#23")).outcome, Outcome::Ok);
    // The limit, set when the run began, comes before the sleep that ends at the same instant.
    const TaskTrace &cut = task(trace, QStringLiteral("hour#24"));
    QCOMPARE(cut.outcome, Outcome::Cancelled);
    QCOMPARE(cut.error, QStringLiteral("the run reached 24 hours, the longest a run may take"));
    QCOMPARE(task(trace, QStringLiteral("hour#30")).outcome, Outcome::Cancelled);
}

void TestLimits::aHugeFileIsRefusedBeforeItIsParsed()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("huge.json"));
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    QVERIFY(f.resize(ScenarioReader::maxFileBytes + 1));
    f.close();
    const ScenarioReadResult r = ScenarioReader::readFile(path);
    QVERIFY(!r.scenario);
    QCOMPARE(r.errors, QStringList{path + QStringLiteral(": 64 MiB is larger than a scenario file may be (64 MiB)")});
}

void TestLimits::tooManyTasksAreRefusedWhileReading()
{
    // Three entries of 600,000: reading stops at the second, which passes the limit.
    const ScenarioReadResult r = read(R"({"concviz": 1, "tasks": [{"kind": "sleep", "duration_ms": 1, "count": 600000},
        {"kind": "sleep", "duration_ms": 1, "count": 600000}, {"kind": "nap"}]})");
    QCOMPARE(r.errors, QStringList{QStringLiteral("f.json: tasks: more than 1000000 tasks after count is expanded "
                                                  "(the first 2 entries hold 1200000)")});
}

void TestLimits::aQueueMakesNoMoreWorkersThanTasks()
{
    const Scenario s = scenarioFrom(R"({"concviz": 1, "tasks": [{"name": "one", "kind": "sleep", "duration_ms": 10}]})");
    const Trace trace = runOn(ClockKind::Virtual, s, QStringLiteral("queue:1000000"));
    QCOMPARE(task(trace, QStringLiteral("one")).outcome, Outcome::Ok);
    QCOMPARE(task(trace, QStringLiteral("one")).worker, 1);
    QCOMPARE(ms(trace.makespan()), 10.0);
}

void TestLimits::controlCharactersFromAFileReachNoTerminal()
{
    // A name that would retitle the terminal and clear it, and an error that rings its bell.
    const Scenario s = scenarioFrom(R"({"concviz": 1, "name": "demo\u001b[2J", "tasks": [
        {"name": "\u001b]0;PWNED\u0007\u001b[2J", "kind": "fail", "duration_ms": 5, "error": "bad\u0007\r\nline"}]})");
    const Trace trace = runOn(ClockKind::Virtual, s, QStringLiteral("gather"));
    const QString chart = TerminalGantt::render(trace, {});
    QVERIFY2(!chart.contains(QChar(0x1b)) && !chart.contains(QChar(0x07)) && !chart.contains(QLatin1Char('\r')), qPrintable(chart));
    QVERIFY(chart.contains(QStringLiteral("\\x1b]0;PWNED\\x07")));
    QVERIFY(chart.contains(QStringLiteral("bad\\x07\\x0d\\x0aline")));
    QVERIFY(chart.startsWith(QStringLiteral("demo\\x1b[2J · gather")));
    const QByteArray csv = exportTrace(trace, ExportFormat::Csv);
    QVERIFY(!csv.contains('\x1b') && !csv.contains('\x07'));
    // JSON keeps the exact text, escaped the JSON way.
    QVERIFY(exportTrace(trace, ExportFormat::Json).contains("\\u001b]0;PWNED\\u0007"));
    QCOMPARE(escapeControls(QStringLiteral("two\nlines\x7f"), true), QStringLiteral("two\nlines\\x7f"));

    // The command line's messages too: validate quotes the bad kind it was given.
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("bad.json"));
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(R"({"concviz": 1, "tasks": [{"kind": "\u001b[2Jwarp"}]})");
    f.close();
    QProcess p;
    p.start(QStringLiteral(CONCVIZ_BINARY), {QStringLiteral("validate"), path});
    QVERIFY(p.waitForFinished(30000));
    QCOMPARE(p.exitCode(), 2);
    const QByteArray err = p.readAllStandardError();
    QVERIFY2(!err.contains('\x1b') && err.contains("unknown kind \"\\x1b[2Jwarp\""), err.constData());
}

void TestLimits::terminationSignalsStopARunLikeCtrlC_data()
{
#ifdef Q_OS_UNIX
    QTest::addColumn<int>("signal");
    QTest::addColumn<QString>("words");
    QTest::newRow("SIGTERM") << int(SIGTERM) << "terminated (SIGTERM)";
    QTest::newRow("SIGHUP") << int(SIGHUP) << "hung up (SIGHUP)";
#endif
}

void TestLimits::terminationSignalsStopARunLikeCtrlC()
{
#ifdef Q_OS_UNIX
    QFETCH(int, signal);
    QFETCH(QString, words);
    QTemporaryDir dir;
    const QString out = dir.filePath(QStringLiteral("trace.json"));
    QProcess p;
    p.start(QStringLiteral(CONCVIZ_BINARY), {QStringLiteral("run"), QStringLiteral(CONCVIZ_SOURCE_DIR "/resources/scenarios/cooking.json"),
                                             QStringLiteral("--format"), QStringLiteral("json"), QStringLiteral("-o"), out});
    QVERIFY(p.waitForStarted());
    QTest::qWait(700);
    ::kill(static_cast<pid_t>(p.processId()), signal);
    QVERIFY(p.waitForFinished(10000));
    QCOMPARE(p.exitStatus(), QProcess::NormalExit);
    QCOMPARE(p.exitCode(), 128 + signal);
    // What ran until then is in the file, and the message says so.
    QFile f(out);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QVERIFY(f.readAll().contains("\"stopped by the user"));
    const QString err = QString::fromUtf8(p.readAllStandardError());
    QVERIFY2(err.contains(QStringLiteral("concviz: %1; what ran until then is in %2").arg(words, out)), qPrintable(err));
#else
    QSKIP("sending a termination signal to another process is done here with POSIX signals");
#endif
}

QTEST_GUILESS_MAIN(TestLimits)
#include "tst_limits.moc"
