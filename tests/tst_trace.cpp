// The trace and what reads it: statistics, JSON, CSV, Chrome trace, the terminal chart.
// (Quotes inside the JSON below are written \u0022: the moc cannot read escaped quotes in raw strings.)

#include "engine/openedfile.h"
#include "engine/tracescenario.h"
#include "scenario/examples.h"
#include "scenario/scenariovalidator.h"
#include "testsupport.h"
#include "trace/chrometraceexporter.h"
#include "trace/csvexporter.h"
#include "gantt/finishorder.h"
#include "gantt/ganttmodel.h"
#include "gantt/insights.h"
#include "gantt/runstate.h"
#include "gantt/speedcomparison.h"
#include "gantt/terminalgantt.h"
#include "trace/timeformat.h"
#include "trace/exportformat.h"
#include "trace/jsonexporter.h"
#include "trace/tracereader.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QTemporaryDir>

using namespace concviz;
using namespace concviz::test;

namespace {

Trace run(const QByteArray &json, const QString &strategyText)
{
    return runOn(ClockKind::Virtual, scenarioFrom(json), strategyText);
}

const QByteArray withFailureAndDeadline = R"({"concviz": 1, "name": "mixed", "deadline_ms": 2500, "tasks": [
    {"name": "A", "kind": "sleep", "duration_ms": 1000},
    {"name": "B, the flaky one", "kind": "fail", "duration_ms": 500, "error": "boom, \u0022quoted\u0022"},
    {"name": "C", "kind": "sleep", "duration_ms": 1500},
    {"name": "D", "kind": "sleep", "duration_ms": 1500}]})";

} // namespace

class TestTrace : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void oneAfterAnotherNeverOverlaps();
    void waitsAreMeasuredFromCreationToStart();
    void jsonHasEveryFieldInMilliseconds();
    void csvHasOneRowPerAttempt();
    void chromeTraceGivesEachTaskItsOwnLane();
    void theTerminalChartPutsBarsWhereTheTimesAre();
    void theTerminalChartFoldsManyTasks();
    void theComparisonSharesOneAxis();
    void jsonKeepsAnyNameIntact();
    void insightsSayWhatHeldARunUp_data();
    void insightsSayWhatHeldARunUp();
    void comparisonsNeverMislead_data();
    void comparisonsNeverMislead();
    void longTimesReadInHours();
    void exportsAreChosenByFormatNameAndFileName_data();
    void exportsAreChosenByFormatNameAndFileName();
    void aGuessedFinishOrderIsHeldBesideTheRealOne();
    void aWrittenTraceReadsBackTheSame();
    void aBrokenTraceSaysWhatAndWhere_data();
    void aBrokenTraceSaysWhatAndWhere();
    void aChromeTraceOpensWithALanePerThreadAndAsyncId();
    void aRecordedProgramsWaitsAreWaitsAndItsTasksAScenario();
    void aTraceOfCountedTasksIsTheirCountAgain();
    void aFileIsReadAsWhatItSaysItIs();
};

void TestTrace::oneAfterAnotherNeverOverlaps()
{
    const Statistics s = Statistics::of(runOn(ClockKind::Virtual, builtinDemo(), QStringLiteral("sequential")));
    QCOMPARE(s.maxConcurrency, 1);
    QCOMPARE(s.speedup, 1.0);
    const Statistics g = Statistics::of(runOn(ClockKind::Virtual, builtinDemo(), QStringLiteral("gather")));
    QCOMPARE(g.maxConcurrency, 3);
    QCOMPARE(g.speedup, 2.25);
    QCOMPARE(ms(g.longestTask), 2000.0);
    // 3 running from 0, 2 from 1 s, 1 from 1.5 s, none from 2 s.
    QCOMPARE(g.profile.size(), 4);
    QCOMPARE(g.profile[0].running, 3);
    QCOMPARE(ms(g.profile[1].time), 1000.0);
    QCOMPARE(g.profile[1].running, 2);
    QCOMPARE(ms(g.profile[3].time), 2000.0);
    QCOMPARE(g.profile[3].running, 0);
}

void TestTrace::waitsAreMeasuredFromCreationToStart()
{
    // Ten tasks of 100 ms, two at a time: waits of 0,0,100,100,...,400,400 ms.
    const Statistics s = Statistics::of(
        run(R"({"concviz": 1, "tasks": [{"kind": "sleep", "duration_ms": 100, "count": 10}]})", QStringLiteral("semaphore:2")));
    QCOMPARE(ms(s.meanWait), 200.0);
    QCOMPARE(ms(s.p95Wait), 400.0);
    QCOMPARE(s.maxConcurrency, 2);
}

void TestTrace::jsonHasEveryFieldInMilliseconds()
{
    const Trace trace = run(withFailureAndDeadline, QStringLiteral("sequential"));
    const QJsonObject o = QJsonDocument::fromJson(JsonExporter::toJson(trace)).object();
    QCOMPARE(o.value(QLatin1String("scenario")).toString(), QStringLiteral("mixed"));
    QCOMPARE(o.value(QLatin1String("strategy")).toString(), QStringLiteral("sequential"));
    QCOMPARE(o.value(QLatin1String("clock")).toString(), QStringLiteral("virtual"));
    QCOMPARE(o.value(QLatin1String("makespan_ms")).toDouble(), 2500.0);
    const QJsonObject stats = o.value(QLatin1String("stats")).toObject();
    for (const char *key : {"sum_ms", "speedup", "max_concurrency", "ok", "failed", "timeout", "cancelled"})
        QVERIFY2(stats.contains(QLatin1String(key)), key);
    QCOMPARE(stats.value(QLatin1String("sum_ms")).toDouble(), 2500.0);
    QCOMPARE(stats.value(QLatin1String("ok")).toInt(), 1);
    QCOMPARE(stats.value(QLatin1String("failed")).toInt(), 1);
    QCOMPARE(stats.value(QLatin1String("cancelled")).toInt(), 2);
    const QJsonArray tasks = o.value(QLatin1String("tasks")).toArray();
    QCOMPARE(tasks.size(), 4);
    const QJsonObject b = tasks[1].toObject();
    QCOMPARE(b.value(QLatin1String("name")).toString(), QStringLiteral("B, the flaky one"));
    QCOMPARE(b.value(QLatin1String("state")).toString(), QStringLiteral("failed"));
    QCOMPARE(b.value(QLatin1String("created_ms")).toDouble(), 1000.0);
    QCOMPARE(b.value(QLatin1String("start_ms")).toDouble(), 1000.0);
    QCOMPARE(b.value(QLatin1String("end_ms")).toDouble(), 1500.0);
    QCOMPARE(b.value(QLatin1String("attempts")).toInt(), 1);
    QCOMPARE(b.value(QLatin1String("error")).toString(), QStringLiteral("boom, \"quoted\""));
    const QJsonObject d = tasks[3].toObject();
    QVERIFY(d.value(QLatin1String("start_ms")).isNull()); // never started
    QCOMPARE(d.value(QLatin1String("state")).toString(), QStringLiteral("cancelled"));
    QCOMPARE(d.value(QLatin1String("error")).toString(), QStringLiteral("not started: deadline of 2500 ms reached"));
}

