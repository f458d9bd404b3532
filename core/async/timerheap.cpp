#include "timerheap.h"

namespace concviz {

TimerId TimerHeap::add(Micros when, std::function<void()> fn)
{
    const TimerId id = m_nextId++;
    m_heap.push({when, id});
    m_callbacks.emplace(id, std::move(fn));
    return id;
}

void TimerHeap::cancel(TimerId id)
{
    m_callbacks.erase(id);
}

void TimerHeap::dropCancelled()
{
    while (!m_heap.empty() && !m_callbacks.contains(m_heap.top().seq))
        m_heap.pop();
}

Micros TimerHeap::earliest()
{
    dropCancelled();
    return m_heap.top().when;
}

std::function<void()> TimerHeap::takeDue(Micros now)
{
    dropCancelled();
    if (m_heap.empty() || m_heap.top().when > now)
        return {};
    const auto it = m_callbacks.find(m_heap.top().seq);
    std::function<void()> fn = std::move(it->second);
    m_callbacks.erase(it);
    m_heap.pop();
    return fn;
}

} // namespace concviz
