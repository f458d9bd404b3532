#include "dbpool.h"

#include "dbconnection.h"

namespace concviz {

DbPool::DbPool(const DbPoolPolicy &policy, std::optional<DatabaseTarget> target, Clock &clock)
    : m_policy(policy)
    , m_target(std::move(target))
    , m_clock(clock)
    , m_slots(policy.capacity())
{
}

// Connections close here, on the loop's thread: a query still running was interrupted when its lease
// ended, so closing is quick. (In a build without CONCVIZ_INTERRUPT_QUERIES it waits for the query.)
DbPool::~DbPool() = default;

Task<void> DbPool::acquirePermit()
{
    co_await m_slots.acquire();
}

Task<void> DbPool::checkout()
{
    Task<void> waiting = acquirePermit();
    if (!waiting.isDone()) {
        auto timedOut = std::make_shared<bool>(false);
        const TimerId timer = m_clock.callAt(m_clock.now() + fromMs(m_policy.timeoutMs), [state = waiting.state(), timedOut] {
            *timedOut = true;
            state->cancel(CancelKind::Cancelled, QStringLiteral("pool timeout"));
        });
        try {
            co_await waiting;
        } catch (const CancelledError &) {
            m_clock.cancelTimer(timer);
            // The permit may have come just as the wait was given up: it goes back at once.
            if (waiting.isDone() && !waiting.state()->error())
                m_slots.release();
            if (!*timedOut)
                throw;
            const int n = m_policy.capacity();
            const QString busy = n == 1 ? QStringLiteral("its one connection was busy")
                                        : QStringLiteral("all %1 connections were busy").arg(n);
            throw TaskFailure{QStringLiteral("pool timeout after %1 ms: %2").arg(m_policy.timeoutMs).arg(busy)};
        }
        m_clock.cancelTimer(timer);
    }
}

std::unique_ptr<DbConnection> DbPool::take()
{
    if (!m_target)
        return nullptr;
    if (!m_idle.empty()) {
        std::unique_ptr<DbConnection> connection = std::move(m_idle.back());
        m_idle.pop_back();
        return connection;
    }
    return std::make_unique<DbConnection>(*m_target);
}

void DbPool::giveBack(std::unique_ptr<DbConnection> connection)
{
    // Overflow connections are closed on return, as SQLAlchemy closes them: only `size` stay open.
    if (connection && static_cast<int>(m_idle.size()) < m_policy.size)
        m_idle.push_back(std::move(connection));
    connection.reset();
    m_slots.release();
}

DbPool::Lease::Lease(DbPool &pool)
    : m_pool(pool)
    , m_connection(pool.take())
{
}

DbPool::Lease::~Lease()
{
    // Given back mid-query: its task was cancelled (a timeout, Stop), and nobody wants the answer.
    if (m_connection)
        m_connection->interrupt();
    m_pool.giveBack(std::move(m_connection));
}

} // namespace concviz