void TestTrace::csvHasOneRowPerAttempt()
{
    const Trace trace = run(R"({"concviz": 1, "retries": {"max": 1, "backoff_ms": 100}, "tasks": [
        {"name": "ok", "kind": "sleep", "duration_ms": 50},
        {"name": "bad, really", "kind": "fail", "duration_ms": 10, "error": "said \u0022no\u0022"}]})",
                            QStringLiteral("gather"));
    const QStringList lines = QString::fromUtf8(CsvExporter::toCsv(trace)).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 4);
    QCOMPARE(lines[0], QStringLiteral("task,attempt,state,created_ms,start_ms,end_ms,duration_ms,wait_ms,worker,error"));
    QCOMPARE(lines[1], QStringLiteral("ok,1,ok,0,0,50,50,0,,"));
    QCOMPARE(lines[2], QStringLiteral("\"bad, really\",1,failed,0,0,10,10,0,,\"said \"\"no\"\"\""));
    QCOMPARE(lines[3], QStringLiteral("\"bad, really\",2,failed,0,110,120,10,,,\"said \"\"no\"\"\""));
}

void TestTrace::chromeTraceGivesEachTaskItsOwnLane()
{
    const Trace trace = run(R"({"concviz": 1, "name": "lanes", "tasks": [{"name": "r", "kind": "sleep", "duration_ms": 100, "count": 6}]})",
                            QStringLiteral("semaphore:2"));
    const QJsonDocument doc = QJsonDocument::fromJson(ChromeTraceExporter::toJson(trace));
    QVERIFY(doc.isObject());
    const QJsonArray events = doc.object().value(QLatin1String("traceEvents")).toArray();
    QMap<int, QString> threadNames;
    QMap<int, QList<std::pair<double, double>>> slices;
    bool processNamed = false;
    for (const QJsonValue &v : events) {
        const QJsonObject e = v.toObject();
        const QString ph = e.value(QLatin1String("ph")).toString();
        const int tid = e.value(QLatin1String("tid")).toInt();
        if (ph == QLatin1String("M") && e.value(QLatin1String("name")).toString() == QLatin1String("thread_name"))
            threadNames[tid] = e.value(QLatin1String("args")).toObject().value(QLatin1String("name")).toString();
        if (ph == QLatin1String("M") && e.value(QLatin1String("name")).toString() == QLatin1String("process_name"))
            processNamed = true;
        if (ph == QLatin1String("X"))
            slices[tid].append({e.value(QLatin1String("ts")).toDouble(), e.value(QLatin1String("dur")).toDouble()});
    }
    QVERIFY(processNamed);
    QCOMPARE(threadNames.size(), 6);
    QCOMPARE(threadNames.value(6), QStringLiteral("r#6"));
    // Within a lane, slices follow each other (waiting, then running) and never overlap.
    for (auto it = slices.begin(); it != slices.end(); ++it) {
        auto list = it.value();
        std::sort(list.begin(), list.end());
        for (qsizetype i = 1; i < list.size(); ++i)
            QVERIFY(list[i].first >= list[i - 1].first + list[i - 1].second);
    }
    QCOMPARE(slices.value(6).size(), 2); // a wait for the semaphore, then the body
    QCOMPARE(slices.value(6).last().first, 200000.0); // microseconds
}

void TestTrace::theTerminalChartPutsBarsWhereTheTimesAre()
{
    TerminalGantt::Options options;
    options.width = 45; // 100 ms per character for 4.5 s
    const QString text = TerminalGantt::render(runOn(ClockKind::Virtual, builtinDemo(), QStringLiteral("sequential")), options);
    const QStringList lines = text.split(QLatin1Char('\n'));
    auto row = [&](const QString &name) {
        for (const QString &l : lines)
            if (l.startsWith(name + QLatin1Char(' ')))
                return l.mid(9, 45); // label column: "running" + 2
        return QString();
    };
    const QString full(QChar(0x2588));
    QCOMPARE(row(QStringLiteral("A")), full.repeated(10) + QString(35, QLatin1Char(' ')));
    QCOMPARE(row(QStringLiteral("B")), QString(10, QLatin1Char(' ')) + full.repeated(20) + QString(15, QLatin1Char(' ')));
    QCOMPARE(row(QStringLiteral("C")), QString(30, QLatin1Char(' ')) + full.repeated(15));
    QVERIFY(text.contains(QStringLiteral("makespan 4.500 s · work 4.500 s · speedup 1.00× · max 1 running · 3 ok")));
}

void TestTrace::theTerminalChartFoldsManyTasks()
{
    TerminalGantt::Options options;
    options.maxLanes = 10;
    const QString text = TerminalGantt::render(
        run(R"({"concviz": 1, "tasks": [{"name": "n", "kind": "sleep", "duration_ms": 10, "count": 100}]})", QStringLiteral("gather")),
        options);
    QVERIFY(text.contains(QStringLiteral("n#10 ")));
    QVERIFY(!text.contains(QStringLiteral("n#11 ")));
    QVERIFY(text.contains(QStringLiteral("… 90 more tasks not drawn")));
    QVERIFY(text.contains(QStringLiteral("max 100")));
}

