#include "backgroundpool.h"

#include <QThread>
#include <QThreadPool>

#include <algorithm>

namespace concviz {

namespace {

struct BackgroundPool : QThreadPool
{
    BackgroundPool() { setMaxThreadCount(std::max(2, QThread::idealThreadCount())); }
};

Q_GLOBAL_STATIC(BackgroundPool, pool)

} // namespace

QThreadPool &backgroundPool()
{
    return *pool();
}

} // namespace concviz
