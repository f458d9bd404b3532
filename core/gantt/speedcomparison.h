#pragma once

#include "../async/clock.h"

#include <QString>

namespace concviz {

// How a run's makespan compares with a baseline's, the sentence every view shows: "2.25× faster",
// "1.50× slower", or empty when they are the same to two decimals (or either is zero).
QString speedComparison(Micros baseline, Micros makespan);

} // namespace concviz