void TestTrace::theComparisonSharesOneAxis()
{
    TerminalGantt::Options options;
    options.width = 45;
    const QList<Trace> traces{runOn(ClockKind::Virtual, builtinDemo(), QStringLiteral("sequential")),
                              runOn(ClockKind::Virtual, builtinDemo(), QStringLiteral("gather"))};
    const QString text = TerminalGantt::renderComparison(traces, options);
    QVERIFY(text.contains(QStringLiteral("sequential  4.500 s      1.00×")));
    QVERIFY(text.contains(QStringLiteral("gather      2.000 s      2.25×    2.25× faster")));
    // In the gather chart, B (2 s) fills 20 of the 45 characters of the shared 4.5 s axis.
    const qsizetype gatherChart = text.indexOf(QStringLiteral("── gather"));
    const qsizetype bRow = text.indexOf(QStringLiteral("\nB "), gatherChart);
    QCOMPARE(text.mid(bRow + 1 + 9, 21), QString(QChar(0x2588)).repeated(20) + QLatin1Char(' '));
}

void TestTrace::jsonKeepsAnyNameIntact()
{
    // Names come from strangers' files: quotes, backslashes, control characters and any script.
    const QString name = QStringLiteral("a \"b\" \\ c\n\t\u0001 é 漢 🙂");
    Scenario s = scenarioFrom(R"({"concviz": 1, "tasks": [{"kind": "sleep", "duration_ms": 1.5}]})");
    s.tasks[0].name = name;
    s.name = name;
    const Trace trace = runOn(ClockKind::Virtual, s, QStringLiteral("gather"));
    QJsonParseError error;
    const QJsonObject o = QJsonDocument::fromJson(JsonExporter::toJson(trace), &error).object();
    QCOMPARE(error.error, QJsonParseError::NoError);
    QCOMPARE(o.value(QLatin1String("scenario")).toString(), name);
    const QJsonObject task = o.value(QLatin1String("tasks")).toArray().first().toObject();
    QCOMPARE(task.value(QLatin1String("name")).toString(), name);
    QCOMPARE(task.value(QLatin1String("end_ms")).toDouble(), 1.5);
    QVERIFY(task.value(QLatin1String("error")).isNull());
}

void TestTrace::insightsSayWhatHeldARunUp_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("strategy");
    QTest::addColumn<QString>("says"); // empty: nothing to say
    const QByteArray oneFails = R"({"concviz": 1, "tasks": [{"name": "A", "kind": "sleep", "duration_ms": 1000},
        {"name": "B", "kind": "fail", "duration_ms": 500, "error": "boom"}, {"name": "C", "kind": "sleep", "duration_ms": 1500}]})";
    QTest::newRow("nothing held it up") << QByteArray(R"({"concviz": 1, "tasks": [{"kind": "sleep", "duration_ms": 100, "count": 3}]})")
                                        << "gather" << "";
    QTest::newRow("a blocking call on the loop")
        << QByteArray(R"({"concviz": 1, "tasks": [{"name": "tick", "kind": "sleep", "duration_ms": 100, "count": 2},
            {"name": "report", "kind": "blocking", "duration_ms": 1000}]})")
        << "gather" << "report blocked the event loop for 1.000 s while 2 tasks were ready and could not go on (tick#1 and tick#2)";
    QTest::newRow("the caller blocking before its first await")
        << QByteArray(R"({"concviz": 1, "caller": [{"name": "prepare", "kind": "blocking", "duration_ms": 300}],
            "tasks": [{"name": "A", "kind": "sleep", "duration_ms": 100}, {"name": "B", "kind": "sleep", "duration_ms": 200}]})")
        << "gather" << "the caller's prepare held the event loop for 300 ms right after creating the tasks: A and B could only start at 300 ms";
    QTest::newRow("gather raising") << oneFails << "gather"
                                    << "gather raised at 500 ms when B failed, while A and C ran on: the caller lost their results";
    QTest::newRow("a TaskGroup cancelling") << oneFails << "task_group" << "B failed at 500 ms and the TaskGroup cancelled A and C";
    QTest::newRow("a timeout shorter than the work")
        << QByteArray(R"({"concviz": 1, "timeout_ms": 100, "retries": {"max": 2}, "tasks": [{"name": "slow", "kind": "sleep", "duration_ms": 300}]})")
        << "gather" << "every attempt of slow timed out (3 attempts)";
    QTest::newRow("threads taking turns for the GIL")
        << QByteArray(R"({"concviz": 1, "tasks": [{"kind": "cpu", "duration_ms": 100, "offload": true, "count": 2}]})") << "gather"
        << "2 tasks of CPU work took turns for the GIL";
    QTest::newRow("a semaphore setting the pace")
        << QByteArray(R"({"concviz": 1, "tasks": [{"kind": "sleep", "duration_ms": 100, "count": 9}]})") << "semaphore:3"
        << "that limit set the pace (3 at once)";
    QTest::newRow("a sync database driver on the loop")
        << QByteArray(R"({"concviz": 1, "tasks": [{"name": "tick", "kind": "sleep", "duration_ms": 100},
            {"name": "report", "kind": "db", "duration_ms": 500, "driver": "sync"}]})")
        << "gather" << "report blocked the event loop for 500 ms while 1 task was ready and could not go on (tick): use an async driver";
    QTest::newRow("a connection pool setting the pace")
        << QByteArray(R"({"concviz": 1, "db_pool": {"size": 1, "max_overflow": 1}, "tasks": [{"kind": "db", "duration_ms": 100, "count": 6}]})")
        << "gather" << "for a database connection from the pool: that limit set the pace (2 connections at once)";
    QTest::newRow("a connection pool timing out")
        << QByteArray(R"({"concviz": 1, "db_pool": {"size": 1, "max_overflow": 0, "timeout_ms": 150}, "tasks": [
            {"name": "A", "kind": "db", "duration_ms": 100}, {"name": "B", "kind": "db", "duration_ms": 100}, {"name": "C", "kind": "db", "duration_ms": 100}]})")
        << "gather:return_exceptions" << "C gave up after waiting 150 ms for a database connection: the pool's one connection was busy";
    QTest::newRow("a semaphore that never made anyone wait")
        << QByteArray(R"({"concviz": 1, "tasks": [{"kind": "sleep", "duration_ms": 100, "count": 3}]})") << "semaphore:3" << "";
}

