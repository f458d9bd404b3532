// db tasks: the connection pool (its limit, overflow and timeout) and the sync driver that blocks the
// loop, exact on the virtual clock and within tolerances on the real one, where every query runs on
// a real SQLite connection: the demo database, a file of the test's own, and the errors a user meets.

#include "testsupport.h"

#include "demo/demodatabase.h"
#include "engine/dbconnection.h"
#include "scenario/scenariowriter.h"
#include "trace/jsonexporter.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>

using namespace concviz;
using namespace concviz::test;

namespace {

QByteArray dbScenario(const QByteArray &tasks, const QByteArray &options = {})
{
    return "{\"concviz\": 1, \"name\": \"db\", " + options + (options.isEmpty() ? "" : ", ") + "\"tasks\": [" + tasks + "]}";
}

// The time a task waited for a connection, summed.
Micros poolWait(const TaskTrace &t)
{
    Micros total = 0;
    for (const PhaseSpan &p : t.phases)
        if (p.kind == PhaseKind::WaitDatabase)
            total += p.end - p.start;
    return total;
}

bool hasPhase(const TaskTrace &t, PhaseKind kind)
{
    return std::any_of(t.phases.begin(), t.phases.end(), [kind](const PhaseSpan &p) { return p.kind == kind; });
}

// Writes an SQLite file with one table `notes(id, body)` holding `bodies`.
void makeSqlite(const QString &path, const QStringList &bodies)
{
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("maker"));
        db.setDatabaseName(path);
        QVERIFY(db.open());
        QSqlQuery q(db);
        QVERIFY(q.exec(QStringLiteral("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)")));
        for (const QString &body : bodies) {
            q.prepare(QStringLiteral("INSERT INTO notes (body) VALUES (?)"));
            q.addBindValue(body);
            QVERIFY(q.exec());
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("maker"));
}

} // namespace

class TestDb : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void thePoolLetsSizePlusOverflowQueryAtOnce_virtual();
    void aTaskThatWaitsTooLongForAConnectionFails_virtual();
    void theSyncDriverHoldsTheLoop_virtual();
    void theDemoDatabaseIsMadeOnceWithTheSameRows();
    void aQueryReturnsItsRowsAndFirstRow();
    void thePoolLimitsRealConnections();
    void thePoolTimeoutFailsARealTask();
    void theSyncDriverBlocksTheRealLoop();
    void errorsFailTheTaskWithTheDatabasesWords_data();
    void errorsFailTheTaskWithTheDatabasesWords();
    void aQueryCannotChangeTheDatabase();
    void aCancelledQueryIsInterrupted();
    void quittingDuringARunawayQueryEndsCleanly();
    void theFirstRowIsEscapedAndCut();
    void theFieldsAreReadCheckedAndWritten_data();
    void theFieldsAreReadCheckedAndWritten();
    void theFieldsRoundTrip();

private:
    QTemporaryDir m_dir;
};

void TestDb::initTestCase()
{
    QVERIFY(m_dir.isValid());
    // The demo database goes to the data folder: here, one of the test's own.
    qputenv("XDG_DATA_HOME", m_dir.filePath(QStringLiteral("data")).toUtf8());
    QCoreApplication::setOrganizationName(QStringLiteral("ConcViz"));
    QCoreApplication::setApplicationName(QStringLiteral("concviz"));
}

void TestDb::thePoolLetsSizePlusOverflowQueryAtOnce_virtual()
{
    // 2 + 1 connections for five 100 ms queries: three at once, then two.
    const Trace trace = runOn(ClockKind::Virtual,
                              scenarioFrom(dbScenario(R"({"name": "q", "kind": "db", "duration_ms": 100, "count": 5})",
                                                      R"("db_pool": {"size": 2, "max_overflow": 1})")),
                              QStringLiteral("gather"));
    QCOMPARE(trace.tasks.size(), 5);
    for (int i = 0; i < 5; ++i) {
        const TaskTrace &t = trace.tasks[i];
        QCOMPARE(t.outcome, Outcome::Ok);
        QCOMPARE(ms(t.end), i < 3 ? 100.0 : 200.0);
        QCOMPARE(ms(poolWait(t)), i < 3 ? 0.0 : 100.0);
    }
    QCOMPARE(ms(trace.makespan()), 200.0);
}

