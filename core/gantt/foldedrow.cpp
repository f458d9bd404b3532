#include "foldedrow.h"

#include <algorithm>

namespace concviz {

namespace {

// Where a span from `from` to `to` lies among `width` columns from `start`: the column it begins in
// and the one after its last, at least one column. The same for packed and full spans, so that
// both give the same picture.
struct Columns
{
    int first;
    int after;
};

inline Columns columnsOf(Micros from, Micros to, Micros start, double columnsPerMicro, int width)
{
    // Clamped before the conversion: zoomed far in, a long span reaches billions of columns.
    const double w = static_cast<double>(width);
    const int first = static_cast<int>(std::clamp(static_cast<double>(from - start) * columnsPerMicro, 0.0, w - 1));
    const int after = std::max(first + 1, static_cast<int>(std::clamp(static_cast<double>(to - start) * columnsPerMicro + 0.999, 0.0, w)));
    return {first, after};
}

} // namespace

void FoldedRow::fold(const GanttModel::Group &g, int laneFrom, int laneTo, Micros start, Micros end, Micros openEnd, int width)
{
    // A difference array: one add per span, one pass per row.
    m_counts.assign(2 * (static_cast<std::size_t>(std::max(width, 0)) + 1), 0);
    m_peak = 1;
    if (laneFrom >= laneTo || width <= 0)
        return;
    // The lanes' spans are contiguous: walk them without touching the lanes themselves.
    const int spanFrom = g.lanes[laneFrom].firstSpan;
    const int spanTo = g.lanes[laneTo - 1].firstSpan + g.lanes[laneTo - 1].spanCount;
    if (g.packed.size() == g.spans.size())
        foldPacked(g, spanFrom, spanTo, start, end, openEnd, width);
    else
        foldSpans(g, spanFrom, spanTo, start, end, openEnd, width);
    int r = 0, w = 0;
    for (std::size_t x = 0; x < static_cast<std::size_t>(width); ++x) {
        r += m_counts[2 * x];
        w += m_counts[2 * x + 1];
        m_counts[2 * x] = r;
        m_counts[2 * x + 1] = w;
        m_peak = std::max({m_peak, r, w});
    }
}

void FoldedRow::foldPacked(const GanttModel::Group &g, int spanFrom, int spanTo, Micros start, Micros end, Micros openEnd,
                           int width)
{
    // timeToX with its division taken out of the loop over a million spans.
    const double columnsPerMicro = static_cast<double>(width) / static_cast<double>(std::max<Micros>(end - start, 1));
    const GanttModel::PackedSpan *spans = g.packed.constData();
    int *counts = m_counts.data();
    for (int si = spanFrom; si < spanTo; ++si) {
        const GanttModel::PackedSpan s = spans[si];
        const quint32 endBits = s.end & ~GanttModel::PackedSpan::notRunning;
        const Micros spanEnd = endBits == GanttModel::PackedSpan::openEnd ? openEnd : static_cast<Micros>(endBits);
        if (spanEnd < start || static_cast<Micros>(s.start) > end)
            continue;
        const Columns c = columnsOf(static_cast<Micros>(s.start), spanEnd, start, columnsPerMicro, width);
        const auto waiting = static_cast<int>(s.end >> 31);
        ++counts[2 * c.first + waiting];
        --counts[2 * c.after + waiting];
    }
}

void FoldedRow::foldSpans(const GanttModel::Group &g, int spanFrom, int spanTo, Micros start, Micros end, Micros openEnd,
                          int width)
{
    const double columnsPerMicro = static_cast<double>(width) / static_cast<double>(std::max<Micros>(end - start, 1));
    for (int si = spanFrom; si < spanTo; ++si) {
        const GanttModel::Span &s = g.spans[si];
        const Micros spanEnd = s.end >= 0 ? s.end : openEnd;
        if (spanEnd < start || s.start > end)
            continue;
        const Columns c = columnsOf(s.start, spanEnd, start, columnsPerMicro, width);
        const int waiting = s.type == GanttModel::SpanType::Running ? 0 : 1;
        ++m_counts[2 * static_cast<std::size_t>(c.first) + static_cast<std::size_t>(waiting)];
        --m_counts[2 * static_cast<std::size_t>(c.after) + static_cast<std::size_t>(waiting)];
    }
}

} // namespace concviz
