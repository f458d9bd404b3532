#pragma once

#include "clock.h"

namespace concviz {

// Blocks the calling thread for `duration`, as time.sleep() does.
void blockThread(Micros duration);
// Keeps the calling thread's core busy with arithmetic for about `duration`.
void burnCpu(Micros duration);

} // namespace concviz
