#pragma once

#include "async/clock.h"
#include "gantt/timeaxis.h"

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
// The axis's ticks, shared with the terminal chart (core/gantt/timeaxis.h).
using gantt::tickLabel;
using gantt::tickStep;

} // namespace concviz::timeline
