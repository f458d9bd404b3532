// The recorder against real asyncio programs: each program in tests/recorder/ measures its own
// tasks' times, runs under `concviz record`, and the trace must say what the program measured.

#include "testsupport.h"
#include "trace/statistics.h"
#include "trace/tracereader.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace concviz;

namespace {

// The same slack as the asyncio reference test allows a real clock on a busy machine.
constexpr double slackMs = 60;

bool near(double actual, double expected)
{
    return std::abs(actual - expected) <= slackMs + 0.05 * expected;
}

struct Recorded
{
    int exitCode = -1;
    QString errors;
    Trace trace;
    QJsonObject measured; // what the program measured of itself
};

const TaskTrace *taskNamed(const Trace &trace, const QString &name)
{
    for (const TaskTrace &t : trace.tasks)
        if (t.name == name)
            return &t;
    return nullptr;
}

} // namespace

class TestRecorder : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_python;
    Recorded record(const QString &program, const QStringList &concvizOptions = {});

private Q_SLOTS:
    void initTestCase();
    void aRecordedProgramsTasksAreWhereItMeasuredThem_data();
    void aRecordedProgramsTasksAreWhereItMeasuredThem();
    void eachWayOfWaitingShowsAsItsOwnWait();
    void theRecorderRunsWithoutConcvizToo();
    void aCommandThatRecordsNothingSaysSo();
};

void TestRecorder::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_python = QStandardPaths::findExecutable(QStringLiteral("python3"));
    QVERIFY2(!m_python.isEmpty(), "python3 is needed to record a Python program");
}

Recorded TestRecorder::record(const QString &program, const QStringList &concvizOptions)
{
    Recorded r;
    const QString out = m_dir.filePath(program + QStringLiteral(".trace.json"));
    const QString times = m_dir.filePath(program + QStringLiteral(".times.json"));
    QProcess p;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("CONCVIZ_TEST_TIMES"), times);
    p.setProcessEnvironment(environment);
    p.start(QStringLiteral(CONCVIZ_BINARY),
            QStringList{QStringLiteral("record"), QStringLiteral("--out"), out} + concvizOptions
                + QStringList{QStringLiteral("--"), m_python, QStringLiteral(CONCVIZ_SOURCE_DIR "/tests/recorder/") + program});
    if (!p.waitForFinished(60000)) {
        p.kill();
        p.waitForFinished();
    }
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.errors = QString::fromUtf8(p.readAllStandardError());
    const TraceReadResult read = TraceReader::readFile(out);
    if (read.error.isEmpty() && read.traces.size() == 1)
        r.trace = read.traces.first();
    else
        r.errors += read.error;
    QFile measured(times);
    if (measured.open(QIODevice::ReadOnly))
        r.measured = QJsonDocument::fromJson(measured.readAll()).object();
    return r;
}

void TestRecorder::aRecordedProgramsTasksAreWhereItMeasuredThem_data()
{
    QTest::addColumn<QString>("program");
    for (const char *program : {"gather.py", "taskgroup_failure.py", "semaphore.py", "queue_workers.py", "wait_for_timeout.py",
                                "executor.py", "blocking.py"})
        QTest::newRow(program) << QString::fromLatin1(program);
}

void TestRecorder::aRecordedProgramsTasksAreWhereItMeasuredThem()
{
    QFETCH(QString, program);
    const Recorded r = record(program);
    QVERIFY2(r.exitCode == 0, qPrintable(r.errors));
    QVERIFY2(!r.trace.tasks.isEmpty(), qPrintable(r.errors));
    const QJsonObject tasks = r.measured.value(QLatin1String("tasks")).toObject();
    QVERIFY2(!tasks.isEmpty(), "the program measured no task");
    // The program measures from the moment main() starts; the trace from the loop's first instant.
    const TaskTrace *main = taskNamed(r.trace, QStringLiteral("main"));
    QVERIFY2(main && main->start >= 0, "no task named main in the trace");
    const double origin = toMs(main->start);
    for (auto it = tasks.begin(); it != tasks.end(); ++it) {
        const QJsonObject m = it.value().toObject();
        const TaskTrace *t = taskNamed(r.trace, it.key());
        QVERIFY2(t, qPrintable(QStringLiteral("%1: no task named %2 in the trace").arg(program, it.key())));
        const QByteArray name = it.key().toUtf8() + ": ";
        QVERIFY2(outcomeName(t->outcome) == m.value(QLatin1String("state")).toString(),
                 name + outcomeName(t->outcome).toUtf8() + " in the trace, " + m.value(QLatin1String("state")).toString().toUtf8() + " measured");
        const double start = m.value(QLatin1String("start_ms")).toDouble();
        const double end = m.value(QLatin1String("end_ms")).toDouble();
        QVERIFY2(near(toMs(t->start) - origin, start), name + "started at " + QByteArray::number(toMs(t->start) - origin) + " vs " + QByteArray::number(start));
        QVERIFY2(near(toMs(t->end) - origin, end), name + "ended at " + QByteArray::number(toMs(t->end) - origin) + " vs " + QByteArray::number(end));
    }
}