void TestTrace::insightsSayWhatHeldARunUp()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, strategy);
    QFETCH(QString, says);
    const Trace trace = runOn(ClockKind::Virtual, scenarioFrom(json), strategy);
    const QList<Insight> insights = insightsOf(trace);
    QStringList texts;
    for (const Insight &i : insights)
        texts << i.text;
    if (says.isEmpty()) {
        QVERIFY2(insights.isEmpty(), qPrintable(texts.join(QLatin1Char('\n'))));
        return;
    }
    QVERIFY2(texts.join(QLatin1Char('\n')).contains(says), qPrintable(texts.join(QLatin1Char('\n'))));
    for (const Insight &i : insights)
        QVERIFY(!i.tasks.isEmpty());
    // The terminal prints them under the chart.
    QVERIFY(TerminalGantt::render(trace, {}).contains(QStringLiteral("  • ") + insights.first().text));
}

void TestTrace::comparisonsNeverMislead_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("first");
    QTest::addColumn<QString>("second");
    QTest::addColumn<QString>("says");
    const QByteArray oneFails = R"({"concviz": 1, "tasks": [{"name": "A", "kind": "sleep", "duration_ms": 1000},
        {"name": "B", "kind": "fail", "duration_ms": 500}, {"name": "C", "kind": "sleep", "duration_ms": 1500}]})";
    QTest::newRow("faster") << oneFails << "sequential" << "gather" << "2.00× faster";
    QTest::newRow("equal makespans") << QByteArray(R"({"concviz": 1, "tasks": [{"kind": "cpu", "duration_ms": 300, "offload": true, "count": 2}]})")
                                     << "sequential" << "gather" << "the same";
    QTest::newRow("a TaskGroup cut short by a failure") << oneFails << "sequential" << "task_group" << "cut short: 2 of 3 cancelled";
    QTest::newRow("against a run cut short") << oneFails << "task_group" << "gather" << "the first run was cut short";
    QTest::newRow("runs of no time") << QByteArray(R"({"concviz": 1, "tasks": [{"kind": "sleep", "duration_ms": 0, "count": 2}]})")
                                     << "sequential" << "gather" << "";
}

void TestTrace::comparisonsNeverMislead()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, first);
    QFETCH(QString, second);
    QFETCH(QString, says);
    const Scenario scenario = scenarioFrom(json);
    const QList<Trace> traces{runOn(ClockKind::Virtual, scenario, first), runOn(ClockKind::Virtual, scenario, second)};
    QCOMPARE(runComparison(Statistics::of(traces[0]), Statistics::of(traces[1])), says);
    const QString text = TerminalGantt::renderComparison(traces, {});
    QVERIFY2(!text.contains(QStringLiteral("0.00×")) && !text.contains(QStringLiteral("inf")) && !text.contains(QStringLiteral("1.00× faster")),
             qPrintable(text));
    if (!says.isEmpty())
        QVERIFY2(text.contains(says), qPrintable(text));
}

void TestTrace::longTimesReadInHours()
{
    QCOMPARE(humanDuration(fromMs(950)), QStringLiteral("950 ms"));
    QCOMPARE(humanDuration(fromMs(100000)), QStringLiteral("1 min 40.0 s"));
    QCOMPARE(humanDuration(fromMs(3 * 3600000.0 + 12 * 60000.0 + 5400)), QStringLiteral("3 h 12 min 5 s"));
}

void TestTrace::exportsAreChosenByFormatNameAndFileName_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("format");
    QTest::addColumn<QByteArray>("startsWith");
    QTest::newRow("runs.json") << "runs.json" << "json" << QByteArray("{\n  \"scenario\": ");
    QTest::newRow("RUNS.CSV") << "RUNS.CSV" << "csv" << QByteArray("task,");
    QTest::newRow("perfetto.trace.json") << "perfetto.trace.json" << "chrome-trace" << QByteArray("{");
}

void TestTrace::exportsAreChosenByFormatNameAndFileName()
{
    QFETCH(QString, path);
    QFETCH(QString, format);
    QFETCH(QByteArray, startsWith);
    const ExportFormat byPath = exportFormatForPath(path);
    QCOMPARE(exportFormatName(byPath), format);
    QCOMPARE(exportFormatFromName(format), std::optional<ExportFormat>(byPath));
    const QList<Trace> runs{runOn(ClockKind::Virtual, builtinDemo(), QStringLiteral("sequential")),
                            runOn(ClockKind::Virtual, builtinDemo(), QStringLiteral("gather"))};
    const QByteArray data = exportRuns(runs, QStringLiteral("Async demo"), byPath);
    QVERIFY2(data.startsWith(startsWith), data.left(40).constData());
    if (byPath == ExportFormat::Json) {
        const QJsonObject o = QJsonDocument::fromJson(data).object();
        QCOMPARE(o.value(QLatin1String("scenario")).toString(), QStringLiteral("Async demo"));
        QCOMPARE(o.value(QLatin1String("runs")).toArray().size(), 2);
    } else {
        // One-run formats hold the last run: gather, whose B ends at 2 s.
        QCOMPARE(data, exportTrace(runs.last(), byPath));
    }
    QVERIFY(!exportFormatFromName(QStringLiteral("yaml")));
}

void TestTrace::aGuessedFinishOrderIsHeldBesideTheRealOne()
{
    // A 1 s, B 2 s, C 1.5 s, D 1 s, gathered: A and D end together at 1 s and share the first place.
    const Trace trace = run(R"({"concviz": 1, "name": "order", "tasks": [
        {"name": "A", "kind": "sleep", "duration_ms": 1000}, {"name": "B", "kind": "sleep", "duration_ms": 2000},
        {"name": "C", "kind": "sleep", "duration_ms": 1500}, {"name": "D", "kind": "sleep", "duration_ms": 1000}]})",
                            QStringLiteral("gather"));
    const FinishOrder order(trace, {QStringLiteral("D"), QStringLiteral("B"), QStringLiteral("A"), QStringLiteral("nobody")});
    QCOMPARE(order.placeOf(0), 1);
    QCOMPARE(order.placeOf(3), 1);
    QCOMPARE(order.placeOf(2), 3);
    QCOMPARE(order.placeOf(1), 4);
    QCOMPARE(order.guessedPlaceOf(3), 1);
    QCOMPARE(order.guessedPlaceOf(2), 0); // C was left out
    QVERIFY(order.isRight(3));            // D first: it shares the first place with A
    QVERIFY(!order.isRight(1));           // B second: it was last
    QVERIFY(!order.isRight(0));           // A third: it was first
    QCOMPARE(order.guessed(), 3);
    QCOMPARE(order.right(), 1);
    QCOMPARE(order.summary(), QStringLiteral("1 of 3 in their place; first to finish: A, D (you said D)"));
    QVERIFY(FinishOrder(trace, {}).summary().isEmpty());
}

