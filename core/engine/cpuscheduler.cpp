#include "cpuscheduler.h"

#include <algorithm>
#include <limits>

namespace concviz {

CpuScheduler::CpuScheduler(int capacity, WaitRecorder waited)
    : m_capacity(std::max(1, capacity))
    , m_waited(std::move(waited))
{
}

void CpuScheduler::add(int task, Micros now, Micros cpu, Done done)
{
    advanceTo(now);
    if (cpu <= 0) {
        done(m_time);
        return;
    }
    Runner runner{.task = task, .left = cpu, .turnStart = m_time, .done = std::move(done)};
    if (static_cast<int>(m_running.size()) < m_capacity) {
        takeSlot(std::move(runner), m_time);
        return;
    }
    // A thread that starts waiting asks for the GIL after one switch interval: the holders keep it
    // until then, however long they have held it already.
    if (m_waiting.empty()) {
        for (Runner &r : m_running)
            r.turnStart = std::max(r.turnStart, m_time);
    }
    m_waiting.push_back(std::move(runner));
}

void CpuScheduler::takeSlot(Runner runner, Micros at)
{
    runner.turnStart = at;
    m_running.push_back(std::move(runner));
}

void CpuScheduler::forget(int task, Micros now)
{
    if (task < 0)
        return;
    advanceTo(now);
    for (Runner &r : m_waiting) {
        if (r.task == task) {
            m_waited(task, r.turnStart, m_time);
            r.task = -1;
        }
    }
    for (Runner &r : m_running) {
        if (r.task == task)
            r.task = -1;
    }
}

Micros CpuScheduler::turnLength() const
{
    Micros inHand = 0;
    for (const Runner &r : m_running)
        inHand += r.left;
    for (const Runner &r : m_waiting)
        inHand += r.left;
    return std::max(switchInterval, inHand / turnsInHand);
}

Micros CpuScheduler::nextEvent() const
{
    if (m_running.empty())
        return -1;
    Micros next = std::numeric_limits<Micros>::max();
    const Micros turn = m_waiting.empty() ? 0 : turnLength();
    for (const Runner &r : m_running) {
        next = std::min(next, m_time + r.left);
        if (!m_waiting.empty())
            next = std::min(next, std::max(m_time, r.turnStart + turn));
    }
    return next;
}

bool CpuScheduler::step(Micros limit)
{
    const Micros next = nextEvent();
    if (next < 0 || next > limit)
        return false;
    const Micros elapsed = next - m_time;
    for (Runner &r : m_running)
        r.left -= elapsed;
    m_time = next;

    std::vector<Done> ended;
    for (auto it = m_running.begin(); it != m_running.end();) {
        if (it->left <= 0) {
            ended.push_back(std::move(it->done));
            it = m_running.erase(it);
        } else {
            ++it;
        }
    }
    while (static_cast<int>(m_running.size()) < m_capacity && !m_waiting.empty()) {
        Runner in = std::move(m_waiting.front());
        m_waiting.pop_front();
        m_waited(in.task, in.turnStart, m_time);
        takeSlot(std::move(in), m_time);
    }
    // Turns that are over go to the back of the line, each making room for the runner waiting longest.
    const Micros turn = m_waiting.empty() ? 0 : turnLength();
    for (Runner &slot : m_running) {
        if (m_waiting.empty())
            break;
        if (slot.turnStart + turn > m_time)
            continue;
        Runner in = std::move(m_waiting.front());
        m_waiting.pop_front();
        m_waited(in.task, in.turnStart, m_time);
        Runner out = std::move(slot);
        out.turnStart = m_time;
        in.turnStart = m_time;
        slot = std::move(in);
        m_waiting.push_back(std::move(out));
    }
    for (Done &done : ended)
        done(m_time);
    return true;
}

void CpuScheduler::advanceTo(Micros time)
{
    while (step(time)) {
    }
    if (time > m_time) {
        for (Runner &r : m_running)
            r.left -= time - m_time;
        m_time = time;
    }
}

Micros CpuScheduler::runToEnd(int task, Micros now, Micros cpu)
{
    bool finished = false;
    Micros end = now;
    add(task, now, cpu, [&](Micros at) {
        finished = true;
        end = at;
    });
    while (!finished && step(std::numeric_limits<Micros>::max())) {
    }
    return end;
}

} // namespace concviz
