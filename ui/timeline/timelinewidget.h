#pragma once

#include "../theme.h"
#include "ganttpainter.h"
#include "gantt/ganttmodel.h"
#include "timelineviewport.h"

#include <QScrollBar>
#include <QWidget>

namespace concviz {

// The timeline on screen. Wheel: zoom around the cursor (Shift+wheel scrolls, Ctrl+wheel makes lanes
// taller or thinner); drag: pan; right-drag or Shift+drag: zoom to the selected time; double-click:
// fit; hover: exact times and wait reasons; click: select a task.
class TimelineWidget : public QWidget
{
    Q_OBJECT
public:
    explicit TimelineWidget(QWidget *parent = nullptr);

    void setTheme(const Theme &theme);
    const Theme &theme() const { return m_theme; }
    // Shows these runs, one group each; keeps the zoom unless the view is fitted.
    void setTraces(const QList<Trace> &traces, std::optional<double> deadlineMs = std::nullopt);
    const GanttModel &model() const { return m_model; }
    TimelineViewport *viewport() { return &m_viewport; }
    // Draws the moving "now" line of a live run; -1 hides it.
    void setNow(Micros now);
    void selectTask(int group, int lane);
    // What the empty timeline says to do ("Press F5 to run").
    void setEmptyText(const QString &text);
    // A line above the runs while they no longer match the scenario; empty hides it.
    void setNotice(const QString &text);
    QString notice() const { return m_notice; }
    double laneHeight() const;

    void zoomIn();
    void zoomOut();
    void fit();

Q_SIGNALS:
    void taskClicked(int group, int lane);

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void mouseDoubleClickEvent(QMouseEvent *event) override;
    bool event(QEvent *event) override;

private:
    QRect contentRect() const; // below the notice
    QRect paintRect() const;   // and left of the scroll bar
    void updateScrollBar();
    QString tooltipAt(const QPoint &pos) const;
    TimelineLayout::Hit hitAt(const QPoint &pos) const;

    Theme m_theme;
    GanttModel m_model;
    TimelineViewport m_viewport;
    QScrollBar m_scroll;
    Micros m_now = -1;
    QString m_emptyText;
    QString m_notice;
    double m_verticalZoom = 1.0;
    int m_selectedGroup = -1;
    int m_selectedLane = -1;
    QPoint m_pressPos;
    QPoint m_lastPos;
    Micros m_pressStart = 0;
    Micros m_pressEnd = 0;
    bool m_panning = false;
    bool m_rubberBand = false;
    bool m_moved = false;
};

} // namespace concviz