void TestTrace::aWrittenTraceReadsBackTheSame()
{
    // Every field the JSON writes comes back: tasks, attempts, phases, markers, the caller's steps.
    const QByteArray json = R"({"concviz": 1, "name": "back", "retries": {"max": 1, "backoff_ms": 100},
        "caller": [{"name": "load", "kind": "blocking", "duration_ms": 50}],
        "tasks": [{"name": "A, \u0022quoted\u0022", "kind": "sleep", "duration_ms": 1000},
                  {"name": "B", "kind": "fail", "duration_ms": 300, "error": "boom"},
                  {"name": "C", "kind": "sleep", "duration_ms": 200}]})";
    const Trace original = run(json, QStringLiteral("semaphore:2"));
    const TraceReadResult read = TraceReader::read(JsonExporter::toJson(original), QStringLiteral("back.json"));
    QVERIFY2(read.error.isEmpty(), qPrintable(read.error));
    QCOMPARE(read.traces.size(), 1);
    const Trace &back = read.traces.first();
    QCOMPARE(back.strategy, original.strategy);
    QCOMPARE(back.clock, ClockKind::Virtual);
    QCOMPARE(back.concurrencyLimit, 2); // the state at an instant counts permits of 2 again
    QCOMPARE(back.makespan(), original.makespan());
    QCOMPARE(back.tasks.size(), original.tasks.size());
    for (qsizetype i = 0; i < back.tasks.size(); ++i) {
        const TaskTrace &a = original.tasks[i];
        const TaskTrace &b = back.tasks[i];
        QCOMPARE(b.name, a.name);
        QCOMPARE(b.outcome, a.outcome);
        QCOMPARE(b.error, a.error);
        QCOMPARE(b.created, a.created);
        QCOMPARE(b.start, a.start);
        QCOMPARE(b.end, a.end);
        QCOMPARE(b.attempts.size(), a.attempts.size());
        QCOMPARE(b.phases.size(), a.phases.size());
        for (qsizetype p = 0; p < b.phases.size(); ++p) {
            QCOMPARE(b.phases[p].kind, a.phases[p].kind);
            QCOMPARE(b.phases[p].start, a.phases[p].start);
            QCOMPARE(b.phases[p].end, a.phases[p].end);
        }
    }
    QCOMPARE(back.markers.size(), original.markers.size());
    QCOMPARE(back.callerSpans.size(), 1);
    QVERIFY(back.callerSpans.first().holdsLoop);
    // Written again, it is the same file: nothing was lost or changed on the way.
    QCOMPARE(JsonExporter::toJson(back), JsonExporter::toJson(original));
    // A comparison's file gives each run.
    const Trace gathered = run(json, QStringLiteral("gather"));
    const TraceReadResult both = TraceReader::read(JsonExporter::toJson({original, gathered}, QStringLiteral("back")), QStringLiteral("c.json"));
    QCOMPARE(both.traces.size(), 2);
    QCOMPARE(both.traces[1].strategy, QStringLiteral("gather"));
    // What an exported Python program prints: times only, one attempt each, read as a real run.
    const TraceReadResult python = TraceReader::read(R"({"scenario": "s", "strategy": "gather", "clock": "asyncio", "makespan_ms": 1000.5,
        "tasks": [{"name": "A", "state": "ok", "start_ms": 0.25, "end_ms": 1000.5, "attempts": 1, "error": null}]})", QStringLiteral("py.json"));
    QVERIFY2(python.error.isEmpty(), qPrintable(python.error));
    QCOMPARE(python.traces.first().clock, ClockKind::Real);
    QCOMPARE(python.traces.first().tasks.first().start, 250);
    QCOMPARE(python.traces.first().tasks.first().attempts.size(), 1);
    QCOMPARE(python.traces.first().tasks.first().created, 250);
}

