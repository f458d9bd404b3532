#pragma once

#include "../theme.h"
#include "timelinelayout.h"
#include "gantt/ganttmodel.h"

#include <QCoreApplication>
#include <QPainter>
#include <QRect>

namespace concviz {

// Paints the timeline of a model into a rectangle: the time axis, one header per run, one lane per
// task with its waits and attempts, end marks, the caller's markers, the deadline and the "now"
// line. The widget, the image and document exports and `concviz render` all paint through it.
// Only what is visible is drawn; lanes thinner than a pixel are folded into one row of pixels
// that shows how many of them run at each moment, and spans narrower than a pixel are widened to one.
class GanttPainter
{
    Q_DECLARE_TR_FUNCTIONS(GanttPainter)

public:
    struct Options
    {
        Micros start = 0;
        Micros end = 1000000;
        double laneHeight = 22;
        double scrollY = 0;   // content pixels scrolled off the top
        Micros now = -1;      // the live "now" line; -1 when no run is going on
        Micros playhead = -1; // playback's instant: what comes after it is greyed; -1 when not playing back
        bool showIdeal = true; // a real run's tasks as they ran on the virtual clock, as outlines
        int selectedGroup = -1;
        int selectedLane = -1; // the task's index in its run
        QString emptyText;   // what to do when there is nothing to show yet
    };

    // With a model, the legend explains only what its runs show; without one, everything.
    explicit GanttPainter(const Theme &theme, const GanttModel *model = nullptr);

    void paint(QPainter &painter, const QRect &rect, const GanttModel &model, const Options &options) const;

    // A line across the top of `rect` that says something about the whole picture ("edited since
    // this run"); returns what is left below it.
    QRect paintNotice(QPainter &p, const QRect &rect, const QString &text) const;
    // As tall as `text` needs, folded to `width`: a long line folds rather than being cut off.
    int noticeHeight(int width, const QString &text) const;
    // Where the time axis runs inside `rect`: right of the names, below the axis.
    QRectF plotArea(const QRect &rect) const;
    // The strip along the bottom that explains the colours and marks, on as many rows as `width` needs.
    double legendHeight(double width) const;
    // The thinnest lane that still has room for its own name at the theme's size; thinner lanes are
    // named in bands of several.
    double legibleLaneHeight() const;
    // How many lanes of this height are named together.
    int bandSize(double laneHeight) const;
    // Where each entry of the legend goes in a strip `width` wide, from its top left.
    QList<QRectF> legendPlaces(double width) const;
    // The facts beside a group's title that fit in `width`, joined into one line.
    QString headerFacts(const GanttModel &model, int group, double width) const;

private:
    struct LegendItem
    {
        QColor color;
        Qt::BrushStyle pattern;
        QString text;
        bool swatch; // a coloured box and its meaning, or a mark drawn in its colour
        bool outline = false; // the box is a dashed outline (the ideal), not filled
    };
    QList<LegendItem> legendItems() const;
    void paintIdeal(QPainter &p, const QRectF &plot, const GanttModel::Lane &lane, const QRectF &bar, const Options &o) const;
    void paintBandLabels(QPainter &p, const QRectF &plot, const GanttModel::Group &g, double lanesTop, int firstLane, int lastLane,
                         const Options &o) const;
    void paintLegend(QPainter &p, const QRect &rect) const;
    void paintEmpty(QPainter &p, const QRect &rect, const QString &text) const;
    void paintAxis(QPainter &p, const QRect &rect, const QRectF &plot, const Options &o) const;
    void paintGroupHeader(QPainter &p, const QRectF &plot, const QRect &rect, const GanttModel &model, int group,
                          double top, const Options &o) const;
    void paintLanes(QPainter &p, const QRectF &plot, const GanttModel::Group &g, int groupIndex, double top,
                    const TimelineLayout &layout, const Options &o) const;
    void paintFoldedLanes(QPainter &p, const QRectF &plot, const GanttModel::Group &g, double top,
                          const TimelineLayout &layout, const Options &o) const;
    void paintMarkerLines(QPainter &p, const QRectF &plot, const GanttModel::Group &g, double top, double bottom,
                          const Options &o) const;
    void paintFuture(QPainter &p, const QRectF &plot, double top, double bottom, const Options &o) const;
    void paintPlayhead(QPainter &p, const QRect &rect, const QRectF &plot, const Options &o) const;
    void paintMarkers(QPainter &p, const QRectF &plot, const GanttModel::Group &g, double top, double lanesBottom, double callerRow,
                      const Options &o) const;

    const Theme &m_theme;
    const GanttModel *m_model;
};

} // namespace concviz
