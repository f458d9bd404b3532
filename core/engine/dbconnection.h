#pragma once

#include "../scenario/databasetarget.h"

#include <QFuture>
#include <QMutex>
#include <QString>
#include <QThreadPool>

#include <atomic>

namespace concviz {

// What one query gave back.
struct DbAnswer
{
    qint64 rows = -1;  // rows returned, or changed by a statement that returns none
    QString firstRow;  // the first row as Python prints a tuple: (1, 'Ada', 49.9)
    QString error;     // the driver's message; empty when the query ran
};

// One real database connection. Qt SQL's connections belong to the thread that opened them, so each
// lives on a thread of its own that never expires, as each of a pool's connections is its own socket
// (or file handle) in a Python program. It opens on its first query, read-only: the lessons read,
// and a shared scenario must not be able to change a stranger's database.
class DbConnection
{
public:
    // Rows counted at most; a larger result reports this many.
    static constexpr qint64 maxRows = 1'000'000;
    // Characters of the first row kept at most.
    static constexpr int maxRowText = 200;

    explicit DbConnection(DatabaseTarget target);
    // Interrupts a query still running, then closes the connection on its thread.
    ~DbConnection();
    DbConnection(const DbConnection &) = delete;
    DbConnection &operator=(const DbConnection &) = delete;

    // Runs `query` on the connection's thread; the answer comes back through the future, never as
    // an exception.
    QFuture<DbAnswer> run(const QString &query);
    // True from run() until its answer is ready.
    bool isBusy() const { return m_busy.load() > 0; }
    // Asks the database to stop the query running now, from any thread; the query then fails. A
    // no-op when nothing runs, or in a build without CONCVIZ_INTERRUPT_QUERIES.
    void interrupt();

private:
    // On the connection's thread.
    DbAnswer execute(const QString &query);
    QString open();
    void close();

    DatabaseTarget m_target;
    QString m_name; // Qt SQL's name for the connection, unique in the process
    bool m_open = false;
    std::atomic<int> m_busy{0};
    // What interrupt() needs, set while the connection is open: the SQLite handle, or libpq's
    // cancel object. The lock keeps close() from freeing them while interrupt() uses them.
    QMutex m_interruptLock;
    void *m_sqlite = nullptr;   // sqlite3 *
    void *m_pgCancel = nullptr; // PGcancel *
    QThreadPool m_thread;
};

} // namespace concviz