void TestTrace::aBrokenTraceSaysWhatAndWhere_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("message");
    const QByteArray task = R"({"name": "A", "state": "ok", "start_ms": 0, "end_ms": 10})";
    auto runWith = [](const QByteArray &tasks) { return QByteArray(R"({"strategy": "gather", "makespan_ms": 10, "tasks": [)") + tasks + "]}"; };
    QTest::newRow("not JSON") << QByteArray("{\n\"strategy\": ") << "t.json:2: not JSON";
    QTest::newRow("a number") << QByteArray("3") << "t.json:1: not JSON";
    QTest::newRow("an empty list of events") << QByteArray("[]") << "t.json: traceEvents: holds no slice, instant or async event to show";
    QTest::newRow("no tasks") << QByteArray(R"({"strategy": "gather", "makespan_ms": 1})") << "t.json: tasks: is missing";
    QTest::newRow("no makespan") << QByteArray(R"({"strategy": "gather", "tasks": []})") << "t.json: makespan_ms: is missing";
    QTest::newRow("a still-running run") << QByteArray(R"({"strategy": "gather", "makespan_ms": null, "tasks": []})")
                                         << "t.json: makespan_ms: must be milliseconds, not null";
    QTest::newRow("a state") << runWith(R"({"name": "A", "state": "fine", "start_ms": 0, "end_ms": 1})")
                             << "t.json: tasks[0].state: must be pending, ok, failed, timeout or cancelled, not \"fine\"";
    QTest::newRow("negative time") << runWith(task + R"(, {"name": "B", "state": "ok", "start_ms": -1, "end_ms": 1})")
                                   << "t.json: tasks[1].start_ms: must be milliseconds from 0 to a year";
    QTest::newRow("text for a time") << runWith(R"({"name": "A", "state": "ok", "start_ms": "0", "end_ms": 1})")
                                     << "t.json: tasks[0].start_ms: must be milliseconds";
    QTest::newRow("backwards") << runWith(R"({"name": "A", "state": "ok", "start_ms": 5, "end_ms": 1})")
                               << "t.json: tasks[0].end_ms: is before start_ms";
    QTest::newRow("after the end") << runWith(R"({"name": "A", "state": "ok", "start_ms": 0, "end_ms": 11})")
                                   << "t.json: tasks[0].end_ms: is after the run's makespan_ms";
    QTest::newRow("an unknown phase") << runWith(R"({"name": "A", "state": "ok", "start_ms": 0, "end_ms": 10, "phases": [{"phase": "nap", "start_ms": 0, "end_ms": 1}]})")
                                      << "t.json: tasks[0].phases[0].phase: is no phase ConcViz knows: \"nap\"";
    QTest::newRow("a lone surrogate") << runWith(R"({"name": "\ud800", "state": "ok", "start_ms": 0, "end_ms": 10})")
                                      << "t.json: tasks[0].name: must be valid Unicode text";
    QTest::newRow("a run in a comparison") << QByteArray(R"({"runs": [{"strategy": "gather", "makespan_ms": 1, "tasks": []}, {"makespan_ms": 1, "tasks": []}]})")
                                           << "t.json: runs[1].strategy: is missing";
    QTest::newRow("no runs") << QByteArray(R"({"runs": []})") << "t.json: runs: holds no run";
    QTest::newRow("a phase after the end") << runWith(R"({"name": "A", "state": "ok", "start_ms": 0, "end_ms": 10, "phases": [{"phase": "semaphore", "start_ms": 0, "end_ms": 12}]})")
                                           << "t.json: tasks[0].its times: is after the run's makespan_ms";
    QTest::newRow("a mark after the end") << QByteArray(R"({"strategy": "gather", "makespan_ms": 10, "tasks": [], "markers": [{"kind": "caller_resumed", "time_ms": 11}]})")
                                          << "t.json: markers[0].time_ms: must be milliseconds within the run's makespan_ms";
    QTest::newRow("chrome: events not a list") << QByteArray(R"({"traceEvents": 3})") << "t.json: traceEvents: must be a list of events";
    QTest::newRow("chrome: an event not an object") << QByteArray(R"([{"ph": "X", "ts": 0}, 7])") << "t.json: traceEvents[1]: must be an object";
    QTest::newRow("chrome: a time as text") << QByteArray(R"([{"ph": "X", "name": "a", "ts": "0", "dur": 5}])")
                                            << "t.json: traceEvents[0].ts: must be microseconds";
    QTest::newRow("chrome: a negative duration") << QByteArray(R"([{"ph": "X", "name": "a", "ts": 0, "dur": -5}])")
                                                 << "t.json: traceEvents[0].dur: must not be negative";
    QTest::newRow("chrome: a time past a year") << QByteArray(R"([{"ph": "B", "name": "a", "ts": 1e300}])")
                                                << "t.json: traceEvents[0].ts: must be microseconds, a number within a year";
}

void TestTrace::aBrokenTraceSaysWhatAndWhere()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, message);
    const TraceReadResult read = TraceReader::read(json, QStringLiteral("t.json"));
    QVERIFY(read.traces.isEmpty());
    QVERIFY2(read.error.startsWith(message), qPrintable(read.error));
}

void TestTrace::aChromeTraceOpensWithALanePerThreadAndAsyncId()
{
    // As a profiler writes it: named threads with nested slices, a B/E pair, an async download
    // with an instant on it, a global instant and a counter (passed over). Times are microseconds
    // from any origin: the earliest event is the start.
    const QByteArray json = R"({"traceEvents": [
        {"ph": "M", "name": "process_name", "pid": 7, "tid": 0, "args": {"name": "my_program.py"}},
        {"ph": "M", "name": "thread_name", "pid": 7, "tid": 11, "args": {"name": "MainThread"}},
        {"ph": "X", "name": "main", "pid": 7, "tid": 11, "ts": 1000000, "dur": 500000},
        {"ph": "X", "name": "fetch", "pid": 7, "tid": 11, "ts": 1100000, "dur": 200000},
        {"ph": "B", "name": "work", "pid": 7, "tid": 12, "ts": 1200000},
        {"ph": "E", "pid": 7, "tid": 12, "ts": 1400000},
        {"ph": "b", "name": "download", "cat": "net", "id": "0x1", "pid": 7, "ts": 1050000},
        {"ph": "n", "name": "headers", "cat": "net", "id": "0x1", "pid": 7, "ts": 1150000},
        {"ph": "e", "name": "download", "cat": "net", "id": "0x1", "pid": 7, "ts": 1450000},
        {"ph": "i", "name": "checkpoint", "pid": 7, "tid": 11, "ts": 1250000, "s": "t"},
        {"ph": "C", "name": "memory", "pid": 7, "ts": 1300000, "args": {"rss": 5}}]})";
    const TraceReadResult read = TraceReader::read(json, QStringLiteral("prog.json"));
    QVERIFY2(read.error.isEmpty(), qPrintable(read.error));
    const Trace &t = read.traces.first();
    QCOMPARE(t.strategy, QStringLiteral("my_program.py"));
    QCOMPARE(t.end, 500000);
    QCOMPARE(t.tasks.size(), 3);
    QCOMPARE(t.tasks[0].name, QStringLiteral("MainThread"));
    QCOMPARE(t.tasks[0].attempts.size(), 1); // fetch ran inside main: one bar
    QCOMPARE(t.tasks[0].end, 500000);
    QCOMPARE(t.tasks[1].name, QStringLiteral("work"));
    QCOMPARE(t.tasks[1].start, 200000);
    QCOMPARE(t.tasks[1].end, 400000);
    QCOMPARE(t.tasks[2].name, QStringLiteral("download (0x1)"));
    QCOMPARE(t.tasks[2].start, 50000);
    QCOMPARE(t.markers.size(), 2);
    QCOMPARE(t.markers[0].label, QStringLiteral("headers"));
    QCOMPARE(t.markers[0].time, 150000);
    // A slice inside a beginning never ended leaves it never ended.
    const TraceReadResult open = TraceReader::read(R"([{"ph": "B", "name": "main", "pid": 1, "tid": 1, "ts": 0},
        {"ph": "X", "name": "inner", "pid": 1, "tid": 1, "ts": 5, "dur": 5}, {"ph": "X", "name": "other", "pid": 1, "tid": 2, "ts": 0, "dur": 20}])",
                                                   QStringLiteral("open.json"));
    QVERIFY2(open.error.isEmpty(), qPrintable(open.error));
    QCOMPARE(open.traces.first().tasks.first().attempts.size(), 1);
    QCOMPARE(open.traces.first().tasks.first().outcome, Outcome::Pending);
    QCOMPARE(open.traces.first().tasks.first().attempts.first().end, 20);

    // ConcViz's own Chrome trace comes back with the same lanes, waits, attempts and states.
    const Trace original = run(R"({"concviz": 1, "name": "c", "retries": {"max": 2, "backoff_ms": 100},
        "tasks": [{"name": "A", "kind": "sleep", "duration_ms": 300}, {"name": "B", "kind": "fail", "duration_ms": 200, "error": "boom"},
                  {"name": "C", "kind": "sleep", "duration_ms": 100}]})", QStringLiteral("semaphore:2"));
    const TraceReadResult back = TraceReader::read(ChromeTraceExporter::toJson(original), QStringLiteral("c.trace.json"));
    QVERIFY2(back.error.isEmpty(), qPrintable(back.error));
    const Trace &b = back.traces.first();
    QCOMPARE(b.tasks.size(), original.tasks.size());
    QCOMPARE(b.end, original.makespan());
    for (qsizetype i = 0; i < b.tasks.size(); ++i) {
        QCOMPARE(b.tasks[i].name, original.tasks[i].name);
        QCOMPARE(b.tasks[i].start, original.tasks[i].start);
        QCOMPARE(b.tasks[i].end, original.tasks[i].end);
        QCOMPARE(b.tasks[i].outcome, original.tasks[i].outcome);
        QCOMPARE(b.tasks[i].attempts.size(), original.tasks[i].attempts.size());
        QCOMPARE(b.tasks[i].phases.size(), original.tasks[i].phases.size());
    }
    QCOMPARE(b.markers.size(), original.markers.size());
}