// What each program is about shows as the wait it teaches, where the window draws it.
void TestRecorder::eachWayOfWaitingShowsAsItsOwnWait()
{
    // Semaphore(2): the others wait for a permit, and never more than two are at work.
    {
        const Recorded r = record(QStringLiteral("semaphore.py"));
        QVERIFY2(r.exitCode == 0, qPrintable(r.errors));
        int waited = 0;
        for (const TaskTrace &t : r.trace.tasks)
            waited += t.timeIn(PhaseKind::WaitSemaphore) > fromMs(50) ? 1 : 0;
        QVERIFY2(waited >= 5, qPrintable(QStringLiteral("%1 tasks waited for a permit").arg(waited)));
        QCOMPARE(Statistics::of(r.trace).maxConcurrency, 3); // two permits, and main
    }
    // A worker waits on the queue when it is empty.
    {
        const Recorded r = record(QStringLiteral("queue_workers.py"));
        QVERIFY2(r.exitCode == 0, qPrintable(r.errors));
        Micros queued = 0;
        for (const TaskTrace &t : r.trace.tasks)
            queued += t.timeIn(PhaseKind::WaitQueue);
        QVERIFY(queued > 0);
    }
    // time.sleep on the loop: the blocker holds it, and the tasks ready meanwhile wait for it.
    {
        const Recorded r = record(QStringLiteral("blocking.py"));
        QVERIFY2(r.exitCode == 0, qPrintable(r.errors));
        const TaskTrace *blocker = taskNamed(r.trace, QStringLiteral("blocker"));
        QVERIFY(blocker);
        QVERIFY2(blocker->timeIn(PhaseKind::HoldsLoop) >= fromMs(450), qPrintable(QString::number(toMs(blocker->timeIn(PhaseKind::HoldsLoop)))));
        int late = 0;
        for (const TaskTrace &t : r.trace.tasks)
            late += t.timeIn(PhaseKind::LoopBlocked) >= fromMs(100) ? 1 : 0;
        QVERIFY2(late >= 2, qPrintable(QStringLiteral("%1 tasks kept waiting by the blocked loop").arg(late)));
    }
    // Two executor threads do four jobs: a lane each, and the tasks that waited for one say so.
    {
        const Recorded r = record(QStringLiteral("executor.py"));
        QVERIFY2(r.exitCode == 0, qPrintable(r.errors));
        int threads = 0;
        qsizetype jobs = 0;
        Micros waitedForAThread = 0;
        for (const TaskTrace &t : r.trace.tasks) {
            threads += t.thread ? 1 : 0;
            jobs += t.thread ? t.attempts.size() : 0;
            waitedForAThread += t.timeIn(PhaseKind::WaitExecutor);
        }
        QCOMPARE(threads, 2);
        QCOMPARE(jobs, qsizetype(4));
        QVERIFY2(waitedForAThread >= fromMs(200), qPrintable(QString::number(toMs(waitedForAThread))));
    }
    // A TaskGroup whose task fails: the failure with its exception, the siblings cancelled, all
    // created by the task that opened the group.
    {
        const Recorded r = record(QStringLiteral("taskgroup_failure.py"));
        QVERIFY2(r.exitCode == 0, qPrintable(r.errors));
        int failed = 0;
        int cancelled = 0;
        for (const TaskTrace &t : r.trace.tasks) {
            if (t.outcome == Outcome::Failed) {
                ++failed;
                QVERIFY2(t.error.contains(QStringLiteral("Error")), qPrintable(t.error));
                QCOMPARE(t.extras().parent, QStringLiteral("main"));
            }
            cancelled += t.outcome == Outcome::Cancelled ? 1 : 0;
        }
        QCOMPARE(failed, 1);
        QVERIFY(cancelled >= 1);
    }
}

