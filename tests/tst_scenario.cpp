// Scenario files: the shipped examples, every kind of broken file, saving.

#include "scenario/examples.h"
#include "scenario/scenarioreader.h"
#include "scenario/scenariovalidator.h"
#include "scenario/scenariowriter.h"
#include "testsupport.h"
#include "trace/statistics.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>

using namespace concviz;
using namespace concviz::test;

class TestScenario : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void theBuiltInExamplesAreTheShippedFiles();
    void everyExampleHasATopicAndALessonAsTheReadmeLists();
    void everyExampleValidatesTeachesAndRuns_data();
    void everyExampleValidatesTeachesAndRuns();
    void everyShortExampleRunsAlikeOnTheRealClock_data();
    void everyShortExampleRunsAlikeOnTheRealClock();
    void aBrokenFileSaysWhatAndWhere_data();
    void aBrokenFileSaysWhatAndWhere();
    void aBadHeaderIsRefusedInMemoryToo();
    void aSyntaxErrorNamesItsLine();
    void everyProblemInAFileIsReported();
    void strategiesReadTheSameInBothForms_data();
    void strategiesReadTheSameInBothForms();
    void savingThenLoadingThenSavingGivesTheSameBytes_data();
    void savingThenLoadingThenSavingGivesTheSameBytes();
    void unknownFieldsSurviveASave();
    void aFailedSaveLeavesTheOldFileWhole();

private:
    QTemporaryDir m_data;
};

void TestScenario::initTestCase()
{
    // The database examples query the demo database on the real clock: made in a folder of the test's own.
    QVERIFY(m_data.isValid());
    qputenv("XDG_DATA_HOME", m_data.path().toUtf8());
}

void TestScenario::theBuiltInExamplesAreTheShippedFiles()
{
    const QDir dir(QStringLiteral(CONCVIZ_SOURCE_DIR "/resources/scenarios"));
    const QStringList files = dir.entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name);
    QVERIFY(files.size() >= 10);
    QStringList builtIn;
    for (const QString &path : examplePaths())
        builtIn << QFileInfo(path).fileName();
    QCOMPARE(builtIn, files);
    for (const QString &name : files) {
        QFile a(dir.filePath(name));
        QFile b(QStringLiteral(":/scenarios/") + name);
        QVERIFY(a.open(QIODevice::ReadOnly) && b.open(QIODevice::ReadOnly));
        QCOMPARE(b.readAll(), a.readAll());
    }
    QCOMPARE(builtinDemo().name, QStringLiteral("Async demo"));
}

void TestScenario::everyExampleHasATopicAndALessonAsTheReadmeLists()
{
    QFile readme(QStringLiteral(CONCVIZ_SOURCE_DIR "/README.md"));
    QVERIFY(readme.open(QIODevice::ReadOnly));
    const QString text = QString::fromUtf8(readme.readAll());
    const QList<Example> examples = examplesByTopic();
    QCOMPARE(examples.size(), examplePaths().size());
    QString lastTopic;
    for (const Example &e : examples) {
        const QString file = QFileInfo(e.path).fileName();
        QVERIFY2(exampleTopics().contains(e.topic), qPrintable(file + QStringLiteral(": topic \"") + e.topic + QLatin1Char('"')));
        QVERIFY2(!e.lesson.isEmpty(), qPrintable(file + QStringLiteral(": no lesson")));
        // Under its topic's heading, with the same line, as the menu shows it.
        const qsizetype heading = text.indexOf(QStringLiteral("\n#### %1\n").arg(e.topic));
        const qsizetype row = text.indexOf(QStringLiteral("\n| `%1` | %2 |").arg(file, e.lesson));
        QVERIFY2(heading >= 0 && row > heading, qPrintable(file + QStringLiteral(": not listed under ") + e.topic));
        const qsizetype nextHeading = text.indexOf(QStringLiteral("\n#### "), heading + 5);
        QVERIFY2(nextHeading < 0 || row < nextHeading, qPrintable(file + QStringLiteral(": listed under another topic")));
        QVERIFY(lastTopic.isEmpty() || exampleTopics().indexOf(lastTopic) <= exampleTopics().indexOf(e.topic));
        lastTopic = e.topic;
    }
}

void TestScenario::everyExampleValidatesTeachesAndRuns_data()
{
    QTest::addColumn<QString>("path");
    for (const QString &path : examplePaths())
        QTest::newRow(qPrintable(QFileInfo(path).fileName())) << path;
}

