// The registries: every strategy is declared once, in its own file, and everything else — parsing,
// printing, help, the README's table — follows from that declaration.

#include "scenario/scenariovalidator.h"
#include "scenario/scenariowriter.h"
#include "scenario/strategyregistry.h"
#include "scenario/taskkindregistry.h"
#include "testsupport.h"

#include <QFile>
#include <QFileInfo>

using namespace concviz;
using namespace concviz::test;

class TestRegistry : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void everyStrategyLivesInAFileOfItsName();
    void everyStrategyExplainsItselfAndItsParameters();
    void everyStrategyIsInTheReadmeTable();
    void everyStrategyExampleReadsBackAndRuns_data();
    void everyStrategyExampleReadsBackAndRuns();
    void theHelpListsEveryWrittenForm();
    void everyTaskKindLivesInAFileOfItsName();
    void everyTaskKindAndItsFieldsAreInTheReadmeTable();
    void aNewTaskOfEveryKindIsValidSavesAndRuns_data();
    void aNewTaskOfEveryKindIsValidSavesAndRuns();
    void aFieldOfAnotherKindIsRefusedByFilesAndTheEditorAlike();
};

void TestRegistry::everyStrategyLivesInAFileOfItsName()
{
    const QList<const StrategyDefinition *> all = StrategyRegistry::all();
    QVERIFY(all.size() >= 9);
    for (const StrategyDefinition *d : all) {
        const QString file = QStringLiteral(CONCVIZ_SOURCE_DIR "/core/engine/strategies/%1.cpp").arg(QString(d->name).remove(QLatin1Char('_')));
        QVERIFY2(QFileInfo::exists(file), qPrintable(file));
        QFile f(file);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QVERIFY2(f.readAll().contains(QByteArray("QStringLiteral(\"") + d->name.toUtf8() + "\")"), qPrintable(d->name));
    }
}

void TestRegistry::everyStrategyExplainsItselfAndItsParameters()
{
    for (const StrategyDefinition *d : StrategyRegistry::all()) {
        QVERIFY2(!d->summary.isEmpty() && (d->asyncioCode.contains(QLatin1String("await")) || d->asyncioCode.contains(QLatin1String("async with"))), qPrintable(d->name));
        QVERIFY2(!d->examples.isEmpty() && d->run, qPrintable(d->name));
        for (const StrategyParam &p : d->params)
            QVERIFY2(!p.key.isEmpty() && !p.what.isEmpty() && !p.help.isEmpty(), qPrintable(d->name + QLatin1Char('.') + p.key));
    }
}

void TestRegistry::everyStrategyIsInTheReadmeTable()
{
    QFile readme(QStringLiteral(CONCVIZ_SOURCE_DIR "/README.md"));
    QVERIFY(readme.open(QIODevice::ReadOnly));
    const QString text = QString::fromUtf8(readme.readAll());
    for (const StrategyDefinition *d : StrategyRegistry::all())
        for (const QString &form : d->syntaxForms())
            QVERIFY2(text.contains(QStringLiteral("\n| `%1` |").arg(form)), qPrintable(form));
}

void TestRegistry::everyStrategyExampleReadsBackAndRuns_data()
{
    QTest::addColumn<QString>("example");
    for (const StrategyDefinition *d : StrategyRegistry::all())
        for (const QString &example : d->examples)
            QTest::newRow(qPrintable(example)) << example;
}

void TestRegistry::everyStrategyExampleReadsBackAndRuns()
{
    QFETCH(QString, example);
    const StrategySpec spec = strategy(example);
    QCOMPARE(spec.toString(), example);
    QCOMPARE(strategy(spec.toString()), spec);

    const Scenario s = scenarioFrom(R"({"concviz": 1, "tasks": [{"kind": "sleep", "duration_ms": 100, "count": 12}]})");
    const Trace trace = runOn(ClockKind::Virtual, s, example);
    QCOMPARE(trace.tasks.size(), 12);
    int ok = 0;
    for (const TaskTrace &t : trace.tasks) {
        QVERIFY2(t.end >= 0, qPrintable(t.name));
        ok += t.outcome == Outcome::Ok ? 1 : 0;
    }
    // wait:first_* cancels what is pending once the first ends; every other strategy runs all.
    if (spec.name == QLatin1String("wait"))
        QVERIFY(ok >= 1);
    else
        QCOMPARE(ok, 12);
    const int limit = spec.concurrencyLimit();
    if (limit > 0)
        QVERIFY(Statistics::of(trace).maxConcurrency <= limit);
}

void TestRegistry::theHelpListsEveryWrittenForm()
{
    QString error;
    QVERIFY(!StrategySpec::parse(QStringLiteral("gather:"), &error));
    QCOMPARE(error, QStringLiteral("gather takes only \"return_exceptions\", not \"\""));
    const QString help = strategySyntaxHelp();
    QCOMPARE(help,
             QStringLiteral("sequential, gather, gather:return_exceptions, task_group, as_completed, wait:first_completed, "
                            "wait:first_exception, wait:all_completed[,timeout=MS], semaphore:N, rate_limit:CALLS/PERIOD_MS, queue:WORKERS[,maxsize=M][,interval=MS], "
                            "batches:SIZE[,concurrency=C][,pause=MS]"));
}

