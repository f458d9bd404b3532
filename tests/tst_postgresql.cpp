// db tasks against a real PostgreSQL server, started for the test on loopback in a throwaway
// cluster: real server time (pg_sleep), the pool's connections as the server counts them, the
// read-only session, and the server's own error messages. Skipped where PostgreSQL is not installed.

#include "testsupport.h"

#include <QDir>
#include <QProcess>
#include <QTcpServer>
#include <QTemporaryDir>

#include <unistd.h>

using namespace concviz;
using namespace concviz::test;

namespace {

// PostgreSQL's programs, from the newest version installed.
QString postgresBin()
{
    const QStringList versions = QDir(QStringLiteral("/usr/lib/postgresql")).entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
    for (auto it = versions.rbegin(); it != versions.rend(); ++it) {
        const QString bin = QStringLiteral("/usr/lib/postgresql/%1/bin").arg(*it);
        if (QFileInfo::exists(bin + QStringLiteral("/initdb")))
            return bin;
    }
    return {};
}

int freePort()
{
    QTcpServer probe;
    return probe.listen(QHostAddress::LocalHost, 0) ? probe.serverPort() : 0;
}

} // namespace

class TestPostgresql : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void aQueryTakesTheServersTime();
    void thePoolsConnectionsAreTheServers();
    void theSyncDriverBlocksTheLoopForTheServersTime();
    void theSessionIsReadOnly();
    void aTimedOutQueryIsCancelledOnTheServer();
    void theServersErrorFailsTheTask();

private:
    // Runs one of PostgreSQL's programs as the cluster's owner; fails the test on a non-zero exit.
    bool pg(const QString &program, const QStringList &arguments);
    QByteArray scenario(const QByteArray &tasks, const QByteArray &options = {}, const QString &dbname = QStringLiteral("shop")) const;

    QString m_bin;
    QTemporaryDir m_dir;
    QString m_data;
    int m_port = 0;
    bool m_started = false;
};

bool TestPostgresql::pg(const QString &program, const QStringList &arguments)
{
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    // The server refuses to run as root: as root, the cluster belongs to the postgres user.
    if (geteuid() == 0)
        p.start(QStringLiteral("runuser"), QStringList{QStringLiteral("-u"), QStringLiteral("postgres"), QStringLiteral("--"), m_bin + u'/' + program} + arguments);
    else
        p.start(m_bin + u'/' + program, arguments);
    if (!p.waitForFinished(60000) || p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
        qWarning("%s failed: %s", qPrintable(program), p.readAll().constData());
        return false;
    }
    return true;
}

QByteArray TestPostgresql::scenario(const QByteArray &tasks, const QByteArray &options, const QString &dbname) const
{
    const QByteArray url = QStringLiteral("postgresql://postgres:unused@127.0.0.1:%1/%2").arg(m_port).arg(dbname).toUtf8();
    return "{\"concviz\": 1, \"name\": \"pg\", \"database\": \"" + url + "\"" + (options.isEmpty() ? "" : ", " + options) + ", \"tasks\": [" + tasks + "]}";
}

