#pragma once

#include "timelinemodel.h"

namespace concviz {

// Where each group header and lane sits vertically, in content coordinates (0 = top of the first
// group, below the time axis). Lanes may be thinner than a pixel: the painter then folds them.
class TimelineLayout
{
public:
    struct Hit
    {
        int group = -1;
        int lane = -1; // -1: the group's header
    };

    TimelineLayout(const TimelineModel &model, double laneHeight, double headerHeight);

    double laneHeight() const { return m_laneHeight; }
    double headerHeight() const { return m_headerHeight; }
    double groupTop(int group) const { return m_groupTops.at(group); }
    double laneTop(int group, int lane) const { return m_groupTops.at(group) + m_headerHeight + lane * m_laneHeight; }
    double groupBottom(int group) const;
    double contentHeight() const { return m_contentHeight; }
    // What is at content height y: a header, a lane, or nothing (group == -1).
    Hit hitTest(double y) const;

    // The lane height at which all groups fit in `available` pixels, at most `preferred`.
    static double fittingLaneHeight(const TimelineModel &model, double available, double headerHeight, double preferred);
    static constexpr double groupGap = 10;

private:
    const TimelineModel &m_model;
    double m_laneHeight;
    double m_headerHeight;
    QList<double> m_groupTops;
    double m_contentHeight = 0;
};

} // namespace concviz
