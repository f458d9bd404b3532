#include "demolistener.h"

#include <QTimer>

#ifdef Q_OS_WIN
#include <winsock2.h>
#else
#include <cerrno>
#include <fcntl.h>
#include <sys/socket.h>
#include <unistd.h>
#endif

namespace concviz {

namespace {

// Clients taken per wake-up, so that a flood of them cannot keep the thread from its connections.
constexpr int acceptsPerWake = 64;
// How long to stop accepting after an error that taking a client cannot cure.
constexpr int pauseAfterErrorMs = 100;

int openSpare()
{
#ifdef Q_OS_WIN
    return -1;
#else
    return ::open("/dev/null", O_RDONLY | O_CLOEXEC);
#endif
}

} // namespace

DemoListener::DemoListener(QObject *parent)
    : QTcpServer(parent)
    , m_spare(openSpare())
{
}

DemoListener::~DemoListener()
{
#ifndef Q_OS_WIN
    if (m_spare >= 0)
        ::close(m_spare);
#endif
}

bool DemoListener::listenOn(const QHostAddress &address, quint16 port)
{
    if (!listen(address, port))
        return false;
    // QTcpServer keeps the listening socket; its own accepting stays off.
    pauseAccepting();
    m_notifier = new QSocketNotifier(socketDescriptor(), QSocketNotifier::Read, this);
    connect(m_notifier, &QSocketNotifier::activated, this, &DemoListener::acceptPending);
    return true;
}

void DemoListener::acceptPending()
{
    for (int i = 0; i < acceptsPerWake; ++i) {
#ifdef Q_OS_WIN
        const SOCKET fd = ::accept(static_cast<SOCKET>(socketDescriptor()), nullptr, nullptr);
        if (fd != INVALID_SOCKET) {
            Q_EMIT accepted(static_cast<qintptr>(fd));
            continue;
        }
        if (WSAGetLastError() == WSAEWOULDBLOCK)
            return;
#else
        const int fd = ::accept(static_cast<int>(socketDescriptor()), nullptr, nullptr);
        if (fd >= 0) {
            ::fcntl(fd, F_SETFD, FD_CLOEXEC); // the socket makes it non-blocking
            Q_EMIT accepted(fd);
            continue;
        }
        if (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR || errno == ECONNABORTED)
            return;
        if ((errno == EMFILE || errno == ENFILE) && dropOne())
            continue;
#endif
        // Out of memory or descriptors with no spare: wait a little rather than spin.
        m_notifier->setEnabled(false);
        QTimer::singleShot(pauseAfterErrorMs, m_notifier, [this] { m_notifier->setEnabled(true); });
        return;
    }
}

bool DemoListener::dropOne()
{
#ifdef Q_OS_WIN
    return false;
#else
    if (m_spare < 0) {
        m_spare = openSpare(); // one of the connections may have closed since
        return false;
    }
    ::close(m_spare);
    m_spare = -1;
    const int fd = ::accept(static_cast<int>(socketDescriptor()), nullptr, nullptr);
    if (fd >= 0) {
        ::close(fd);
        ++m_dropped;
    }
    m_spare = openSpare();
    return fd >= 0;
#endif
}

} // namespace concviz
