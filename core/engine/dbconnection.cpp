#include "dbconnection.h"

#include "../demo/demodatabase.h"

#include <QDateTime>
#include <QPromise>
#include <QSqlDatabase>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QUrlQuery>
#include <QUuid>

#include <memory>

#ifdef CONCVIZ_INTERRUPT_QUERIES
#include <libpq-fe.h>
#include <sqlite3.h>
#endif

namespace concviz {

namespace {

// The server's own words when it gave any ("no such column: nope"), else the driver's.
QString messageOf(const QSqlError &error)
{
    const QString server = error.databaseText().trimmed();
    return server.isEmpty() ? error.text().trimmed() : server;
}

// A value as Python's repr() shows it in a tuple, with anything unprintable escaped: the row came
// from a stranger's database and ends up in a tooltip and a terminal.
QString pythonRepr(const QVariant &value)
{
    if (value.isNull())
        return QStringLiteral("None");
    switch (value.typeId()) {
    case QMetaType::Bool:
        return value.toBool() ? QStringLiteral("True") : QStringLiteral("False");
    case QMetaType::Int:
    case QMetaType::LongLong:
    case QMetaType::UInt:
    case QMetaType::ULongLong:
        return value.toString();
    case QMetaType::Double:
        return QString::number(value.toDouble(), 'g', 15);
    default:
        break;
    }
    QString text = value.toString();
    if (text.size() > DbConnection::maxRowText)
        text.truncate(DbConnection::maxRowText);
    QString out = QStringLiteral("'");
    for (const QChar c : text) {
        if (c == u'\\' || c == u'\'')
            out += u'\\' + QString(c);
        else if (c == u'\n')
            out += QStringLiteral("\\n");
        else if (c == u'\t')
            out += QStringLiteral("\\t");
        else if (c.category() == QChar::Other_Control || c.category() == QChar::Other_Format || c.isSurrogate())
            out += QStringLiteral("\\x{%1}").arg(c.unicode(), 0, 16);
        else
            out += c;
    }
    return out + u'\'';
}

QString tupleOf(const QSqlRecord &record)
{
    QString text = QStringLiteral("(");
    for (int i = 0; i < record.count(); ++i) {
        if (i > 0)
            text += QStringLiteral(", ");
        text += pythonRepr(record.value(i));
        if (text.size() > DbConnection::maxRowText)
            return text.left(DbConnection::maxRowText) + QStringLiteral("…)");
    }
    return text + (record.count() == 1 ? QStringLiteral(",)") : QStringLiteral(")"));
}

} // namespace

DbConnection::DbConnection(DatabaseTarget target)
    : m_target(std::move(target))
    , m_name(QStringLiteral("concviz-db-") + QUuid::createUuid().toString(QUuid::WithoutBraces))
{
    m_thread.setMaxThreadCount(1);
    m_thread.setExpiryTimeout(-1);
}

DbConnection::~DbConnection()
{
    interrupt();
    m_thread.start([this] { close(); });
    m_thread.waitForDone();
}

QFuture<DbAnswer> DbConnection::run(const QString &query)
{
    auto promise = std::make_shared<QPromise<DbAnswer>>();
    QFuture<DbAnswer> future = promise->future();
    promise->start();
    ++m_busy;
    m_thread.start([this, promise, query] {
        promise->addResult(execute(query));
        --m_busy;
        promise->finish();
    });
    return future;
}

void DbConnection::interrupt()
{
    if (!isBusy())
        return;
    const QMutexLocker lock(&m_interruptLock);
#ifdef CONCVIZ_INTERRUPT_QUERIES
    // Both are documented as safe from another thread while the connection is open.
    if (m_sqlite)
        sqlite3_interrupt(static_cast<sqlite3 *>(m_sqlite));
    if (m_pgCancel) {
        char error[256];
        PQcancel(static_cast<PGcancel *>(m_pgCancel), error, sizeof error);
    }
#endif
}

void DbConnection::close()
{
    {
        const QMutexLocker lock(&m_interruptLock);
        m_sqlite = nullptr;
#ifdef CONCVIZ_INTERRUPT_QUERIES
        if (m_pgCancel)
            PQfreeCancel(static_cast<PGcancel *>(m_pgCancel));
#endif
        m_pgCancel = nullptr;
    }
    if (QSqlDatabase::contains(m_name)) {
        QSqlDatabase::database(m_name, false).close();
        QSqlDatabase::removeDatabase(m_name);
    }
}

QString DbConnection::open()
{
    QSqlDatabase db;
    switch (m_target.kind) {
    case DatabaseTarget::Kind::Demo:
    case DatabaseTarget::Kind::Sqlite: {
        QString path = m_target.path;
        if (m_target.kind == DatabaseTarget::Kind::Demo) {
            QString error;
            path = DemoDatabase::ensure(&error);
            if (path.isEmpty())
                return error;
        }
        // SQLite would make an empty file for a wrong name; read-only, a missing file fails instead.
        db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_name);
        db.setDatabaseName(path);
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY;QSQLITE_BUSY_TIMEOUT=5000"));
        break;
    }
    case DatabaseTarget::Kind::Postgresql: {
        if (!QSqlDatabase::isDriverAvailable(QStringLiteral("QPSQL")))
            return QStringLiteral("this build of ConcViz has no PostgreSQL driver (Qt's QPSQL plugin)");
        const QUrl &url = m_target.url;
        db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), m_name);
        db.setHostName(url.host());
        db.setPort(url.port(DatabaseTarget::defaultPostgresqlPort));
        db.setDatabaseName(url.path().mid(1));
        db.setUserName(url.userName());
        db.setPassword(url.password());
        // A refused or silent server fails the task in seconds, not minutes; every session is
        // read-only, whatever the query says.
        db.setConnectOptions(QStringLiteral("connect_timeout=10;options='-c default_transaction_read_only=on'"));
        break;
    }
    }
    if (!db.open()) {
        const QString why = messageOf(db.lastError());
        db = QSqlDatabase(); // the last handle, so that the connection can be removed
        QSqlDatabase::removeDatabase(m_name);
        return QStringLiteral("cannot open %1: %2").arg(m_target.describe(), why.isEmpty() ? QStringLiteral("unknown error") : why);
    }
    m_open = true;