// A recorded program awaits a semaphore, a queue or a lock in the middle of a task, not before it
// as a scenario's strategy does: the wait is a wait all the same, drawn on top of the task's bar.
void TestTrace::aRecordedProgramsWaitsAreWaitsAndItsTasksAScenario()
{
    const QByteArray recorded = R"({"runs": [{"scenario": "crawl.py", "strategy": "recorded", "clock": "real", "makespan_ms": 1000,
      "tasks": [
        {"name": "main", "state": "ok", "created_ms": 0, "start_ms": 0, "end_ms": 1000, "parent": null},
        {"name": "fetch", "state": "ok", "created_ms": 1, "start_ms": 2, "end_ms": 602, "parent": "main",
         "phases": [{"phase": "semaphore", "start_ms": 2.5, "end_ms": 202.5}, {"phase": "sync", "start_ms": 300, "end_ms": 350}],
         "waits": [{"on": "semaphore", "detail": "semaphore acquire", "start_ms": 2.5, "end_ms": 202.5},
                   {"on": "sleep", "detail": "sleep 0.09 s", "start_ms": 205, "end_ms": 295}]},
        {"name": "crunch", "state": "ok", "created_ms": 1, "start_ms": 3, "end_ms": 503, "parent": "main",
         "phases": [{"phase": "holds_loop", "start_ms": 3, "end_ms": 403}]},
        {"name": "broken", "state": "failed", "created_ms": 1, "start_ms": 4, "end_ms": 104, "error": "ValueError: boom", "parent": "main"},
        {"name": "thread ThreadPoolExecutor-0_0", "state": "ok", "created_ms": 10, "start_ms": 10, "end_ms": 60, "thread": true,
         "attempt_spans": [{"attempt": 1, "state": "ok", "start_ms": 10, "end_ms": 60}]}
      ]}]})";
    const TraceReadResult read = TraceReader::read(recorded, QStringLiteral("crawl.json"));
    QVERIFY2(read.error.isEmpty(), qPrintable(read.error));
    const Trace &trace = read.traces.first();
    const TaskTrace &fetch = trace.tasks.at(1);
    QCOMPARE(fetch.extras().parent, QStringLiteral("main"));
    QVERIFY(trace.tasks.at(4).thread);
    QCOMPARE(fetch.waitTime(), fromMs(1) + fromMs(200) + fromMs(50)); // created to started, the permit, the lock
    QCOMPARE(fetch.runTime(), fromMs(600) - fromMs(250));
    // Drawn over its bar, not under it: after the attempt in paint order.
    GanttModel model;
    model.setTraces(read.traces);
    const GanttModel::Lane &lane = model.groups().first().lanes.at(1);
    const auto &spans = model.groups().first().spans;
    QCOMPARE(spans.at(lane.firstSpan).type, GanttModel::SpanType::Running);
    QCOMPARE(spans.at(lane.firstSpan + 1).phase, PhaseKind::WaitSemaphore);
    QCOMPARE(JsonExporter::toJson(trace).count("\"parent\": \"main\""), 3);
    // What it awaited between its steps: in a line for its tooltip, and named while it lasts.
    QVERIFY2(fetch.awaitedSummary().startsWith(QStringLiteral("semaphore 1× (")) && fetch.awaitedSummary().contains(QStringLiteral("sleep 1× (")),
             qPrintable(fetch.awaitedSummary()));
    const RunState at250 = RunState::at(trace, fromMs(250));
    const auto running = std::find_if(at250.running.begin(), at250.running.end(), [](const RunState::TaskAt &a) { return a.task == 1; });
    QVERIFY(running != at250.running.end());
    QCOMPARE(running->detail, QStringLiteral("awaits sleep 0.09 s"));
    const TraceReadResult again = TraceReader::read(JsonExporter::toJson(trace), QStringLiteral("again.json"));
    QVERIFY2(again.error.isEmpty(), qPrintable(again.error));
    QCOMPARE(again.traces.first().tasks.at(1).extras().awaited.size(), 2);
    QCOMPARE(again.traces.first().tasks.at(1).extras().awaited.at(1).detail, QStringLiteral("sleep 0.09 s"));

    // As a scenario: main started the others and the thread is fetch's, so both are left out.
    const Scenario s = TraceScenario::from(trace, QStringLiteral("/tmp/crawl.json"));
    QCOMPARE(s.tasks.size(), 3);
    QCOMPARE(s.tasks.at(0).name, QStringLiteral("fetch"));
    QCOMPARE(s.tasks.at(0).kind, QStringLiteral("sleep"));
    QCOMPARE(s.tasks.at(0).millis(QStringLiteral("duration_ms")), 350.0); // 600 ms less the 250 it was kept waiting
    QCOMPARE(s.tasks.at(1).kind, QStringLiteral("blocking"));               // it held the loop most of its time
    QCOMPARE(s.tasks.at(1).millis(QStringLiteral("duration_ms")), 400.0);
    QCOMPARE(s.tasks.at(2).kind, QStringLiteral("fail"));
    QCOMPARE(s.tasks.at(2).text(QStringLiteral("error")), QStringLiteral("ValueError: boom"));
    QVERIFY2(ScenarioValidator::problems(s).isEmpty(), qPrintable(ScenarioValidator::problems(s).join(u'\n')));
    QVERIFY2(s.description.contains(QStringLiteral("crawl.json")) && s.description.contains(QStringLiteral("Left out: 2")), qPrintable(s.description));
}

