#include "interrupt.h"

#include <QTimer>

#include <atomic>
#include <csignal>

namespace concviz::cli {

namespace {
std::atomic<int> g_signal{0};

// A handler may only set a flag: the first signal is kept, later ones change nothing.
extern "C" void onSignal(int signal)
{
    int none = 0;
    g_signal.compare_exchange_strong(none, signal);
}

// The signals a terminal, a shell or a service manager sends to end a program.
const int watched[] = {
    SIGINT,
    SIGTERM,
#ifdef SIGHUP
    SIGHUP,
#endif
};
} // namespace

InterruptWatcher::InterruptWatcher(QObject *parent)
    : QObject(parent)
{
    g_signal.store(0);
    for (int s : watched)
        std::signal(s, onSignal);
    // The loop looks at the flag often enough to feel immediate.
    auto *poll = new QTimer(this);
    poll->setInterval(50);
    connect(poll, &QTimer::timeout, this, [this] {
        const int signal = g_signal.exchange(0);
        if (signal != 0 && m_signal == 0) {
            m_signal = signal;
            Q_EMIT interrupted();
        }
    });
    poll->start();
}

InterruptWatcher::~InterruptWatcher()
{
    for (int s : watched)
        std::signal(s, SIG_DFL);
}

int interruptedExitCode(int signal)
{
    return 128 + signal;
}

QString interruptedBy(int signal)
{
    switch (signal) {
    case SIGINT:
        return QStringLiteral("interrupted");
    case SIGTERM:
        return QStringLiteral("terminated (SIGTERM)");
#ifdef SIGHUP
    case SIGHUP:
        return QStringLiteral("hung up (SIGHUP)");
#endif
    default:
        return QStringLiteral("stopped by signal %1").arg(signal);
    }
}

} // namespace concviz::cli
