#include "timerheap.h"

namespace concviz {

TimerId TimerHeap::add(Micros when, std::function<void()> fn)
{
    const TimerId id = m_pending.size();
    m_pending.push_back(true);
    m_heap.push({when, id, std::move(fn)});
    ++m_live;
    return id;
}

void TimerHeap::cancel(TimerId id)
{
    if (id >= m_pending.size() || !m_pending[id])
        return; // fired, cancelled already, or never set
    m_pending[id] = false;
    --m_live;
    dropCancelled();
}

void TimerHeap::dropCancelled()
{
    while (!m_heap.empty() && !m_pending[m_heap.top().id])
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
    // priority_queue only hands out a const top; the entry is popped right after, so moving is safe.
    std::function<void()> fn = std::move(const_cast<Entry &>(m_heap.top()).fn);
    m_pending[m_heap.top().id] = false;
    --m_live;
    m_heap.pop();
    return fn;
}

} // namespace concviz