void TestPostgresql::initTestCase()
{
    m_bin = postgresBin();
    if (m_bin.isEmpty())
        QSKIP("PostgreSQL is not installed (tools/install-deps installs it)");
    QVERIFY(m_dir.isValid());
    m_data = m_dir.filePath(QStringLiteral("cluster"));
    if (geteuid() == 0) {
        // The cluster's owner must reach its folder.
        QVERIFY(QFile::setPermissions(m_dir.path(), QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner
                                                         | QFileDevice::ExeGroup | QFileDevice::ExeOther));
        QVERIFY(QDir().mkpath(m_data));
        QCOMPARE(QProcess::execute(QStringLiteral("chown"), {QStringLiteral("postgres"), m_data}), 0);
    }
    m_port = freePort();
    QVERIFY(m_port > 0);
    QVERIFY(pg(QStringLiteral("initdb"), {QStringLiteral("-D"), m_data, QStringLiteral("-A"), QStringLiteral("trust"),
                                          QStringLiteral("-U"), QStringLiteral("postgres"), QStringLiteral("--no-sync")}));
    const QString options = QStringLiteral("-p %1 -k %2 -c listen_addresses=127.0.0.1 -c fsync=off").arg(m_port).arg(m_data);
    QVERIFY(pg(QStringLiteral("pg_ctl"), {QStringLiteral("-D"), m_data, QStringLiteral("-o"), options, QStringLiteral("-l"),
                                          m_data + QStringLiteral("/server.log"), QStringLiteral("-w"), QStringLiteral("start")}));
    m_started = true;
    const QStringList psql = {QStringLiteral("-h"), QStringLiteral("127.0.0.1"), QStringLiteral("-p"), QString::number(m_port),
                              QStringLiteral("-U"), QStringLiteral("postgres"), QStringLiteral("-v"), QStringLiteral("ON_ERROR_STOP=1")};
    QVERIFY(pg(QStringLiteral("psql"), psql + QStringList{QStringLiteral("-c"), QStringLiteral("CREATE DATABASE shop")}));
    QVERIFY(pg(QStringLiteral("psql"), psql + QStringList{QStringLiteral("-d"), QStringLiteral("shop"), QStringLiteral("-c"),
                                                          QStringLiteral("CREATE TABLE users (id int PRIMARY KEY, name text);"
                                                                         "INSERT INTO users VALUES (1, 'Ada'), (2, 'Grace'), (3, 'Linus');")}));
}

void TestPostgresql::cleanupTestCase()
{
    if (m_started)
        pg(QStringLiteral("pg_ctl"), {QStringLiteral("-D"), m_data, QStringLiteral("-m"), QStringLiteral("immediate"), QStringLiteral("stop")});
}