void TestDb::aTaskThatWaitsTooLongForAConnectionFails_virtual()
{
    // One connection, 150 ms of patience: B gets it at 100 ms; C would get it at 200 ms and gives up at 150.
    const Trace trace = runOn(ClockKind::Virtual,
                              scenarioFrom(dbScenario(R"({"name": "A", "kind": "db", "duration_ms": 100},
                                                         {"name": "B", "kind": "db", "duration_ms": 100},
                                                         {"name": "C", "kind": "db", "duration_ms": 100})",
                                                      R"("db_pool": {"size": 1, "max_overflow": 0, "timeout_ms": 150})")),
                              QStringLiteral("gather:return_exceptions"));
    QCOMPARE(task(trace, QStringLiteral("A")).outcome, Outcome::Ok);
    QCOMPARE(ms(task(trace, QStringLiteral("B")).end), 200.0);
    const TaskTrace &c = task(trace, QStringLiteral("C"));
    QCOMPARE(c.outcome, Outcome::Failed);
    QCOMPARE(ms(c.end), 150.0);
    QCOMPARE(c.error, QStringLiteral("pool timeout after 150 ms: its one connection was busy"));
    QCOMPARE(ms(poolWait(c)), 150.0);
}

void TestDb::theSyncDriverHoldsTheLoop_virtual()
{
    // A 300 ms query on a sync driver: the 100 ms sleep started before it cannot wake before the loop is free.
    const Trace trace = runOn(ClockKind::Virtual,
                              scenarioFrom(dbScenario(R"({"name": "ping", "kind": "sleep", "duration_ms": 100},
                                                         {"name": "report", "kind": "db", "duration_ms": 300, "driver": "sync"})")),
                              QStringLiteral("gather"));
    const TaskTrace &report = task(trace, QStringLiteral("report"));
    QVERIFY(hasPhase(report, PhaseKind::HoldsLoop));
    QCOMPARE(ms(report.end), 300.0);
    QCOMPARE(ms(task(trace, QStringLiteral("ping")).end), 300.0);
    // The same query on the async driver lets it through on time.
    const Trace async = runOn(ClockKind::Virtual,
                              scenarioFrom(dbScenario(R"({"name": "ping", "kind": "sleep", "duration_ms": 100},
                                                         {"name": "report", "kind": "db", "duration_ms": 300})")),
                              QStringLiteral("gather"));
    QCOMPARE(ms(task(async, QStringLiteral("ping")).end), 100.0);
    QVERIFY(!hasPhase(task(async, QStringLiteral("report")), PhaseKind::HoldsLoop));
}

void TestDb::theDemoDatabaseIsMadeOnceWithTheSameRows()
{
    QString error;
    const QString path = DemoDatabase::ensure(&error);
    QVERIFY2(!path.isEmpty(), qPrintable(error));
    QVERIFY(path.startsWith(m_dir.path()));
    const QDateTime made = QFileInfo(path).lastModified();
    QCOMPARE(DemoDatabase::ensure(&error), path);
    QCOMPARE(QFileInfo(path).lastModified(), made);
    // No half-made file is left beside it.
    QCOMPARE(QDir(QFileInfo(path).absolutePath()).entryList(QDir::Files).size(), 1);

    // A second one made elsewhere has exactly the same rows.
    const QString other = m_dir.filePath(QStringLiteral("other.sqlite"));
    QVERIFY2(DemoDatabase::create(other, &error), qPrintable(error));
    const QString sum = QStringLiteral("SELECT count(*), sum(user_id * 7 + product_id * 3 + quantity), max(ordered) FROM orders");
    const Trace trace = runOn(ClockKind::Real,
                              scenarioFrom(dbScenario("{\"name\": \"demo\", \"kind\": \"db\", \"duration_ms\": 1, \"query\": \"" + sum.toUtf8() + "\"}")),
                              QStringLiteral("gather"));
    const Trace copy = runOn(ClockKind::Real,
                             scenarioFrom(dbScenario("{\"name\": \"demo\", \"kind\": \"db\", \"duration_ms\": 1, \"query\": \"" + sum.toUtf8() + "\"}",
                                                     "\"database\": \"sqlite:" + other.toUtf8() + "\"")),
                             QStringLiteral("gather"));
    QCOMPARE(trace.tasks[0].outcome, Outcome::Ok);
    QVERIFY(trace.tasks[0].extras().dbFirstRow.startsWith(QStringLiteral("(500, ")));
    QCOMPARE(trace.tasks[0].extras().dbFirstRow, copy.tasks[0].extras().dbFirstRow);
}

void TestDb::aQueryReturnsItsRowsAndFirstRow()
{
    const Trace trace = runOn(ClockKind::Real,
                              scenarioFrom(dbScenario(R"({"name": "users", "kind": "db", "duration_ms": 200,
                                                          "query": "SELECT id, name, email FROM users ORDER BY id"})")),
                              QStringLiteral("gather"));
    const TaskTrace &t = trace.tasks[0];
    QVERIFY2(t.outcome == Outcome::Ok, qPrintable(t.error));
    QCOMPARE(t.extras().dbRows, qint64(DemoDatabase::users));
    QCOMPARE(t.extras().dbFirstRow, QStringLiteral("(1, 'Ada', 'ada@example.com')"));
    QCOMPARE(t.resultSummary(), QStringLiteral("20 rows, the first (1, 'Ada', 'ada@example.com')"));
    // duration_ms is the least it takes, though SQLite answers in a millisecond.
    QVERIFY2(ms(t.end - t.start) >= 199, qPrintable(QString::number(ms(t.end - t.start))));
    const QJsonObject json = QJsonDocument::fromJson(JsonExporter::toJson(trace)).object();
    const QJsonObject users = json.value(QLatin1String("tasks")).toArray().at(0).toObject();
    QCOMPARE(users.value(QLatin1String("rows")).toInteger(), 20);
    QCOMPARE(users.value(QLatin1String("first_row")).toString(), QStringLiteral("(1, 'Ada', 'ada@example.com')"));
}

void TestDb::thePoolLimitsRealConnections()
{
    // Two connections for four 300 ms queries: two waves, the second after a real wait.
    const Trace trace = runOn(ClockKind::Real,
                              scenarioFrom(dbScenario(R"({"name": "q", "kind": "db", "duration_ms": 300, "count": 4})",
                                                      R"("db_pool": {"size": 1, "max_overflow": 1})")),
                              QStringLiteral("gather"));
    int waited = 0;
    for (const TaskTrace &t : trace.tasks) {
        QVERIFY2(t.outcome == Outcome::Ok, qPrintable(t.error));
        QCOMPARE(t.extras().dbRows, 1);
        if (poolWait(t) >= 250'000)
            ++waited;
    }
    QCOMPARE(waited, 2);
    QVERIFY2(ms(trace.makespan()) >= 599 && ms(trace.makespan()) < 1500, qPrintable(QString::number(ms(trace.makespan()))));
}

void TestDb::thePoolTimeoutFailsARealTask()
{
    const Trace trace = runOn(ClockKind::Real,
                              scenarioFrom(dbScenario(R"({"name": "A", "kind": "db", "duration_ms": 600},
                                                         {"name": "B", "kind": "db", "duration_ms": 100})",
                                                      R"("db_pool": {"size": 1, "max_overflow": 0, "timeout_ms": 200})")),
                              QStringLiteral("gather:return_exceptions"));
    QCOMPARE(task(trace, QStringLiteral("A")).outcome, Outcome::Ok);
    const TaskTrace &b = task(trace, QStringLiteral("B"));
    QCOMPARE(b.outcome, Outcome::Failed);
    QCOMPARE(b.error, QStringLiteral("pool timeout after 200 ms: its one connection was busy"));
    QVERIFY2(ms(b.end) >= 199 && ms(b.end) < 550, qPrintable(QString::number(ms(b.end))));
}

void TestDb::theSyncDriverBlocksTheRealLoop()
{
    const Trace trace = runOn(ClockKind::Real,
                              scenarioFrom(dbScenario(R"({"name": "ping", "kind": "sleep", "duration_ms": 50},
                                                         {"name": "report", "kind": "db", "duration_ms": 400, "driver": "sync"})")),
                              QStringLiteral("gather"));
    const TaskTrace &report = task(trace, QStringLiteral("report"));
    QVERIFY2(report.outcome == Outcome::Ok, qPrintable(report.error));
    QVERIFY(hasPhase(report, PhaseKind::HoldsLoop));
    QCOMPARE(report.extras().dbRows, 1);
    // The sleep was due at 50 ms and woke only once the query let go of the loop.
    QVERIFY2(ms(task(trace, QStringLiteral("ping")).end) >= 395, qPrintable(QString::number(ms(task(trace, QStringLiteral("ping")).end))));
}

void TestDb::errorsFailTheTaskWithTheDatabasesWords_data()
{
    QTest::addColumn<QByteArray>("options");
    QTest::addColumn<QByteArray>("query");
    QTest::addColumn<QString>("error");
    QTest::newRow("bad query") << QByteArray() << QByteArray("SELECT nope FROM users") << QStringLiteral("no such column: nope");
    QTest::newRow("no such table") << QByteArray() << QByteArray("SELECT * FROM invoices") << QStringLiteral("no such table: invoices");
    QTest::newRow("missing file") << QByteArray("\"database\": \"sqlite:/nonexistent/shop.db\"") << QByteArray("SELECT 1")
                                  << QStringLiteral("cannot open sqlite:/nonexistent/shop.db: unable to open database file");
    // Port 1 on loopback: nothing listens, the connection is refused at once.
    QTest::newRow("refused") << QByteArray("\"database\": \"postgresql://ada:secret@127.0.0.1:1/shop\"") << QByteArray("SELECT 1")
                             << QStringLiteral("cannot open postgresql://ada@127.0.0.1:1/shop: ");
}

void TestDb::errorsFailTheTaskWithTheDatabasesWords()
{
    QFETCH(QByteArray, options);
    QFETCH(QByteArray, query);
    QFETCH(QString, error);
    const Trace trace = runOn(ClockKind::Real,
                              scenarioFrom(dbScenario("{\"name\": \"q\", \"kind\": \"db\", \"duration_ms\": 50, \"query\": \"" + query + "\"}", options)),
                              QStringLiteral("gather:return_exceptions"));
    const TaskTrace &t = trace.tasks[0];
    QCOMPARE(t.outcome, Outcome::Failed);
    QVERIFY2(t.error.startsWith(error), qPrintable(t.error));
    QVERIFY2(!t.error.contains(QLatin1String("secret")), qPrintable(t.error));
    QCOMPARE(t.extras().dbRows, -1);
}

void TestDb::aQueryCannotChangeTheDatabase()
{
    const QString path = m_dir.filePath(QStringLiteral("notes.sqlite"));
    makeSqlite(path, {QStringLiteral("keep me")});
    const QByteArray before = [&] { QFile f(path); return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray(); }();
    const Trace trace = runOn(ClockKind::Real,
                              scenarioFrom(dbScenario(R"({"name": "drop", "kind": "db", "duration_ms": 10, "query": "DELETE FROM notes"})",
                                                      "\"database\": \"sqlite:" + path.toUtf8() + "\"")),
                              QStringLiteral("gather:return_exceptions"));
    QCOMPARE(trace.tasks[0].outcome, Outcome::Failed);
    QVERIFY2(trace.tasks[0].error.contains(QLatin1String("readonly")), qPrintable(trace.tasks[0].error));
    QFile after(path);
    QVERIFY(after.open(QIODevice::ReadOnly));
    QCOMPARE(after.readAll(), before);
}

namespace {

// A query that never ends on its own: SQLite counts an endless recursive sequence.
const QByteArray runaway = R"({"name": "forever", "kind": "db", "duration_ms": 10, "timeout_ms": 300,
    "query": "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT count(*) FROM c"})";

} // namespace

void TestDb::aCancelledQueryIsInterrupted()
{
    // One connection: the next query can only run once the timed-out one has really stopped.
    const Trace trace = runOn(ClockKind::Real,
                              scenarioFrom(dbScenario(runaway + R"(, {"name": "next", "kind": "db", "duration_ms": 10, "timeout_ms": 3000})",
                                                      R"("db_pool": {"size": 1, "max_overflow": 0})")),
                              QStringLiteral("sequential"));
    QCOMPARE(task(trace, QStringLiteral("forever")).outcome, Outcome::Timeout);
    const TaskTrace &next = task(trace, QStringLiteral("next"));
    QVERIFY2(next.outcome == Outcome::Ok, qPrintable(next.error));
    QCOMPARE(next.extras().dbFirstRow, QStringLiteral("(500,)"));
}

void TestDb::quittingDuringARunawayQueryEndsCleanly()
{
    // Once crashed the program as it quit: the query was still running on its connection's thread.
    const QString file = m_dir.filePath(QStringLiteral("runaway.json"));
    QFile out(file);
    QVERIFY(out.open(QIODevice::WriteOnly));
    out.write(dbScenario(runaway));
    out.close();
    QProcess p;
    p.start(QStringLiteral(CONCVIZ_BINARY), {QStringLiteral("run"), file, QStringLiteral("--clock"), QStringLiteral("real")});
    QVERIFY(p.waitForFinished(20000));
    QCOMPARE(p.exitStatus(), QProcess::NormalExit);
    QCOMPARE(p.exitCode(), 0);
    QVERIFY(QString::fromUtf8(p.readAllStandardOutput()).contains(QStringLiteral("timed out after 300 ms")));
}

void TestDb::theFirstRowIsEscapedAndCut()
{
    const QString path = m_dir.filePath(QStringLiteral("hostile.sqlite"));
    makeSqlite(path, {QStringLiteral("red \x1b[31m alert\nline two 'quoted'"), QString(5000, QLatin1Char('x'))});
    auto firstRow = [&](const QByteArray &query) {
        const Trace trace = runOn(ClockKind::Real,
                                  scenarioFrom(dbScenario("{\"name\": \"q\", \"kind\": \"db\", \"duration_ms\": 1, \"query\": \"" + query + "\"}",
                                                          "\"database\": \"sqlite:" + path.toUtf8() + "\"")),
                                  QStringLiteral("gather"));
        return trace.tasks[0].extras().dbFirstRow;
    };
    QCOMPARE(firstRow("SELECT body FROM notes WHERE id = 1"), QStringLiteral("('red \\x{1b}[31m alert\\nline two \\'quoted\\'',)"));
    const QString longRow = firstRow("SELECT id, body FROM notes WHERE id = 2");
    QVERIFY2(longRow.size() <= DbConnection::maxRowText + 2, qPrintable(QString::number(longRow.size())));
    QVERIFY(longRow.startsWith(QStringLiteral("(2, 'xxx")));
    QVERIFY(longRow.endsWith(QStringLiteral("…)")));
}

void TestDb::theFieldsAreReadCheckedAndWritten_data()
{
    QTest::addColumn<QByteArray>("options");
    QTest::addColumn<QString>("error");
    QTest::newRow("unknown database") << QByteArray(R"("database": "mysql://x/y")")
                                      << QStringLiteral("<test>: database: must be \"demo\", \"sqlite:PATH\" or \"postgresql://user:password@host:port/dbname\"");
    QTest::newRow("no path") << QByteArray(R"("database": "sqlite:")")
                             << QStringLiteral("<test>: database: \"sqlite:\" needs the path of a database file after it, as in sqlite:shop.db");
    QTest::newRow("no dbname") << QByteArray(R"("database": "postgresql://localhost")")
                               << QStringLiteral("<test>: database: a PostgreSQL database is written postgresql://user:password@host:port/dbname");
    QTest::newRow("pool not an object") << QByteArray(R"("db_pool": 5)")
                                        << QStringLiteral("<test>: db_pool: must be an object such as {\"size\": 5, \"max_overflow\": 10, \"timeout_ms\": 30000}");
    QTest::newRow("pool size 0") << QByteArray(R"("db_pool": {"size": 0})") << QStringLiteral("<test>: db_pool.size: must be a whole number from 1 to 1000");
    QTest::newRow("unknown pool key") << QByteArray(R"("db_pool": {"pool_size": 3})") << QStringLiteral("<test>: db_pool.pool_size: ");
    QTest::newRow("bad driver") << QByteArray() << QStringLiteral("<test>: tasks[0].driver: ");
}

void TestDb::theFieldsAreReadCheckedAndWritten()
{
    QFETCH(QByteArray, options);
    QFETCH(QString, error);
    const QByteArray task = options.isEmpty() ? R"({"kind": "db", "duration_ms": 10, "driver": "blocking"})" : R"({"kind": "db", "duration_ms": 10})";
    const ScenarioReadResult result = ScenarioReader::read(dbScenario(task, options), QStringLiteral("<test>"));
    QVERIFY(!result.scenario);
    QVERIFY2(!result.errors.isEmpty() && result.errors.first().startsWith(error), qPrintable(result.errors.join(QLatin1Char('\n'))));
}

void TestDb::theFieldsRoundTrip()
{
    const Scenario s = scenarioFrom(dbScenario(R"({"name": "q", "kind": "db", "duration_ms": 250, "query": "SELECT 1", "driver": "sync"})",
                                               R"("database": "postgresql://ada:pw@db.example:6543/shop", "db_pool": {"size": 2, "max_overflow": 3, "timeout_ms": 1500})"));
    QCOMPARE(s.database, QStringLiteral("postgresql://ada:pw@db.example:6543/shop"));
    QCOMPARE(s.dbPool.capacity(), 5);
    const QByteArray written = ScenarioWriter::toJson(s);
    QVERIFY2(written.contains(R"("db_pool": {"size": 2, "max_overflow": 3, "timeout_ms": 1500})"), written.constData());
    QCOMPARE(scenarioFrom(written), s);
    // Defaults are left out.
    const QByteArray plain = ScenarioWriter::toJson(scenarioFrom(dbScenario(R"({"kind": "db", "duration_ms": 10})")));
    QVERIFY(!plain.contains("database"));
    QVERIFY(!plain.contains("db_pool"));
}

QTEST_GUILESS_MAIN(TestDb)
#include "tst_db.moc"
