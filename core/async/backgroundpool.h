#pragma once

class QThreadPool;

namespace concviz {

// The threads for long work kept off the GUI thread: a big run's plan, a big result's Gantt model
// and insights. Never QThreadPool::globalInstance(): Qt's raster painting hands large fills to
// that pool's threads and waits for them, so a long job there holds every frame until it ends.
QThreadPool &backgroundPool();

} // namespace concviz