void TestRecorder::theRecorderRunsWithoutConcvizToo()
{
    const QString out = m_dir.filePath(QStringLiteral("module.json"));
    QProcess p;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("PYTHONPATH"), QStringLiteral(CONCVIZ_SOURCE_DIR "/python"));
    p.setProcessEnvironment(environment);
    p.start(m_python, {QStringLiteral("-m"), QStringLiteral("concviz_record"), QStringLiteral("--out"), out,
                       QStringLiteral(CONCVIZ_SOURCE_DIR "/tests/recorder/gather.py")});
    QVERIFY(p.waitForFinished(60000));
    QVERIFY2(p.exitCode() == 0, p.readAllStandardError().constData());
    const TraceReadResult read = TraceReader::readFile(out);
    QVERIFY2(read.error.isEmpty(), qPrintable(read.error));
    QVERIFY(taskNamed(read.traces.first(), QStringLiteral("main")));
    // Each nap awaited one sleep of its own length, and main the gather (a future).
    const TaskTrace *nap3 = taskNamed(read.traces.first(), QStringLiteral("nap3"));
    QVERIFY(nap3);
    QCOMPARE(nap3->extras().awaited.size(), 1);
    QCOMPARE(nap3->extras().awaited.first().on, QStringLiteral("sleep"));
    QVERIFY2(near(toMs(nap3->extras().awaited.first().end - nap3->extras().awaited.first().start), 300), qPrintable(nap3->awaitedSummary()));
    QVERIFY2(taskNamed(read.traces.first(), QStringLiteral("main"))->awaitedSummary().startsWith(QStringLiteral("future 1×")),
             qPrintable(taskNamed(read.traces.first(), QStringLiteral("main"))->awaitedSummary()));
    // And what it writes reads back as the same tasks through view.
    QProcess view;
    view.start(QStringLiteral(CONCVIZ_BINARY), {QStringLiteral("view"), out, QStringLiteral("--format"), QStringLiteral("scenario")});
    QVERIFY(view.waitForFinished(30000));
    QCOMPARE(view.exitCode(), 0);
    const QJsonObject scenario = QJsonDocument::fromJson(view.readAllStandardOutput()).object();
    QCOMPARE(scenario.value(QLatin1String("tasks")).toArray().size(), read.traces.first().tasks.size() - 1); // all but main
}

void TestRecorder::aCommandThatRecordsNothingSaysSo()
{
    QProcess p;
    p.start(QStringLiteral(CONCVIZ_BINARY), {QStringLiteral("record")});
    QVERIFY(p.waitForFinished(30000));
    QCOMPARE(p.exitCode(), 2);
    QVERIFY(p.readAllStandardError().contains("record needs the program to run after --"));

    p.start(QStringLiteral(CONCVIZ_BINARY), {QStringLiteral("record"), QStringLiteral("--"), QStringLiteral("/no/such/program")});
    QVERIFY(p.waitForFinished(30000));
    QCOMPARE(p.exitCode(), 2);
    QVERIFY(p.readAllStandardError().contains("/no/such/program: cannot be started"));

    // Not Python: it runs, and says it recorded nothing rather than showing an empty chart.
    const QString out = m_dir.filePath(QStringLiteral("nothing.json"));
    p.start(QStringLiteral(CONCVIZ_BINARY), {QStringLiteral("record"), QStringLiteral("--out"), out, QStringLiteral("--"),
                                             QStandardPaths::findExecutable(QStringLiteral("true"))});
    QVERIFY(p.waitForFinished(30000));
    QCOMPARE(p.exitCode(), 2);
    QVERIFY(p.readAllStandardError().contains("wrote no trace"));
    QVERIFY(!QFile::exists(out));
}

QTEST_GUILESS_MAIN(TestRecorder)
#include "tst_recorder.moc"
