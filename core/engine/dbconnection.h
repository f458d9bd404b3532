#pragma once

#include "../scenario/databasetarget.h"

#include <QFuture>
#include <QString>
#include <QThreadPool>

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
    // Closes the connection on its thread; waits for a query still running there.
    ~DbConnection();
    DbConnection(const DbConnection &) = delete;
    DbConnection &operator=(const DbConnection &) = delete;

    // Runs `query` on the connection's thread; the answer comes back through the future, never as
    // an exception.
    QFuture<DbAnswer> run(const QString &query);

private:
    // On the connection's thread.
    DbAnswer execute(const QString &query);
    QString open();

    DatabaseTarget m_target;
    QString m_name; // Qt SQL's name for the connection, unique in the process
    bool m_open = false;
    QThreadPool m_thread;
};

} // namespace concviz
