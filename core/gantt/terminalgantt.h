#pragma once

#include "../trace/trace.h"

#include <QList>
#include <QString>

namespace concviz {

// Draws traces as a Gantt chart of Unicode characters for a terminal: one row per task on a time
// axis, waits shaded, bodies solid, the end state marked, the caller's markers listed below.
class TerminalGantt
{
public:
    struct Options
    {
        int width = 60;      // characters for the time axis
        int maxLanes = 40;   // rows beyond this are summarised in one line
        Micros axisEnd = 0;  // 0: the trace's own makespan; compare views pass the longest
    };

    // Chart, statistics and markers of one run.
    static QString render(const Trace &trace, const Options &options);
    // Several runs one above the other on one time axis, after a table of makespan and speedup.
    static QString renderComparison(const QList<Trace> &traces, const Options &options);
    static QString legend();
};

} // namespace concviz