void TestScenario::everyExampleValidatesTeachesAndRuns()
{
    QFETCH(QString, path);
    const ScenarioReadResult result = ScenarioReader::readFile(path);
    QVERIFY2(result.scenario, qPrintable(result.errors.join(QLatin1Char('\n'))));
    const Scenario &s = *result.scenario;
    QVERIFY2(s.description.size() > 80, "each example says what to look for");
    QVERIFY(!s.name.isEmpty());
    QList<StrategySpec> strategies = s.compareOrDefault();
    strategies.prepend(s.strategy);
    for (const StrategySpec &spec : strategies) {
        const Trace trace = Comparison::run(s, {spec}, ClockKind::Virtual).value(0);
        QVERIFY(trace.isFinished());
        QVERIFY(trace.makespan() > 0);
        for (const TaskTrace &t : trace.tasks)
            QVERIFY2(t.outcome != Outcome::Pending, qPrintable(t.name));
    }
}

void TestScenario::everyShortExampleRunsAlikeOnTheRealClock_data()
{
    everyExampleValidatesTeachesAndRuns_data();
}

void TestScenario::everyShortExampleRunsAlikeOnTheRealClock()
{
    // The file's own strategy on the real clock, where it takes a few seconds at most: the same
    // endings as the exact run, and about its time.
    QFETCH(QString, path);
    const Scenario s = *ScenarioReader::readFile(path).scenario;
    const Trace ideal = Comparison::run(s, {s.strategy}, ClockKind::Virtual).value(0);
    if (ideal.makespan() > fromMs(3000))
        return; // a long lesson: its exact run above is its test
    const Trace real = Comparison::run(s, {s.strategy}, ClockKind::Real).value(0);
    QVERIFY(real.isFinished());
    const Statistics a = Statistics::of(ideal);
    const Statistics b = Statistics::of(real);
    QCOMPARE(b.ok, a.ok);
    QCOMPARE(b.failed, a.failed);
    QCOMPARE(b.timeout, a.timeout);
    QCOMPARE(b.cancelled, a.cancelled);
    // Real CPU work takes as long as the machine's other load lets it: its endings are checked, not its time.
    if (std::any_of(s.tasks.begin(), s.tasks.end(), [](const TaskSpec &t) { return t.kind == QLatin1String("cpu"); }))
        return;
    const double idealMs = ms(ideal.makespan());
    const double realMs = ms(real.makespan());
    QVERIFY2(realMs >= idealMs - 20 && realMs <= idealMs * 1.25 + 150,
             qPrintable(QStringLiteral("%1 ms on the real clock, %2 ms exactly").arg(realMs).arg(idealMs)));
}

