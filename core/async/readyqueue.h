#pragma once

#include <deque>
#include <functional>

namespace concviz {

// Callbacks posted to a clock, run first-in first-out.
class ReadyQueue
{
public:
    void push(std::function<void()> fn) { m_queue.push_back(std::move(fn)); }
    bool isEmpty() const { return m_queue.empty(); }
    // Runs the callbacks queued when it was called; ones they post wait for the next call, so
    // a chain of posts cannot starve timers or the window's own events.
    void runQueued();

private:
    std::deque<std::function<void()>> m_queue;
};

} // namespace concviz
