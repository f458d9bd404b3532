#include "../../async/futureawaiter.h"
#include "../../scenario/taskkindregistry.h"
#include "../../scenario/taskspec.h"
#include "../dbconnection.h"
#include "../dbpool.h"
#include "../engine.h"
#include "../phasescope.h"
#include "commonfields.h"

namespace concviz {

namespace {

const QString defaultQuery = QStringLiteral("SELECT count(*) FROM orders");

// One attempt: a connection from the pool, the query, and the connection back. `duration_ms` is
// the least time the query takes: a local SQLite answer in a millisecond still teaches a database
// across the network. An async driver awaits meanwhile; a sync one holds the loop the whole time.
Task<void> run(Engine &engine, int task, const TaskSpec &spec)
{
    const Micros duration = fromMs(spec.millis(QStringLiteral("duration_ms")));
    const bool sync = spec.text(QStringLiteral("driver")) == QLatin1String("sync");
    DbPool &pool = engine.database();
    if (!pool.tryCheckout()) {
        // Only a real wait is drawn: a free connection is handed over at once.
        PhaseScope waiting(engine, task, PhaseKind::WaitDatabase);
        co_await pool.checkout();
    }
    DbPool::Lease lease(pool);
    DbConnection *connection = lease.connection();
    if (!connection) {
        // The virtual clock: server time only.
        if (!sync) {
            co_await engine.waitFor(task, duration);
        } else {
            PhaseScope holding(engine, task, PhaseKind::HoldsLoop);
            engine.clock().block(duration);
        }
        co_return;
    }
    const Micros began = engine.clock().now();
    QFuture<DbAnswer> future = connection->run(spec.text(QStringLiteral("query")));
    DbAnswer answer;
    if (!sync) {
        answer = co_await future;
    } else {
        PhaseScope holding(engine, task, PhaseKind::HoldsLoop);
        future.waitForFinished();
        answer = future.result();
        if (answer.error.isEmpty())
            engine.clock().block(std::max<Micros>(0, began + duration - engine.clock().now()));
    }
    if (!answer.error.isEmpty())
        throw TaskFailure{answer.error};
    engine.recordDbResult(task, answer.rows, answer.firstRow);
    if (!sync) {
        const Micros rest = began + duration - engine.clock().now();
        if (rest > 0)
            co_await engine.waitFor(task, rest);
    }
}

// What it does, and the asyncio code it stands for.
const char summary[] = "a query on a connection from the database pool; the sync driver blocks the loop";
const char asyncioCode[] = "async with pool.acquire() as connection:  # asyncpg, aiosqlite\n"
                           "    rows = await connection.fetch(QUERY)\n"
                           "# driver \"sync\": rows = connection.execute(QUERY).fetchall()  # psycopg2, sqlite3\n";

const TaskKindRegistration registration{TaskKindDefinition{.name = QStringLiteral("db"), .order = 60,
    .summary = QString::fromUtf8(summary), .asyncioCode = QString::fromUtf8(asyncioCode),
    .fields = {durationField(QStringLiteral("The least time the query takes, as server and network time; on the real clock a slower query takes longer.")),
               Field{.key = QStringLiteral("query"),
                     .type = Field::Type::Text,
                     .defaultValue = defaultQuery,
                     .help = QStringLiteral("The SQL it runs, read-only; on the real clock its rows and first row are recorded.")},
               Field{.key = QStringLiteral("driver"),
                     .type = Field::Type::Word,
                     .choices = {QStringLiteral("async"), QStringLiteral("sync")},
                     .defaultValue = QStringLiteral("async"),
                     .help = QStringLiteral("async (asyncpg, aiosqlite) awaits the answer; sync (psycopg2, sqlite3) blocks the loop until it comes."),
                     .misplaced = QStringLiteral("choose a driver")}},
    .mainField = QStringLiteral("duration_ms"),
    .run = run,
}};

} // namespace

} // namespace concviz
