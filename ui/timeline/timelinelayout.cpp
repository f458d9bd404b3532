#include "timelinelayout.h"

#include <QFontMetricsF>

#include <algorithm>
#include <cmath>

namespace concviz {

TimelineLayout::TimelineLayout(const GanttModel &model, double laneHeight, double headerHeight, double callerHeight)
    : m_model(model)
    , m_laneHeight(laneHeight)
    , m_headerHeight(headerHeight)
    , m_callerHeight(callerHeight)
{
    double y = 0;
    for (const GanttModel::Group &g : model.groups()) {
        m_groupTops.append(y);
        y += headerHeight + static_cast<double>(g.lanes.size()) * laneHeight + callerHeight + groupGap;
    }
    m_contentHeight = y;
}

double TimelineLayout::callerRowHeight(const GanttModel &model, const Theme &theme)
{
    const bool steps = std::any_of(model.groups().begin(), model.groups().end(),
                                   [](const GanttModel::Group &g) { return !g.callerSpans.isEmpty(); });
    return theme.callerHeight + (steps ? std::ceil(QFontMetricsF(theme.font).height()) + 8 : 0.0);
}

double TimelineLayout::lanesBottom(int group) const
{
    return laneTop(group, static_cast<int>(m_model.groups().at(group).lanes.size()));
}

TimelineLayout::Hit TimelineLayout::hitTest(double y) const
{
    // Groups are few: a linear walk is fine; lanes inside a group are found by arithmetic.
    for (int g = 0; g < m_groupTops.size(); ++g) {
        const double top = m_groupTops[g];
        if (y < top || y >= groupBottom(g))
            continue;
        if (y < top + m_headerHeight)
            return {g, -1};
        if (y >= lanesBottom(g))
            return {g, -1, true};
        const int lane = static_cast<int>(std::floor((y - top - m_headerHeight) / m_laneHeight));
        return {g, std::clamp(lane, 0, static_cast<int>(m_model.groups().at(g).lanes.size()) - 1)};
    }
    return {};
}

double TimelineLayout::fittingLaneHeight(const GanttModel &model, double available, double headerHeight, double callerHeight,
                                         double preferred)
{
    const int groups = static_cast<int>(model.groups().size());
    const int lanes = model.laneCount();
    if (lanes == 0)
        return preferred;
    const double room = available - groups * (headerHeight + callerHeight + groupGap);
    // However many lanes: a million of them fold two thousand to a pixel row and still fit with the
    // caller's row below them.
    return std::clamp(room / lanes, thinnestLane, preferred);
}

} // namespace concviz
