#pragma once

#include "async/clock.h"

#include <QString>

// Pure functions that map between time and pixels. Each has a one-line contract and no state, so
// zoom, hit-testing, painting and export agree by construction.
namespace concviz::timeline {

// x of time t when [start, end) is drawn across [left, left + width).
double timeToX(Micros t, Micros start, Micros end, double left, double width);
// The time under x; the inverse of timeToX.
Micros xToTime(double x, Micros start, Micros end, double left, double width);
// The new [start, end) after zooming by `factor` (> 1 zooms in) so that `anchor` stays under the cursor.
void zoomAround(Micros anchor, double factor, Micros *start, Micros *end, Micros minSpan);
// A tick step of 1, 2 or 5 times a power of ten microseconds, with ticks at least minPixels apart.
Micros tickStep(Micros start, Micros end, double width, double minPixels);
// "0 s", "1.5 s", "250 ms", "10 µs": as few digits as the step needs.
QString tickLabel(Micros t, Micros step);

} // namespace concviz::timeline
