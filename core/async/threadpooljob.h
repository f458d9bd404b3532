#pragma once

#include <QFuture>
#include <QThreadPool>

#include <functional>

namespace concviz {

// Runs work on a thread of `pool` and reports its end through a QFuture (the piece of
// loop.run_in_executor that Qt Core provides without Qt Concurrent).
QFuture<void> runOnPool(QThreadPool *pool, std::function<void()> work);

} // namespace concviz