void TestScenario::aBrokenFileSaysWhatAndWhere_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("message");
    const QByteArray sleep = R"({"kind": "sleep", "duration_ms": 10})";
    auto file = [](const QByteArray &body) { return "{\"concviz\": 1, " + body + "}"; };

    QTest::newRow("not an object") << QByteArray("[1, 2]") << "<test>: the top level must be a JSON object";
    QTest::newRow("no version") << QByteArray("{\"tasks\": [" + sleep + "]}") << "<test>: concviz: required: the format version, 1";
    QTest::newRow("a newer version") << QByteArray("{\"concviz\": 2, \"tasks\": []}")
                                     << "<test>: concviz: format version 2 is newer than this build understands (1); update ConcViz";
    QTest::newRow("no tasks") << file("\"name\": \"x\"") << "<test>: tasks: required: a list of tasks";
    QTest::newRow("empty tasks") << file("\"tasks\": []") << "<test>: tasks: must hold at least one task";
    QTest::newRow("negative duration") << file("\"tasks\": [" + sleep + R"(, {"kind": "sleep", "duration_ms": -5}])")
                                       << "<test>: tasks[1].duration_ms: must be a non-negative number";
    QTest::newRow("duration as text") << file(R"("tasks": [{"kind": "sleep", "duration_ms": "5"}])")
                                      << "<test>: tasks[0].duration_ms: must be a non-negative number";
    QTest::newRow("absurd duration") << file(R"("tasks": [{"kind": "sleep", "duration_ms": 90000000}])")
                                     << "<test>: tasks[0].duration_ms: 90000000 ms is more than 24 hours";
    QTest::newRow("missing duration") << file(R"("tasks": [{"kind": "cpu"}])") << "<test>: tasks[0].duration_ms: required for a cpu task";
    QTest::newRow("unknown kind") << file(R"("tasks": [{"kind": "nap", "duration_ms": 1}])")
                                  << "<test>: tasks[0].kind: unknown kind \"nap\"; known: sleep, fail, blocking, cpu, http, db";
    QTest::newRow("name of the wrong type") << file(R"("tasks": [{"name": 5, "kind": "sleep", "duration_ms": 1}])")
                                            << "<test>: tasks[0].name: must be a string";
    QTest::newRow("too many of one task") << file(R"("tasks": [{"kind": "sleep", "duration_ms": 1, "count": 2000000}])")
                                          << "<test>: tasks[0].count: must be a whole number from 1 to 1000000";
    QTest::newRow("too many tasks in all")
        << file(R"("tasks": [{"kind": "sleep", "duration_ms": 1, "count": 600000}, {"kind": "sleep", "duration_ms": 1, "count": 600000}])")
        << "<test>: tasks: 1200000 tasks after count is expanded; at most 1000000";
    QTest::newRow("unknown strategy") << file("\"strategy\": \"fast\", \"tasks\": [" + sleep + "]")
                                      << QStringLiteral("<test>: strategy: unknown strategy \"fast\"; known: ") + strategySyntaxHelp();
    QTest::newRow("semaphore of zero") << file("\"strategy\": \"semaphore:0\", \"tasks\": [" + sleep + "]")
                                       << "<test>: strategy: the semaphore's permits must be a whole number from 1 to 1000000, not \"0\"";
    QTest::newRow("bad compare entry") << file("\"compare\": [\"gather\", \"wait:sometimes\"], \"tasks\": [" + sleep + "]")
                                       << "<test>: compare[1]: wait needs \"first_completed\", \"first_exception\" or \"all_completed\", as in wait:first_completed";
    QTest::newRow("a file URL") << file(R"("tasks": [{"kind": "http", "url": "file:///etc/passwd"}])")
                                << "<test>: tasks[0].url: only http and https URLs can be fetched, not file:";
    QTest::newRow("a data URL") << file(R"("tasks": [{"kind": "http", "url": "data:text/plain,hi"}])")
                                << "<test>: tasks[0].url: only http and https URLs can be fetched, not data:";
    QTest::newRow("http without url") << file(R"("tasks": [{"kind": "http"}])") << "<test>: tasks[0].url: required for an http task";
    QTest::newRow("retries out of range") << file("\"retries\": {\"max\": 200}, \"tasks\": [" + sleep + "]")
                                          << "<test>: retries.max: must be a whole number from 0 to 100";
    QTest::newRow("an unknown executor") << file("\"executor\": \"fibre\", \"tasks\": [" + sleep + "]")
                                         << "<test>: executor: must be thread or process";
    QTest::newRow("a GIL that is not true or false") << file("\"gil\": \"no\", \"tasks\": [" + sleep + "]")
                                                     << "<test>: gil: must be true or false";
    QTest::newRow("no cores") << file("\"cores\": 0, \"tasks\": [" + sleep + "]") << "<test>: cores: must be a whole number from 1 to 256";
    QTest::newRow("caller steps that are not a list") << file("\"caller\": {\"kind\": \"sleep\"}, \"tasks\": [" + sleep + "]")
                                                      << "<test>: caller: must be a list of steps such as {\"kind\": \"blocking\", \"duration_ms\": 300}";
    QTest::newRow("a caller step of an unknown kind")
        << file("\"caller\": [{\"kind\": \"nap\", \"duration_ms\": 5}], \"tasks\": [" + sleep + "]")
        << "<test>: caller[0].kind: must be sleep, blocking or cpu";
    QTest::newRow("a caller step without its duration") << file("\"caller\": [{\"kind\": \"sleep\"}], \"tasks\": [" + sleep + "]")
                                                        << "<test>: caller[0].duration_ms: required: how long the step takes";
    QTest::newRow("caller steps under sequential")
        << file("\"strategy\": \"sequential\", \"caller\": [{\"kind\": \"sleep\", \"duration_ms\": 5}], \"tasks\": [" + sleep + "]")
        << "<test>: strategy: sequential cannot run the caller's own steps (caller): only gather, task_group, as_completed, wait, "
           "semaphore and rate_limit create every task before the caller goes on";
    QTest::newRow("zero timeout") << file("\"timeout_ms\": 0, \"tasks\": [" + sleep + "]") << "<test>: timeout_ms: must be a number above 0";
    QTest::newRow("offloading a sleep") << file(R"("tasks": [{"kind": "sleep", "duration_ms": 1, "offload": true}])")
                                        << "<test>: tasks[0].offload: only blocking and cpu tasks can be offloaded";
    QTest::newRow("a header value with a line break")
        << file(R"("tasks": [{"kind": "http", "url": "http://demo/json", "headers": {"X-A": "b\r\nInjected: 1"}}])")
        << "<test>: tasks[0].headers.X-A: a header value must not hold a line break (CR or LF): it would start a header line of its own";
    QTest::newRow("a header value with a bare LF") << file(R"("tasks": [{"kind": "http", "url": "http://demo/json", "headers": {"X-A": "b\nc"}}])")
                                                   << "<test>: tasks[0].headers.X-A: a header value must not hold a line break (CR or LF): it would start a header line of its own";
    QTest::newRow("a header value with NUL") << file(R"("tasks": [{"kind": "http", "url": "http://demo/json", "headers": {"X-A": "b\u0000c"}}])")
                                             << "<test>: tasks[0].headers.X-A: a header value must not hold a NUL character";
    QTest::newRow("a header name with a colon")
        << file(R"("tasks": [{"kind": "http", "url": "http://demo/json", "headers": {"Host: evil\r\nX": "1"}}])")
        << R"(<test>: tasks[0].headers["Host: evil\r\nX"]: not a header name: only letters, digits and !#$%&'*+-.^_`|~ may be in one)";
    QTest::newRow("a header name with a space") << file(R"("tasks": [{"kind": "http", "url": "http://demo/json", "headers": {"X A": "1"}}])")
                                                << R"(<test>: tasks[0].headers["X A"]: not a header name: only letters, digits and !#$%&'*+-.^_`|~ may be in one)";
    QTest::newRow("an empty header name") << file(R"("tasks": [{"kind": "http", "url": "http://demo/json", "headers": {"": "1"}}])")
                                          << R"(<test>: tasks[0].headers[""]: a header needs a name)";
    QTest::newRow("no executor threads") << file("\"executor_workers\": 0, \"tasks\": [" + sleep + "]")
                                         << "<test>: executor_workers: must be a whole number from 1 to 256";
}

void TestScenario::aBrokenFileSaysWhatAndWhere()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, message);
    const ScenarioReadResult result = ScenarioReader::read(json, QStringLiteral("<test>"));
    QVERIFY(!result.scenario);
    QCOMPARE(result.errors.size(), 1);
    QCOMPARE(result.errors.first(), message);
}

void TestScenario::aBadHeaderIsRefusedInMemoryToo()
{
    // The editor checks what it holds with the validator: the same refusal, at the same path.
    Scenario s = scenarioFrom(R"({"concviz": 1, "tasks": [{"kind": "http", "url": "http://demo/json"}]})");
    s.tasks[0].fields.insert(QStringLiteral("headers"), QVariantMap{{QStringLiteral("Accept"), QStringLiteral("text/plain")},
                                                                    {QStringLiteral("X-A"), QStringLiteral("b\r\nInjected: 1")}});
    QCOMPARE(ScenarioValidator::problems(s),
             QStringList{QStringLiteral(
                 "tasks[0].headers.X-A: a header value must not hold a line break (CR or LF): it would start a header line of its own")});
    s.tasks[0].fields.insert(QStringLiteral("headers"), QVariantMap{{QStringLiteral("Accept"), QStringLiteral("text/plain")}});
    QCOMPARE(ScenarioValidator::problems(s), QStringList());
}

void TestScenario::aSyntaxErrorNamesItsLine()
{
    const ScenarioReadResult result = ScenarioReader::read("{\"concviz\": 1,\n  \"tasks\": [}\n", QStringLiteral("<test>"));
    QCOMPARE(result.errors.size(), 1);
    // Qt's parser stops near the bad character, not always on it: the line is exact, the column close.
    QVERIFY2(result.errors.first().startsWith(QStringLiteral("<test>:2:1")), qPrintable(result.errors.first()));
    QVERIFY(result.errors.first().endsWith(QStringLiteral(": not valid JSON: object is missing after a comma")));
}

void TestScenario::everyProblemInAFileIsReported()
{
    const ScenarioReadResult result = ScenarioReader::read(
        R"({"concviz": 1, "strategy": "semaphore", "tasks": [{"kind": "sleep"}, {"kind": "fail", "duration_ms": -1}]})",
        QStringLiteral("many.json"));
    QCOMPARE(result.errors.size(), 3);
    QVERIFY(result.errors[0].startsWith(QStringLiteral("many.json: tasks[0].duration_ms")));
    QVERIFY(result.errors[1].startsWith(QStringLiteral("many.json: tasks[1].duration_ms")));
    QVERIFY(result.errors[2].startsWith(QStringLiteral("many.json: strategy: semaphore needs its number of permits")));
}

void TestScenario::strategiesReadTheSameInBothForms_data()
{
    QTest::addColumn<QByteArray>("object");
    QTest::addColumn<QString>("text");
    QTest::newRow("gather") << QByteArray(R"({"type": "gather", "return_exceptions": true})") << "gather:return_exceptions";
    QTest::newRow("wait") << QByteArray(R"({"type": "wait", "return_when": "first_exception"})") << "wait:first_exception";
    QTest::newRow("semaphore") << QByteArray(R"({"type": "semaphore", "limit": 3})") << "semaphore:3";
    QTest::newRow("rate limit") << QByteArray(R"({"type": "rate_limit", "calls": 5, "period_ms": 1000})") << "rate_limit:5/1000";
    QTest::newRow("queue") << QByteArray(R"({"type": "queue", "workers": 3, "maxsize": 5, "interval_ms": 100})") << "queue:3,maxsize=5,interval=100";
    QTest::newRow("batches") << QByteArray(R"({"type": "batches", "size": 50, "concurrency": 10})") << "batches:50,concurrency=10";
}

void TestScenario::strategiesReadTheSameInBothForms()
{
    QFETCH(QByteArray, object);
    QFETCH(QString, text);
    const Scenario s = scenarioFrom(R"({"concviz": 1, "strategy": )" + object + R"(, "tasks": [{"kind": "sleep", "duration_ms": 1}]})");
    QCOMPARE(s.strategy.toString(), text);
    QCOMPARE(s.strategy, strategy(text));
}

void TestScenario::savingThenLoadingThenSavingGivesTheSameBytes_data()
{
    everyExampleValidatesTeachesAndRuns_data();
}

void TestScenario::savingThenLoadingThenSavingGivesTheSameBytes()
{
    QFETCH(QString, path);
    const Scenario original = *ScenarioReader::readFile(path).scenario;
    const QByteArray first = ScenarioWriter::toJson(original);
    const ScenarioReadResult again = ScenarioReader::read(first, QStringLiteral("saved"));
    QVERIFY2(again.scenario, qPrintable(again.errors.join(QLatin1Char('\n'))));
    QCOMPARE(*again.scenario, original);
    QCOMPARE(ScenarioWriter::toJson(*again.scenario), first);
}

void TestScenario::unknownFieldsSurviveASave()
{
    const Scenario s = scenarioFrom(R"({"concviz": 1, "author": {"name": "Ada", "year": 2026}, "tasks": [
        {"name": "A", "kind": "sleep", "duration_ms": 1.5, "colour": "teal", "tags": ["x", 2]}]})");
    const QByteArray saved = ScenarioWriter::toJson(s);
    QVERIFY(saved.contains(R"("author": {"name": "Ada", "year": 2026})"));
    QVERIFY(saved.contains(R"({"name": "A", "kind": "sleep", "duration_ms": 1.5, "colour": "teal", "tags": ["x", 2]})"));
}

void TestScenario::aFailedSaveLeavesTheOldFileWhole()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("demo.json"));
    const Scenario demo = builtinDemo();
    QString error;
    QVERIFY(ScenarioWriter::writeFile(demo, path, &error));
    QFile check(path);
    QVERIFY(check.open(QIODevice::ReadOnly));
    const QByteArray before = check.readAll();
    check.close();

    // A save into a folder that does not exist fails with the path in the message.
    const QString missing = dir.filePath(QStringLiteral("no/such/folder/demo.json"));
    QVERIFY(!ScenarioWriter::writeFile(demo, missing, &error));
    QVERIFY(error.startsWith(missing + QStringLiteral(": cannot be written")));

    // A save over a folder fails; the file beside it is untouched and no temporary file is left.
    QVERIFY(QDir(dir.path()).mkdir(QStringLiteral("taken.json")));
    QVERIFY(!ScenarioWriter::writeFile(demo, dir.filePath(QStringLiteral("taken.json")), &error));
    QVERIFY(check.open(QIODevice::ReadOnly));
    QCOMPARE(check.readAll(), before);
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files), QStringList{QStringLiteral("demo.json")});
}

QTEST_GUILESS_MAIN(TestScenario)
#include "tst_scenario.moc"
