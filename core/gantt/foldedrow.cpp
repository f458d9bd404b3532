#include "foldedrow.h"

#include <algorithm>

namespace concviz {

void FoldedRow::fold(const GanttModel::Group &g, int laneFrom, int laneTo, Micros start, Micros end, Micros openEnd, int width)
{
    // A difference array: one add per span, one pass per row.
    m_running.assign(static_cast<std::size_t>(width) + 1, 0);
    m_waiting.assign(static_cast<std::size_t>(width) + 1, 0);
    m_peak = 1;
    if (laneFrom >= laneTo || width <= 0)
        return;
    // timeToX with its division taken out of the loop over a million spans.
    const double columnsPerMicro = static_cast<double>(width) / static_cast<double>(std::max<Micros>(end - start, 1));
    // The lanes' spans are contiguous: walk them without touching the lanes themselves.
    const int spanFrom = g.lanes[laneFrom].firstSpan;
    const int spanTo = g.lanes[laneTo - 1].firstSpan + g.lanes[laneTo - 1].spanCount;
    for (int si = spanFrom; si < spanTo; ++si) {
        const GanttModel::Span &s = g.spans[si];
        const Micros spanEnd = s.end >= 0 ? s.end : openEnd;
        if (spanEnd < start || s.start > end)
            continue;
        const int x0 = std::clamp(static_cast<int>(static_cast<double>(s.start - start) * columnsPerMicro), 0, width - 1);
        const int x1 = std::clamp(static_cast<int>(static_cast<double>(spanEnd - start) * columnsPerMicro + 0.999), x0 + 1, width);
        std::vector<int> &counts = s.type == GanttModel::SpanType::Running ? m_running : m_waiting;
        ++counts[static_cast<std::size_t>(x0)];
        --counts[static_cast<std::size_t>(x1)];
    }
    int r = 0, w = 0;
    for (std::size_t x = 0; x < static_cast<std::size_t>(width); ++x) {
        r += m_running[x];
        w += m_waiting[x];
        m_running[x] = r;
        m_waiting[x] = w;
        m_peak = std::max({m_peak, r, w});
    }
}

} // namespace concviz
