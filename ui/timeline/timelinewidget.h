#pragma once

#include "../theme.h"
#include "ganttpainter.h"
#include "gantt/ganttmodel.h"
#include "timelineviewport.h"

#include <QScrollBar>

#include <functional>
#include <QWidget>

namespace concviz {

// The timeline on screen. Wheel: zoom around the cursor (Shift+wheel scrolls, Ctrl+wheel makes lanes
// taller or thinner); drag: pan; right-drag or Shift+drag: zoom to the selected time; double-click:
// fit; hover: exact times and wait reasons; click: select a task, or open a band of thin lanes.
// Keys (the Perfetto and Tracy conventions): W/S zoom, A/D and the arrows pan, Up/Down and the page
// keys scroll, Home/End go to the start and end, F fits, Alt+Left or Ctrl+Shift+Z goes back.
class TimelineWidget : public QWidget
{
    Q_OBJECT
public:
    explicit TimelineWidget(QWidget *parent = nullptr);

    void setTheme(const Theme &theme);
    const Theme &theme() const { return m_theme; }
    // Shows these runs, one group each; keeps the zoom unless the view is fitted.
    void setTraces(const QList<Trace> &traces, std::optional<double> deadlineMs = std::nullopt);
    // The same, with the model built on another thread, for results too big to build between two
    // frames: what is on screen stays until it is ready, then `ready` runs here. A later call of
    // either drops a model still being built.
    void setTracesInBackground(const QList<Trace> &traces, std::optional<double> deadlineMs, std::function<void()> ready);
    const GanttModel &model() const { return m_model; }
    // The class's predictions of each run's makespan, by run, drawn as a line beside the truth
    // until cleared with an empty list.
    void setGuesses(const QList<Micros> &guesses);
    // The class's guess of the order the tasks of run `group` finish in, by name, first first,
    // marked after each lane beside its true place; an empty list takes it away.
    void setFinishOrderGuess(int group, const QStringList &names);
    TimelineViewport *viewport() { return &m_viewport; }
    // Draws the moving "now" line of a live run; -1 hides it.
    void setNow(Micros now);
    // Playback's instant: the line, and the runs after it greyed; -1 ends playback's look. While
    // it is set, pressing or dragging on the time axis asks for a new instant (playheadDragged).
    void setPlayhead(Micros time);
    Micros playhead() const { return m_playhead; }
    // Whether a real run's tasks are outlined where they ran on the virtual clock, its ideal.
    void setShowIdeal(bool show);
    bool showsIdeal() const { return m_showIdeal; }
    // Marks the task with this index in its run (whatever lanes a filter hides).
    void selectTask(int group, int task);
    // Shows only the lanes the filter keeps (see LaneFilter); empty shows them all.
    void setFilter(const QString &text);
    // Lanes shown, and in all, over every run.
    int shownLanes() const { return m_model.laneCount(); }
    int totalLanes() const { return m_totalLanes; }
    // What the empty timeline says to do ("Press F5 to run").
    void setEmptyText(const QString &text);
    // A line above the runs while they no longer match the scenario; empty hides it.
    void setNotice(const QString &text);
    QString notice() const { return m_notice; }
    double laneHeight() const;
    // The height that shows every run whole with its lanes just tall enough for a name each.
    int neededHeight() const;

    void zoomIn();
    void zoomOut();
    void fit();
    void panBy(double fractionOfView);
    // Back to the view before the last zoom, pan or fit; false when there is nothing to go back to.
    bool back();
    // Makes thin lanes tall enough for their names, the band holding `lane` at the top.
    void openBand(int group, int lane);
    // What hovering at `pos` shows: a task's times and waits, or the caller's steps and marks.
    QString tooltipAt(const QPoint &pos) const;
    // Where a group's caller row is, in widget coordinates, for what points at it.
    QRect callerRowRect(int group) const;

Q_SIGNALS:
    // The task's index in its run, as in the scenario's list of task instances.
    void taskClicked(int group, int task);
    // The time under the pointer pressed or dragged on the axis while a playhead is shown.
    void playheadDragged(Micros time);

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void mouseDoubleClickEvent(QMouseEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    bool event(QEvent *event) override;

private:
    QRect contentRect() const; // below the notice
    QRect paintRect() const;   // and left of the scroll bar
    void updateScrollBar();
    void rebuildModel();
    // What rebuildModel() does once the model holds the traces: guesses, the filter, the range.
    void finishModel();
    QString callerTooltip(const GanttModel::Group &g) const;
    static constexpr int maxTooltipPhases = 12;
    TimelineLayout::Hit hitAt(const QPoint &pos) const;

    Theme m_theme;
    GanttModel m_model;
    TimelineViewport m_viewport;
    QScrollBar m_scroll;
    Micros m_now = -1;
    Micros m_playhead = -1;
    bool m_showIdeal = true;
    bool m_scrubbing = false;
    Micros timeAtX(int x) const;
    QString m_emptyText;
    QList<Trace> m_traces;
    std::optional<double> m_deadlineMs;
    QList<Micros> m_guesses;
    int m_orderGroup = -1;
    QStringList m_orderGuess;
    QString m_filter;
    int m_totalLanes = 0;
    // Counts setTraces() calls: a model built in the background for an older one is dropped.
    quint64 m_tracesGeneration = 0;
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
    qint64 m_lastWheelMs = 0; // a burst of wheel turns is one step of the history
};

} // namespace concviz
