#include "interrupt.h"

#include <QTimer>

#include <atomic>
#include <csignal>

namespace concviz::cli {

namespace {
std::atomic<bool> g_signalled{false};

extern "C" void onSigint(int)
{
    g_signalled.store(true);
}
} // namespace

InterruptWatcher::InterruptWatcher(QObject *parent)
    : QObject(parent)
{
    g_signalled.store(false);
    std::signal(SIGINT, onSigint);
    // A signal handler may only set a flag; the loop looks at it often enough to feel immediate.
    auto *poll = new QTimer(this);
    poll->setInterval(50);
    connect(poll, &QTimer::timeout, this, [this] {
        if (g_signalled.exchange(false)) {
            m_interrupted = true;
            Q_EMIT interrupted();
        }
    });
    poll->start();
}

InterruptWatcher::~InterruptWatcher()
{
    std::signal(SIGINT, SIG_DFL);
}

} // namespace concviz::cli
