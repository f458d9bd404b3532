#pragma once

#include "awaiterbase.h"

#include <QFuture>
#include <QFutureWatcher>
#include <QPointer>

namespace concviz {

// co_await on any QFuture (thread-pool work, a wrapped reply): the task resumes on its own clock's
// loop once the future has finished, never inside the emission of the watcher's signal. A future
// that was cancelled throws CancelledError; one that holds an exception rethrows it.
template<typename T>
class FutureAwaiter : public AwaiterBase
{
public:
    explicit FutureAwaiter(QFuture<T> future)
        : m_future(std::move(future))
    {
    }
    bool await_ready() const { return m_future.isFinished(); }
    template<typename Promise>
    bool await_suspend(std::coroutine_handle<Promise> handle)
    {
        auto wake = beginWait(handle);
        if (!wake)
            return false;
        auto *watcher = new QFutureWatcher<T>();
        QObject::connect(watcher, &QFutureWatcherBase::finished, watcher, [wake, watcher] {
            wake->wake();
            watcher->deleteLater();
        });
        watcher->setFuture(m_future);
        wake->setCleanup([watcher = QPointer<QFutureWatcher<T>>(watcher)] {
            if (watcher)
                watcher->deleteLater();
        });
        return true;
    }
    T await_resume()
    {
        rethrowIfFailed();
        if (m_future.isCanceled())
            throw CancelledError{CancelKind::Cancelled, QStringLiteral("the future was cancelled")};
        if constexpr (std::is_void_v<T>)
            m_future.waitForFinished(); // rethrows a stored exception
        else
            return m_future.result();
    }

private:
    QFuture<T> m_future;
};

template<typename T>
FutureAwaiter<T> operator co_await(QFuture<T> future)
{
    return FutureAwaiter<T>(std::move(future));
}

} // namespace concviz
