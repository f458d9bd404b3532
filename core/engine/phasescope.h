#pragma once

#include "engine.h"

namespace concviz {

// Records a wait phase for as long as the scope lives, however the scope is left (a cancel
// unwinds through it too), so no phase is ever left open.
class PhaseScope
{
public:
    PhaseScope(Engine &engine, int task, PhaseKind phase)
        : m_engine(engine)
        , m_task(task)
        , m_phase(phase)
    {
        m_engine.beginPhase(m_task, m_phase);
    }
    ~PhaseScope() { end(); }
    void end()
    {
        if (m_open)
            m_engine.endPhase(m_task, m_phase);
        m_open = false;
    }
    PhaseScope(const PhaseScope &) = delete;
    PhaseScope &operator=(const PhaseScope &) = delete;

private:
    Engine &m_engine;
    int m_task;
    PhaseKind m_phase;
    bool m_open = true;
};

} // namespace concviz
