#pragma once

#include "../async/clock.h"

#include <QString>

// The time axis every renderer draws, in pure functions.
namespace concviz::gantt {

// A tick step of 1, 2 or 5 times a power of ten microseconds, with ticks at least `minGap` apart
// when [start, end) spans `width` (pixels, or characters in a terminal).
Micros tickStep(Micros start, Micros end, double width, double minGap);
// "0 s", "1.5 s", "250 ms", "10 µs": as few digits as the step needs.
QString tickLabel(Micros t, Micros step);

} // namespace concviz::gantt
