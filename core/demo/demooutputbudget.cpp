#include "demooutputbudget.h"

namespace concviz {

DemoOutputBudget::DemoOutputBudget(qint64 limit, QObject *parent)
    : QObject(parent)
    , m_limit(limit)
{
}

void DemoOutputBudget::give(qint64 bytes)
{
    const bool wasExhausted = isExhausted();
    m_used -= bytes;
    // Only on the way out of exhaustion: waking every connection for every drained byte would cost
    // more than the sending.
    if (wasExhausted && !isExhausted())
        Q_EMIT roomFreed();
}

} // namespace concviz
