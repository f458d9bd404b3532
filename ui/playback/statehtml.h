#pragma once

#include "trace/trace.h"

#include <QString>

namespace concviz {

// What is true at `time` in each run (core/gantt/runstate) as rich text: a column per run, side by
// side as on the timeline, a line per section with its names run on. The window's State tab and
// `concviz render --at` show the same text.
QString stateHtml(const QList<Trace> &traces, Micros time, int maxNames);

} // namespace concviz