void TestRegistry::everyTaskKindLivesInAFileOfItsName()
{
    const QList<const TaskKindDefinition *> all = TaskKindRegistry::all();
    QVERIFY(all.size() >= 5);
    for (const TaskKindDefinition *d : all) {
        const QString file = QStringLiteral(CONCVIZ_SOURCE_DIR "/core/engine/kinds/%1.cpp").arg(d->name);
        QVERIFY2(QFileInfo::exists(file), qPrintable(file));
        QVERIFY2(d->run && !d->summary.isEmpty() && !d->asyncioCode.isEmpty(), qPrintable(d->name));
        QVERIFY2(d->field(d->mainField), qPrintable(d->name));
    }
}

void TestRegistry::everyTaskKindAndItsFieldsAreInTheReadmeTable()
{
    QFile readme(QStringLiteral(CONCVIZ_SOURCE_DIR "/README.md"));
    QVERIFY(readme.open(QIODevice::ReadOnly));
    const QStringList lines = QString::fromUtf8(readme.readAll()).split(QLatin1Char('\n'));
    for (const TaskKindDefinition *d : TaskKindRegistry::all()) {
        const QString prefix = QStringLiteral("| `%1` |").arg(d->name);
        const auto row = std::find_if(lines.begin(), lines.end(), [&](const QString &l) { return l.startsWith(prefix); });
        QVERIFY2(row != lines.end(), qPrintable(prefix));
        const QString fieldsColumn = row->section(QLatin1Char('|'), -2, -2);
        for (const Field &f : d->fields)
            QVERIFY2(fieldsColumn.contains(QStringLiteral("`%1`").arg(f.key)), qPrintable(d->name + QLatin1Char('.') + f.key));
    }
}

void TestRegistry::aNewTaskOfEveryKindIsValidSavesAndRuns_data()
{
    QTest::addColumn<QString>("kind");
    for (const TaskKindDefinition *d : TaskKindRegistry::all())
        QTest::newRow(qPrintable(d->name)) << d->name;
}

void TestRegistry::aNewTaskOfEveryKindIsValidSavesAndRuns()
{
    QFETCH(QString, kind);
    Scenario s;
    s.name = QStringLiteral("one of each");
    s.tasks << TaskKindRegistry::find(kind)->makeTask(QStringLiteral("T1"));
    QCOMPARE(ScenarioValidator::problems(s), QStringList());

    // What the editor makes, a file keeps: saved and read back, it is the same scenario.
    const QByteArray saved = ScenarioWriter::toJson(s);
    const ScenarioReadResult back = ScenarioReader::read(saved, QStringLiteral("saved"));
    QVERIFY2(back.scenario, qPrintable(back.errors.join(QLatin1Char('\n'))));
    QCOMPARE(back.scenario->tasks, s.tasks);

    // It runs to an end on the virtual clock (an http task against the simulated demo server).
    const Trace trace = runOn(ClockKind::Virtual, *back.scenario, QStringLiteral("gather"));
    QCOMPARE(trace.tasks.size(), 1);
    QVERIFY(trace.tasks[0].end >= 0);
    QVERIFY2(trace.tasks[0].outcome == (kind == QLatin1String("fail") ? Outcome::Failed : Outcome::Ok), qPrintable(trace.tasks[0].error));
}

void TestRegistry::aFieldOfAnotherKindIsRefusedByFilesAndTheEditorAlike()
{
    const ScenarioReadResult file = ScenarioReader::read(
        R"({"concviz": 1, "tasks": [{"kind": "sleep", "duration_ms": 10, "url": "http://demo/json"}]})", QStringLiteral("f.json"));
    QCOMPARE(file.errors, QStringList{QStringLiteral("f.json: tasks[0].url: only http tasks take url")});
    const ScenarioReadResult shared = ScenarioReader::read(
        R"({"concviz": 1, "tasks": [{"kind": "http", "url": "http://demo/json", "duration_ms": 10}]})", QStringLiteral("f.json"));
    QCOMPARE(shared.errors,
             QStringList{QStringLiteral("f.json: tasks[0].duration_ms: only sleep, fail, blocking, cpu and db tasks take duration_ms")});
    // A field of another kind at its default changes nothing, and is let be.
    QVERIFY(ScenarioReader::read(R"({"concviz": 1, "tasks": [{"kind": "sleep", "duration_ms": 10, "offload": false}]})",
                                 QStringLiteral("f.json"))
                .scenario);

    Scenario s;
    s.tasks << TaskKindRegistry::find(QStringLiteral("sleep"))->makeTask(QStringLiteral("T1"));
    s.tasks[0].fields.insert(QStringLiteral("url"), QStringLiteral("http://demo/json"));
    s.tasks[0].fields.insert(QStringLiteral("duration_ms"), -5.0);
    QCOMPARE(ScenarioValidator::problems(s),
             (QStringList{QStringLiteral("tasks[0].duration_ms: must be a non-negative number"),
                          QStringLiteral("tasks[0].url: only http tasks take url")}));
}

QTEST_GUILESS_MAIN(TestRegistry)
#include "tst_registry.moc"
