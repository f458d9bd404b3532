#pragma once

#include "ganttmodel.h"

#include <vector>

namespace concviz {

// Many lanes folded into one row of pixels (or characters): how many of them run, or wait, at each
// column, so a renderer can shade each column by its share of the busiest one instead of drawing
// spans narrower than a pixel one by one. Reused row after row: the counts' memory is kept.
class FoldedRow
{
public:
    // Counts lanes [laneFrom, laneTo) of `group` over `width` columns spanning [start, end); a span
    // still open ends at `openEnd`. Every span covers at least one column.
    void fold(const GanttModel::Group &group, int laneFrom, int laneTo, Micros start, Micros end, Micros openEnd, int width);

    int running(int column) const { return m_counts[2 * static_cast<std::size_t>(column)]; }
    int waiting(int column) const { return m_counts[2 * static_cast<std::size_t>(column) + 1]; }
    // The same counts as one array of `width` pairs, running then waiting, for a renderer's
    // per-pixel loop.
    const int *columns() const { return m_counts.data(); }
    // The largest count in any column, at least 1.
    int peak() const { return m_peak; }

private:
    void foldPacked(const GanttModel::Group &group, int spanFrom, int spanTo, Micros start, Micros end, Micros openEnd, int width);
    void foldSpans(const GanttModel::Group &group, int spanFrom, int spanTo, Micros start, Micros end, Micros openEnd, int width);

    // Running and waiting side by side: which of the two a span adds to is an index, not a branch.
    std::vector<int> m_counts;
    int m_peak = 1;
};

} // namespace concviz
