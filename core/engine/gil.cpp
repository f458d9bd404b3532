#include "gil.h"

#include "../async/threadwork.h"

#include <algorithm>

namespace concviz {

void Gil::compute(Micros cpu, const WaitRecorder &waited)
{
    acquire(waited);
    for (Micros left = cpu; left > 0;) {
        const Micros slice = std::min(switchInterval, left);
        burnCpu(slice);
        left -= slice;
        if (left <= 0)
            break;
        bool someoneWaits = false;
        {
            QMutexLocker lock(&m_mutex);
            someoneWaits = m_nextTicket - m_serving > 1;
        }
        if (someoneWaits) {
            release();
            acquire(waited);
        }
    }
    release();
}

void Gil::acquire(const WaitRecorder &waited)
{
    const TimePoint asked = std::chrono::steady_clock::now();
    QMutexLocker lock(&m_mutex);
    const quint64 ticket = m_nextTicket++;
    if (ticket == m_serving)
        return;
    while (ticket != m_serving)
        m_changed.wait(&m_mutex);
    lock.unlock();
    waited(asked, std::chrono::steady_clock::now());
}

void Gil::release()
{
    QMutexLocker lock(&m_mutex);
    ++m_serving;
    m_changed.wakeAll();
}

} // namespace concviz