#ifdef CONCVIZ_INTERRUPT_QUERIES
    // The driver's own handle, for interrupt(): Qt names its type "sqlite3*", and "PGconn*" or, as
    // libpq's header spells the struct, "pg_conn*".
    const QVariant handle = db.driver()->handle();
    const QMutexLocker lock(&m_interruptLock);
    if (qstrcmp(handle.typeName(), "sqlite3*") == 0)
        m_sqlite = *static_cast<sqlite3 *const *>(handle.data());
    else if (qstrcmp(handle.typeName(), "PGconn*") == 0 || qstrcmp(handle.typeName(), "pg_conn*") == 0)
        m_pgCancel = PQgetCancel(*static_cast<PGconn *const *>(handle.data()));
#endif
    return {};
}

DbAnswer DbConnection::execute(const QString &query)
{
    DbAnswer answer;
    if (!m_open) {
        answer.error = open();
        if (!answer.error.isEmpty())
            return answer;
    }
    QSqlQuery q(QSqlDatabase::database(m_name, false));
    q.setForwardOnly(true);
    if (!q.exec(query)) {
        answer.error = messageOf(q.lastError());
        if (answer.error.isEmpty())
            answer.error = QStringLiteral("the query failed");
        return answer;
    }
    if (!q.isSelect()) {
        answer.rows = qMax(0, q.numRowsAffected());
        return answer;
    }
    answer.rows = 0;
    while (answer.rows < maxRows && q.next()) {
        if (answer.rows == 0)
            answer.firstRow = tupleOf(q.record());
        ++answer.rows;
    }
    if (q.lastError().isValid())
        answer.error = messageOf(q.lastError());
    return answer;
}

} // namespace concviz