void TestPostgresql::aQueryTakesTheServersTime()
{
    // 100 ms is the least; the server takes 500.
    const Trace trace = runOn(ClockKind::Real,
                              scenarioFrom(scenario(R"j({"name": "slow", "kind": "db", "duration_ms": 100, "query": "SELECT 42 FROM pg_sleep(0.5)"},
                                                       {"name": "users", "kind": "db", "duration_ms": 100, "query": "SELECT id, name FROM users ORDER BY id"})j")),
                              QStringLiteral("gather"));
    const TaskTrace &slow = task(trace, QStringLiteral("slow"));
    QVERIFY2(slow.outcome == Outcome::Ok, qPrintable(slow.error));
    QCOMPARE(slow.extras().dbFirstRow, QStringLiteral("(42,)"));
    QVERIFY2(ms(slow.end - slow.start) >= 495, qPrintable(QString::number(ms(slow.end - slow.start))));
    const TaskTrace &users = task(trace, QStringLiteral("users"));
    QVERIFY2(users.outcome == Outcome::Ok, qPrintable(users.error));
    QCOMPARE(users.extras().dbRows, 3);
    QCOMPARE(users.extras().dbFirstRow, QStringLiteral("(1, 'Ada')"));
    // Run beside it, not after: the async driver let the loop go on.
    QVERIFY2(ms(users.end) < ms(slow.end), qPrintable(QString::number(ms(users.end))));
}

void TestPostgresql::thePoolsConnectionsAreTheServers()
{
    // Four queries, two connections: the server never sees more than two of them at once, and the
    // second pair waits for the first.
    const QByteArray query = "SELECT count(*) FROM pg_stat_activity WHERE datname = 'shop' AND backend_type = 'client backend' AND pid <> 0"
                             " AND 0 < (SELECT count(*) FROM pg_sleep(0.3))";
    const Trace trace = runOn(ClockKind::Real,
                              scenarioFrom(scenario("{\"name\": \"q\", \"kind\": \"db\", \"duration_ms\": 10, \"count\": 4, \"query\": \"" + query + "\"}",
                                                    R"("db_pool": {"size": 2, "max_overflow": 0})")),
                              QStringLiteral("gather"));
    for (const TaskTrace &t : trace.tasks) {
        QVERIFY2(t.outcome == Outcome::Ok, qPrintable(t.error));
        QVERIFY2(t.extras().dbFirstRow == QStringLiteral("(1,)") || t.extras().dbFirstRow == QStringLiteral("(2,)"), qPrintable(t.extras().dbFirstRow));
    }
    QVERIFY2(ms(trace.makespan()) >= 595, qPrintable(QString::number(ms(trace.makespan()))));
}

void TestPostgresql::theSyncDriverBlocksTheLoopForTheServersTime()
{
    const Trace trace = runOn(ClockKind::Real,
                              scenarioFrom(scenario(R"j({"name": "ping", "kind": "sleep", "duration_ms": 50},
                                                       {"name": "report", "kind": "db", "duration_ms": 10, "driver": "sync", "query": "SELECT pg_sleep(0.4)"})j")),
                              QStringLiteral("gather"));
    QVERIFY2(task(trace, QStringLiteral("report")).outcome == Outcome::Ok, qPrintable(task(trace, QStringLiteral("report")).error));
    QVERIFY2(ms(task(trace, QStringLiteral("ping")).end) >= 395, qPrintable(QString::number(ms(task(trace, QStringLiteral("ping")).end))));
}

void TestPostgresql::theSessionIsReadOnly()
{
    const Trace trace = runOn(ClockKind::Real,
                              scenarioFrom(scenario(R"({"name": "drop", "kind": "db", "duration_ms": 10, "query": "DELETE FROM users"},
                                                       {"name": "count", "kind": "db", "duration_ms": 10, "query": "SELECT count(*) FROM users"})")),
                              QStringLiteral("sequential"));
    const TaskTrace &drop = task(trace, QStringLiteral("drop"));
    QCOMPARE(drop.outcome, Outcome::Failed);
    QVERIFY2(drop.error.contains(QLatin1String("read-only transaction")), qPrintable(drop.error));
    QCOMPARE(task(trace, QStringLiteral("count")).extras().dbFirstRow, QStringLiteral("(3,)"));
}

void TestPostgresql::aTimedOutQueryIsCancelledOnTheServer()
{
    // One connection: the next query runs as soon as the server has given up the 30 s sleep.
    const Trace trace = runOn(ClockKind::Real,
                              scenarioFrom(scenario(R"j({"name": "slow", "kind": "db", "duration_ms": 10, "timeout_ms": 300, "query": "SELECT pg_sleep(30)"},
                                                       {"name": "next", "kind": "db", "duration_ms": 10, "query": "SELECT count(*) FROM users"})j",
                                                    R"("db_pool": {"size": 1, "max_overflow": 0})")),
                              QStringLiteral("sequential"));
    QCOMPARE(task(trace, QStringLiteral("slow")).outcome, Outcome::Timeout);
    const TaskTrace &next = task(trace, QStringLiteral("next"));
    QVERIFY2(next.outcome == Outcome::Ok, qPrintable(next.error));
    QCOMPARE(next.extras().dbFirstRow, QStringLiteral("(3,)"));
    QVERIFY2(ms(next.end) < 5000, qPrintable(QString::number(ms(next.end))));
}

void TestPostgresql::theServersErrorFailsTheTask()
{
    const Trace trace = runOn(ClockKind::Real,
                              scenarioFrom(scenario(R"({"name": "q", "kind": "db", "duration_ms": 10, "query": "SELECT 1"})", {}, QStringLiteral("nope"))),
                              QStringLiteral("gather"));
    const TaskTrace &t = trace.tasks[0];
    QCOMPARE(t.outcome, Outcome::Failed);
    QVERIFY2(t.error.startsWith(QStringLiteral("cannot open postgresql://postgres@127.0.0.1:%1/nope: ").arg(m_port)), qPrintable(t.error));
    QVERIFY2(t.error.contains(QLatin1String("\"nope\" does not exist")), qPrintable(t.error));
    QVERIFY(!t.error.contains(QLatin1String("unused")));
}

QTEST_GUILESS_MAIN(TestPostgresql)
#include "tst_postgresql.moc"