void TestTrace::aTraceOfCountedTasksIsTheirCountAgain()
{
    // A hundred thousand copies of one task, read back from their trace, are one task of count
    // 100000 again: one row of the editor and one loop of the code, not a hundred thousand.
    const QByteArray json = R"({"concviz": 1, "name": "many", "tasks": [
        {"name": "lone", "kind": "sleep", "duration_ms": 50, "count": 1},
        {"name": "fetch", "kind": "sleep", "duration_ms": 100, "count": 100000},
        {"name": "slow", "kind": "sleep", "duration_ms": 300, "count": 2},
        {"name": "slow", "kind": "sleep", "duration_ms": 300, "count": 3},
        {"name": "odd", "kind": "sleep", "duration_ms": 100, "count": 2},
        {"name": "odd#2", "kind": "sleep", "duration_ms": 200},
        {"name": "z#1", "kind": "sleep", "duration_ms": 100},
        {"name": "z#02", "kind": "sleep", "duration_ms": 100}]})";
    const Trace trace = run(json, QStringLiteral("gather"));
    QCOMPARE(trace.tasks.size(), 100011);
    const Scenario s = TraceScenario::from(trace, QStringLiteral("many.json"));
    QStringList rows;
    for (const TaskSpec &t : s.tasks)
        rows.append(QStringLiteral("%1 x%2 %3").arg(t.name).arg(t.count).arg(t.millis(QStringLiteral("duration_ms"))));
    // slow#1, slow#2 then slow#1..slow#3 again: each a count of its own. odd#2 the second time
    // differs from odd#1 in its duration, so it stays a task of its own; z#02 is not how a count
    // names its second copy.
    QCOMPARE(rows, QStringList({QStringLiteral("lone x1 50"), QStringLiteral("fetch x100000 100"), QStringLiteral("slow x2 300"),
                                QStringLiteral("slow x3 300"), QStringLiteral("odd x2 100"), QStringLiteral("odd#2 x1 200"),
                                QStringLiteral("z#1 x1 100"), QStringLiteral("z#02 x1 100")}));
    QCOMPARE(s.taskCount(), 100011);
    QVERIFY2(s.description.contains(QStringLiteral("each of its 100,011 tasks")), qPrintable(s.description));
    QVERIFY2(ScenarioValidator::problems(s).isEmpty(), qPrintable(ScenarioValidator::problems(s).join(u'\n')));
    // Run again, it names its tasks as the trace did.
    const QList<TaskInstance> copies = s.instances();
    for (qsizetype i = 0; i < copies.size(); ++i)
        QCOMPARE(copies[i].name, trace.tasks[i].name);
}

void TestTrace::aFileIsReadAsWhatItSaysItIs()
{
    QTemporaryDir dir;
    auto write = [&dir](const QString &name, const QByteArray &bytes) {
        const QString path = dir.filePath(name);
        QFile file(path);
        file.open(QIODevice::WriteOnly);
        file.write(bytes);
        return path;
    };
    // A scenario: its version says so, and its problems are a scenario's.
    const OpenedFile scenario = OpenedFile::read(write(QStringLiteral("s.json"), withFailureAndDeadline));
    QVERIFY(scenario.scenario && !scenario.isTrace());
    QCOMPARE(scenario.scenario->tasks.size(), 4);
    const OpenedFile badScenario = OpenedFile::read(write(QStringLiteral("bad.json"), R"({"concviz": 1, "tasks": [{"name": "A", "kind": "nap"}]})"));
    QVERIFY(!badScenario.scenario && !badScenario.isTrace());
    QVERIFY2(badScenario.error.contains(QStringLiteral("bad.json: tasks[0].kind")), qPrintable(badScenario.error));
    // A trace, with its tasks as a scenario; broken, its problem is a trace's, at its place.
    const QByteArray json = JsonExporter::toJson(run(withFailureAndDeadline, QStringLiteral("gather")));
    const OpenedFile trace = OpenedFile::read(write(QStringLiteral("t.json"), json));
    QVERIFY(trace.isTrace() && !trace.scenario);
    QCOMPARE(trace.traceTasks.taskCount(), 4);
    QByteArray broken = json;
    const qsizetype makespan = broken.indexOf("\"makespan_ms\": ") + 15;
    broken.replace(makespan, broken.indexOf(',', makespan) - makespan, "-1");
    const OpenedFile badTrace = OpenedFile::read(write(QStringLiteral("bt.json"), broken));
    QVERIFY(!badTrace.isTrace() && !badTrace.scenario);
    QVERIFY2(badTrace.error.startsWith(dir.filePath(QStringLiteral("bt.json: makespan_ms"))), qPrintable(badTrace.error));
    QVERIFY2(badTrace.error.contains(QStringLiteral("not a scenario either")), qPrintable(badTrace.error));
    // Not JSON: where it broke.
    const OpenedFile notJson = OpenedFile::read(write(QStringLiteral("n.json"), "{\n  \"concviz\": 1,\n  oops\n}"));
    QVERIFY2(notJson.error.contains(QStringLiteral("n.json:3:")), qPrintable(notJson.error));
    // Larger than a scenario may be and broken at its end, as a trace cut off while written:
    // where it broke, not that it is too large for a scenario.
    QByteArray cut = "{\"tasks\": [\n";
    cut.append(QByteArray(65 << 20, ' '));
    cut.append("\n{\"name\": ");
    const OpenedFile bigAndCut = OpenedFile::read(write(QStringLiteral("cut.json"), cut));
    QVERIFY2(bigAndCut.error.contains(QStringLiteral("cut.json:3: not JSON")), qPrintable(bigAndCut.error));
}

QTEST_GUILESS_MAIN(TestTrace)
#include "tst_trace.moc"
