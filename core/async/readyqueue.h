#pragma once

#include <deque>
#include <functional>

namespace concviz {

// Callbacks posted to a clock, run first-in first-out, in batches: a batch is what was queued when
// it began; what its callbacks post waits for the next batch, so a chain of posts cannot starve
// timers or the window's own events.
class ReadyQueue
{
public:
    void push(std::function<void()> fn) { m_queue.push_back(std::move(fn)); }
    bool isEmpty() const { return m_queue.empty(); }
    // Runs the rest of the current batch, or a new one.
    void runQueued()
    {
        runQueuedUntil([] { return false; });
    }
    // The same, but stops early once stop() says so after a callback; the next call goes on with
    // the same batch, so a batch cut in two runs in the same order as a whole one.
    template<typename Stop>
    void runQueuedUntil(const Stop &stop)
    {
        if (m_batchLeft == 0)
            m_batchLeft = m_queue.size();
        while (m_batchLeft > 0 && !m_queue.empty()) {
            --m_batchLeft;
            std::function<void()> fn = std::move(m_queue.front());
            m_queue.pop_front();
            fn();
            if (stop())
                return;
        }
        m_batchLeft = 0;
    }

private:
    std::deque<std::function<void()>> m_queue;
    std::size_t m_batchLeft = 0;
};

} // namespace concviz
