#pragma once

#include "../async/clock.h"
#include "../async/semaphore.h"
#include "../async/task.h"
#include "../scenario/databasetarget.h"
#include "../scenario/scenario.h"

#include <memory>
#include <optional>
#include <vector>

namespace concviz {

class DbConnection;

// The connection pool of a run's db tasks, as SQLAlchemy's QueuePool hands connections out: at most
// size + max_overflow are checked out at once, a task that finds them all busy waits in turn (first
// come, first served) for at most timeout_ms, and a connection given back is kept open for the next
// task unless `size` are already idle. On the real clock each connection is a real one
// (DbConnection); on the virtual clock the pool only counts.
class DbPool
{
public:
    // `target` is what the real clock connects to; none on the virtual clock.
    DbPool(const DbPoolPolicy &policy, std::optional<DatabaseTarget> target, Clock &clock);
    ~DbPool();
    DbPool(const DbPool &) = delete;
    DbPool &operator=(const DbPool &) = delete;

    // Returns holding a checkout; throws TaskFailure ("pool timeout after 30000 ms: ...") when none
    // came in time. Hand it to a Lease straight away.
    Task<void> checkout();
    // A checkout without waiting, when a connection is free and no task is waiting before this one.
    bool tryCheckout() { return m_slots.tryAcquire(); }

    // A checkout and its connection (null on the virtual clock), given back when it ends.
    class Lease
    {
    public:
        explicit Lease(DbPool &pool);
        ~Lease();
        Lease(const Lease &) = delete;
        Lease &operator=(const Lease &) = delete;
        DbConnection *connection() const { return m_connection.get(); }

    private:
        DbPool &m_pool;
        std::unique_ptr<DbConnection> m_connection;
    };

private:
    Task<void> acquirePermit();
    std::unique_ptr<DbConnection> take();
    void giveBack(std::unique_ptr<DbConnection> connection);

    DbPoolPolicy m_policy;
    std::optional<DatabaseTarget> m_target;
    Clock &m_clock;
    Semaphore m_slots;
    std::vector<std::unique_ptr<DbConnection>> m_idle;
};

} // namespace concviz
