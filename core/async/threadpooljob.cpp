#include "threadpooljob.h"

#include <QPromise>

#include <memory>

namespace concviz {

QFuture<void> runOnPool(QThreadPool *pool, std::function<void()> work)
{
    auto promise = std::make_shared<QPromise<void>>();
    QFuture<void> future = promise->future();
    promise->start();
    pool->start([promise, work = std::move(work)] {
        try {
            work();
        } catch (...) {
            promise->setException(std::current_exception());
        }
        promise->finish();
    });
    return future;
}

} // namespace concviz
