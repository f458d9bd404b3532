#pragma once

#include "taskstate.h"

#include <deque>
#include <memory>

namespace concviz {

// Tasks waiting their turn, first come first served. Cancelled waiters stay in the deque and are
// skipped when their turn comes, so cancelling 100,000 waiters costs nothing extra.
template<typename Waiter = Wake>
class WaitQueue
{
public:
    void push(std::shared_ptr<Waiter> waiter) { m_waiters.push_back(std::move(waiter)); }
    // The first waiter still waiting, removed from the queue; nullptr if none.
    std::shared_ptr<Waiter> takeFirst()
    {
        while (!m_waiters.empty()) {
            std::shared_ptr<Waiter> first = std::move(m_waiters.front());
            m_waiters.pop_front();
            if (isPending(*first))
                return first;
        }
        return nullptr;
    }
    bool hasWaiters()
    {
        while (!m_waiters.empty() && !isPending(*m_waiters.front()))
            m_waiters.pop_front();
        return !m_waiters.empty();
    }

private:
    static bool isPending(const Waiter &w)
    {
        if constexpr (std::is_same_v<Waiter, Wake>)
            return w.isPending();
        else
            return w.wake->isPending();
    }
    std::deque<std::shared_ptr<Waiter>> m_waiters;
};

} // namespace concviz
