#pragma once

#include "../trace/statistics.h"

#include <QString>

namespace concviz {

// How a run's makespan compares with a baseline's: "2.25× faster", "1.50× slower", "the same" (to
// two decimals), "about the same" (within 2%, a real clock's jitter); empty when either took no time.
QString speedComparison(Micros baseline, Micros makespan);
// How a run compares with the first, as every view says it: its speed, unless a run was cut short
// (tasks cancelled by a TaskGroup's failure, wait returning, a deadline or Stop), whose time is not
// the time of the work: then that, "cut short: 2 of 3 cancelled" or "the first run was cut short".
QString runComparison(const Statistics &first, const Statistics &run);
// Whether runComparison() says how fast, so that a view may add "than <first>".
bool isSpeedComparison(const QString &comparison);
// The speedup (work over makespan) as the tables print it, "2.25×", or "–" when a run did no
// measurable work or took no time: never 0.00× or inf×.
QString speedupText(const Statistics &stats);

} // namespace concviz
