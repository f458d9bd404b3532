#include "readyqueue.h"

namespace concviz {

void ReadyQueue::runQueued()
{
    for (std::size_t n = m_queue.size(); n > 0 && !m_queue.empty(); --n) {
        std::function<void()> fn = std::move(m_queue.front());
        m_queue.pop_front();
        fn();
    }
}

} // namespace concviz
