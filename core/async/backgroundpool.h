#pragma once

#include <QFutureWatcher>
#include <QObject>
#include <QPromise>
#include <QThreadPool>

#include <memory>
#include <type_traits>

namespace concviz {

// The threads for long work kept off the GUI thread: a big run's plan, a big result's Gantt model
// and insights. Never QThreadPool::globalInstance(): Qt's raster painting hands large fills to
// that pool's threads and waits for them, so a long job there holds every frame until it ends.
QThreadPool &backgroundPool();

// Runs `work` on the background pool and hands what it returns to `done`, on `context`'s thread;
// nothing is handed over once `context` is gone. Both are copied: keep what they hold shared.
template<typename Work, typename Done>
void runInBackground(QObject *context, Work work, Done done)
{
    using Result = std::invoke_result_t<Work &>;
    auto promise = std::make_shared<QPromise<Result>>();
    promise->start();
    auto *watcher = new QFutureWatcher<Result>(context);
    QObject::connect(watcher, &QFutureWatcherBase::finished, context, [watcher, done] {
        watcher->deleteLater();
        done(watcher->future().takeResult());
    });
    watcher->setFuture(promise->future());
    backgroundPool().start([promise, work] {
        promise->addResult(work());
        promise->finish();
    });
}

} // namespace concviz
