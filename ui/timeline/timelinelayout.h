#pragma once

#include "../theme.h"
#include "gantt/ganttmodel.h"

namespace concviz {

// Where each group header and lane sits vertically, in content coordinates (0 = top of the first
// group, below the time axis). Lanes may be thinner than a pixel: the painter then folds them.
class TimelineLayout
{
public:
    struct Hit
    {
        int group = -1;
        int lane = -1; // -1: the group's header or its caller row
        bool caller = false; // the caller's row
    };

    // Each group has a header, its lanes, then a row for the caller's markers (callerHeight).
    TimelineLayout(const GanttModel &model, double laneHeight, double headerHeight, double callerHeight);
    // The same with the theme's header and caller rows.
    TimelineLayout(const GanttModel &model, double laneHeight, const Theme &theme)
        : TimelineLayout(model, laneHeight, theme.headerHeight, callerRowHeight(model, theme))
    {
    }
    // The caller's row: its marks, and above them a line for its own steps when a run has any.
    static double callerRowHeight(const GanttModel &model, const Theme &theme);

    double laneHeight() const { return m_laneHeight; }
    double headerHeight() const { return m_headerHeight; }
    double groupTop(int group) const { return m_groupTops.at(group); }
    double laneTop(int group, int lane) const { return m_groupTops.at(group) + m_headerHeight + lane * m_laneHeight; }
    // The bottom of the group's lanes, where its caller row starts.
    double lanesBottom(int group) const;
    double groupBottom(int group) const { return lanesBottom(group) + m_callerHeight; }
    double callerHeight() const { return m_callerHeight; }
    double contentHeight() const { return m_contentHeight; }
    // What is at content height y: a header, a lane, or nothing (group == -1).
    Hit hitTest(double y) const;

    // The lane height at which all groups fit in `available` pixels, at most `preferred`.
    static double fittingLaneHeight(const GanttModel &model, double available, double headerHeight, double callerHeight,
                                    double preferred);
    static double fittingLaneHeight(const GanttModel &model, double available, const Theme &theme, double preferred)
    {
        return fittingLaneHeight(model, available, theme.headerHeight, callerRowHeight(model, theme), preferred);
    }
    static constexpr double groupGap = 10;
    // The thinnest a lane gets: ten million of them in a hundredth of a pixel's height, not zero.
    static constexpr double thinnestLane = 1e-9;

private:
    const GanttModel &m_model;
    double m_laneHeight;
    double m_headerHeight;
    double m_callerHeight;
    QList<double> m_groupTops;
    double m_contentHeight = 0;
};

} // namespace concviz
