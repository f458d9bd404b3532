#pragma once

#include "clock.h"

namespace concviz {

// Blocks the calling thread for `duration`, as time.sleep() does.
void blockThread(Micros duration);
// Keeps the calling thread busy with arithmetic until it has computed for `duration` of its own
// CPU time: longer in wall time when other threads share its core.
void burnCpu(Micros duration);

} // namespace concviz
