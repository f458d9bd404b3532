#include "timelinewidget.h"

#include "async/backgroundpool.h"
#include "gantt/lanefilter.h"
#include "timelinecoordinates.h"
#include "trace/timeformat.h"

#include <QDateTime>
#include <QHelpEvent>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QToolTip>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>

namespace concviz {

TimelineWidget::TimelineWidget(QWidget *parent)
    : QWidget(parent)
    , m_theme(Theme::make(Theme::Kind::System, palette()))
    , m_scroll(Qt::Vertical, this)
{
    setMouseTracking(true);
    setFocusPolicy(Qt::StrongFocus);
    setMinimumSize(320, 200);
    setAccessibleName(tr("Timeline"));
    connect(&m_viewport, &TimelineViewport::rangeChanged, this, qOverload<>(&QWidget::update));
    connect(&m_scroll, &QScrollBar::valueChanged, this, qOverload<>(&QWidget::update));
}

void TimelineWidget::setTheme(const Theme &theme)
{
    m_theme = theme;
    updateScrollBar();
    update();
}

void TimelineWidget::setTraces(const QList<Trace> &traces, std::optional<double> deadlineMs)
{
    ++m_tracesGeneration;
    m_traces = traces;
    m_deadlineMs = deadlineMs;
    rebuildModel();
}

void TimelineWidget::setTracesInBackground(const QList<Trace> &traces, std::optional<double> deadlineMs, std::function<void()> ready)
{
    const quint64 generation = ++m_tracesGeneration;
    // The traces are shared read-only: the copies here and on the window's side are never written.
    runInBackground(
        this,
        [traces, deadlineMs] {
            GanttModel model;
            model.setTraces(traces, deadlineMs);
            return model;
        },
        [this, generation, traces, deadlineMs, ready = std::move(ready)](GanttModel model) {
            if (generation != m_tracesGeneration)
                return;
            // The old model and traces are freed on the background pool: a hundred thousand
            // lanes, and the tasks of a live run's last copy, take a frame's time to free.
            auto old = std::make_shared<std::pair<GanttModel, QList<Trace>>>(std::exchange(m_model, std::move(model)),
                                                                              std::exchange(m_traces, traces));
            backgroundPool().start([old = std::move(old)]() mutable { old.reset(); });
            m_deadlineMs = deadlineMs;
            finishModel();
            if (ready)
                ready();
        });
}

void TimelineWidget::setFilter(const QString &text)
{
    if (text == m_filter)
        return;
    m_filter = text;
    m_scroll.setValue(0);
    rebuildModel();
}

void TimelineWidget::setGuesses(const QList<Micros> &guesses)
{
    m_guesses = guesses;
    rebuildModel();
}

void TimelineWidget::setFinishOrderGuess(int group, const QStringList &names)
{
    m_orderGroup = group;
    m_orderGuess = names;
    rebuildModel();
}

void TimelineWidget::rebuildModel()
{
    m_model.setTraces(m_traces, m_deadlineMs);
    finishModel();
}

void TimelineWidget::finishModel()
{
    m_model.setGuesses(m_guesses);
    if (!m_orderGuess.isEmpty() && m_orderGroup >= 0 && m_orderGroup < m_traces.size())
        m_model.setFinishOrder(m_orderGroup, FinishOrder(m_traces[m_orderGroup], m_orderGuess));
    m_totalLanes = m_model.laneCount();
    const LaneFilter filter(m_filter);
    if (!filter.isEmpty())
        m_model.keepLanes([&filter](const GanttModel::Lane &lane) { return filter.matches(lane); });
    const std::optional<double> deadlineMs = m_deadlineMs;
    Micros end = m_model.latest();
    if (deadlineMs)
        end = std::max(end, fromMs(*deadlineMs));
    m_viewport.setContentEnd(std::max<Micros>(end, m_now));
    updateScrollBar();
    update();
}

void TimelineWidget::setNow(Micros now)
{
    m_now = now;
    if (now >= 0 && now > m_viewport.contentEnd())
        m_viewport.setContentEnd(now);
    update();
}

void TimelineWidget::setPlayhead(Micros time)
{
    m_playhead = time;
    if (time < 0)
        m_scrubbing = false;
    update();
}

void TimelineWidget::setShowIdeal(bool show)
{
    m_showIdeal = show;
    update();
}

Micros TimelineWidget::timeAtX(int x) const
{
    const QRectF plot = GanttPainter(m_theme, &m_model).plotArea(paintRect());
    return std::clamp<Micros>(timeline::xToTime(x, m_viewport.start(), m_viewport.end(), plot.left(), plot.width()), 0,
                              m_model.latest());
}

void TimelineWidget::selectTask(int group, int lane)
{
    m_selectedGroup = group;
    m_selectedLane = lane;
    update();
}

void TimelineWidget::zoomIn()
{
    m_viewport.remember();
    m_viewport.zoomAround((m_viewport.start() + m_viewport.end()) / 2, 1.5);
}

void TimelineWidget::zoomOut()
{
    m_viewport.remember();
    m_viewport.zoomAround((m_viewport.start() + m_viewport.end()) / 2, 1 / 1.5);
}

void TimelineWidget::panBy(double fractionOfView)
{
    m_viewport.remember();
    m_viewport.pan(static_cast<Micros>(fractionOfView * static_cast<double>(m_viewport.end() - m_viewport.start())));
}

bool TimelineWidget::back()
{
    return m_viewport.back();
}

namespace {

bool isBackKey(int key, Qt::KeyboardModifiers mods)
{
    return (key == Qt::Key_Left && mods == Qt::AltModifier) || (key == Qt::Key_Z && mods == (Qt::ControlModifier | Qt::ShiftModifier));
}

// The keys the timeline answers to itself while it has the focus, before the window's shortcuts
// (Ctrl+Shift+Z is the editor's redo elsewhere).
bool isNavigationKey(const QKeyEvent *event)
{
    const Qt::KeyboardModifiers mods = event->modifiers() & ~Qt::KeypadModifier;
    if (isBackKey(event->key(), mods))
        return true;
    if (mods != Qt::NoModifier)
        return false;
    switch (event->key()) {
    case Qt::Key_W:
    case Qt::Key_A:
    case Qt::Key_S:
    case Qt::Key_D:
    case Qt::Key_F:
    case Qt::Key_Left:
    case Qt::Key_Right:
    case Qt::Key_Up:
    case Qt::Key_Down:
    case Qt::Key_PageUp:
    case Qt::Key_PageDown:
    case Qt::Key_Home:
    case Qt::Key_End:
        return true;
    default:
        return false;
    }
}

} // namespace

void TimelineWidget::keyPressEvent(QKeyEvent *event)
{
    const Qt::KeyboardModifiers mods = event->modifiers() & ~Qt::KeypadModifier;
    const bool plain = mods == Qt::NoModifier;
    const int key = event->key();
    if (isBackKey(key, mods)) {
        back();
    } else if (plain && key == Qt::Key_W) {
        zoomIn();
    } else if (plain && key == Qt::Key_S) {
        zoomOut();
    } else if (plain && (key == Qt::Key_A || key == Qt::Key_Left)) {
        panBy(-0.2);
    } else if (plain && (key == Qt::Key_D || key == Qt::Key_Right)) {
        panBy(0.2);
    } else if (plain && (key == Qt::Key_Up || key == Qt::Key_Down)) {
        m_scroll.setValue(m_scroll.value() + (key == Qt::Key_Up ? -1 : 1) * static_cast<int>(std::ceil(3 * laneHeight())));
    } else if (plain && (key == Qt::Key_PageUp || key == Qt::Key_PageDown)) {
        m_scroll.setValue(m_scroll.value() + (key == Qt::Key_PageUp ? -1 : 1) * m_scroll.pageStep());
    } else if (plain && key == Qt::Key_Home) {
        m_viewport.remember();
        m_viewport.toStart();
        m_scroll.setValue(0);
    } else if (plain && key == Qt::Key_End) {
        m_viewport.remember();
        m_viewport.toEnd();
    } else if (plain && key == Qt::Key_F) {
        fit();
    } else {
        QWidget::keyPressEvent(event);
        return;
    }
    event->accept();
}

void TimelineWidget::fit()
{
    m_viewport.remember();
    m_verticalZoom = 1.0;
    m_viewport.fit();
    updateScrollBar();
    update();
}

QRect TimelineWidget::contentRect() const
{
    const int notice = m_notice.isEmpty() ? 0 : GanttPainter(m_theme).noticeHeight(width(), m_notice);
    return rect().adjusted(0, notice, 0, 0);
}

QRect TimelineWidget::paintRect() const
{
    return contentRect().adjusted(0, 0, m_scroll.isVisible() ? -m_scroll.width() : 0, 0);
}

void TimelineWidget::setEmptyText(const QString &text)
{
    m_emptyText = text;
    update();
}

void TimelineWidget::setNotice(const QString &text)
{
    m_notice = text;
    updateScrollBar();
    update();
}

double TimelineWidget::laneHeight() const
{
    const GanttPainter painter(m_theme, &m_model);
    const QRectF plot = painter.plotArea(contentRect());
    // A few tasks get taller bars, so a small lesson fills the screen; many tasks shrink to fit,
    // down to folded rows, until the user makes them taller (Ctrl+wheel) and scrolls.
    const double tallest = m_theme.laneHeight * 1.8;
    const double fitting = TimelineLayout::fittingLaneHeight(m_model, plot.height(), m_theme, tallest);
    // Never so thin that a run's lanes together are shorter than one line of text: each keeps room
    // for a name, and the timeline scrolls instead.
    int mostLanes = 0;
    for (const GanttModel::Group &g : m_model.groups())
        mostLanes = std::max(mostLanes, static_cast<int>(g.lanes.size()));
    const double thinnest = mostLanes > 0 ? painter.legibleLaneHeight() / mostLanes : 0;
    return std::min<double>(tallest, std::max(fitting, thinnest) * m_verticalZoom);
}

int TimelineWidget::neededHeight() const
{
    const GanttPainter painter(m_theme, &m_model);
    if (m_model.laneCount() == 0)
        return minimumHeight();
    // Every lane with a name of its own; less and they go into bands.
    const TimelineLayout layout(m_model, painter.legibleLaneHeight(), m_theme);
    const int notice = m_notice.isEmpty() ? 0 : painter.noticeHeight(width(), m_notice);
    return notice + m_theme.axisHeight + static_cast<int>(std::ceil(layout.contentHeight() + painter.legendHeight(width())));
}

void TimelineWidget::updateScrollBar()
{
    const GanttPainter painter(m_theme, &m_model);
    const QRectF plot = painter.plotArea(contentRect());
    const TimelineLayout layout(m_model, laneHeight(), m_theme);
    // Lanes fitted to the room fill it to the last bit of a pixel, give or take rounding: that is no
    // overflow to scroll.
    const int overflow = static_cast<int>(std::ceil(layout.contentHeight() - plot.height() - 0.01));
    m_scroll.setRange(0, std::max(0, overflow));
    m_scroll.setPageStep(static_cast<int>(plot.height()));
    m_scroll.setSingleStep(std::max(1, static_cast<int>(laneHeight())));
    m_scroll.setVisible(overflow > 0);
    m_scroll.setGeometry(width() - m_scroll.sizeHint().width(), 0, m_scroll.sizeHint().width(), height());
}

void TimelineWidget::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    GanttPainter::Options o;
    o.start = m_viewport.start();
    o.end = m_viewport.end();
    o.laneHeight = laneHeight();
    o.scrollY = m_scroll.isVisible() ? m_scroll.value() : 0;
    o.now = m_now;
    o.playhead = m_playhead;
    o.showIdeal = m_showIdeal;
    o.selectedGroup = m_selectedGroup;
    o.selectedLane = m_selectedLane;
    o.emptyText = m_emptyText;
    const GanttPainter painter(m_theme, &m_model);
    if (!m_notice.isEmpty())
        painter.paintNotice(p, QRect(0, 0, width(), painter.noticeHeight(width(), m_notice)), m_notice);
    painter.paint(p, paintRect(), m_model, o);
    if (m_rubberBand) {
        const QRect band = QRect(m_pressPos, m_lastPos).normalized();
        p.fillRect(QRect(band.left(), 0, band.width(), height()), m_theme.selection);
    }
}

void TimelineWidget::resizeEvent(QResizeEvent *)
{
    updateScrollBar();
}

void TimelineWidget::wheelEvent(QWheelEvent *event)
{
    const double notches = event->angleDelta().y() / 120.0;
    if (event->modifiers() & Qt::ShiftModifier) {
        m_scroll.setValue(m_scroll.value() - static_cast<int>(notches * 3 * laneHeight()));
    } else if (event->modifiers() & Qt::ControlModifier) {
        m_verticalZoom = std::clamp(m_verticalZoom * std::pow(1.3, notches), 1.0, 1e6);
        updateScrollBar();
        update();
    } else {
        const qint64 nowMs = QDateTime::currentMSecsSinceEpoch();
        if (nowMs - m_lastWheelMs > 600)
            m_viewport.remember();
        m_lastWheelMs = nowMs;
        const QRectF plot = GanttPainter(m_theme, &m_model).plotArea(paintRect());
        const Micros anchor = timeline::xToTime(event->position().x(), m_viewport.start(), m_viewport.end(), plot.left(), plot.width());
        m_viewport.zoomAround(anchor, std::pow(1.25, notches));
    }
    event->accept();
}

void TimelineWidget::mousePressEvent(QMouseEvent *event)
{
    m_pressPos = m_lastPos = event->pos();
    // Scrubbing: the axis is playback's track, as a video player's bar is.
    const QRectF plot = GanttPainter(m_theme, &m_model).plotArea(paintRect());
    if (m_playhead >= 0 && event->button() == Qt::LeftButton && event->pos().y() < plot.top()
        && event->pos().x() >= plot.left()) {
        m_scrubbing = true;
        Q_EMIT playheadDragged(timeAtX(event->pos().x()));
        return;
    }
    m_pressStart = m_viewport.start();
    m_pressEnd = m_viewport.end();
    m_moved = false;
    m_rubberBand = event->button() == Qt::RightButton
        || (event->button() == Qt::LeftButton && (event->modifiers() & Qt::ShiftModifier));
    m_panning = !m_rubberBand && event->button() == Qt::LeftButton;
    if (m_panning || m_rubberBand)
        m_viewport.remember(); // a click that moves nothing leaves the same view, which back() skips
    if (m_panning)
        setCursor(Qt::ClosedHandCursor);
}

void TimelineWidget::mouseMoveEvent(QMouseEvent *event)
{
    if (m_scrubbing) {
        Q_EMIT playheadDragged(timeAtX(event->pos().x()));
        return;
    }
    if ((event->pos() - m_pressPos).manhattanLength() > 3)
        m_moved = true;
    if (m_panning) {
        const QRectF plot = GanttPainter(m_theme, &m_model).plotArea(paintRect());
        const double dx = event->pos().x() - m_pressPos.x();
        const Micros shift = static_cast<Micros>(dx * static_cast<double>(m_pressEnd - m_pressStart) / plot.width());
        m_viewport.setRange(m_pressStart - shift, m_pressEnd - shift);
        m_scroll.setValue(m_scroll.value() - (event->pos().y() - m_lastPos.y()));
    }
    m_lastPos = event->pos();
    if (m_rubberBand)
        update();
}

void TimelineWidget::mouseReleaseEvent(QMouseEvent *event)
{
    unsetCursor();
    if (m_scrubbing) {
        m_scrubbing = false;
        return;
    }
    if (m_rubberBand && m_moved) {
        const QRectF plot = GanttPainter(m_theme, &m_model).plotArea(paintRect());
        const Micros a = timeline::xToTime(std::min(m_pressPos.x(), event->pos().x()), m_viewport.start(), m_viewport.end(), plot.left(), plot.width());
        const Micros b = timeline::xToTime(std::max(m_pressPos.x(), event->pos().x()), m_viewport.start(), m_viewport.end(), plot.left(), plot.width());
        m_viewport.setRange(a, b);
    } else if (!m_moved && event->button() == Qt::LeftButton) {
        const TimelineLayout::Hit hit = hitAt(event->pos());
        const GanttPainter painter(m_theme, &m_model);
        if (hit.group >= 0 && hit.lane >= 0 && laneHeight() < painter.legibleLaneHeight()) {
            openBand(hit.group, hit.lane);
        } else if (hit.group >= 0 && hit.lane >= 0) {
            const int task = m_model.groups()[hit.group].lanes[hit.lane].task;
            selectTask(hit.group, task);
            Q_EMIT taskClicked(hit.group, task);
        }
    }
    m_rubberBand = false;
    m_panning = false;
    update();
}

void TimelineWidget::openBand(int group, int lane)
{
    // Lanes too thin for their names open up to a name each; the band clicked comes to the top, the
    // rest scrolls. F (fit) folds them again.
    const GanttPainter painter(m_theme, &m_model);
    const int first = lane - lane % painter.bandSize(laneHeight());
    m_verticalZoom *= painter.legibleLaneHeight() / laneHeight();
    updateScrollBar();
    const TimelineLayout layout(m_model, laneHeight(), m_theme);
    m_scroll.setValue(static_cast<int>(layout.laneTop(group, first) - layout.headerHeight()));
    update();
}

void TimelineWidget::mouseDoubleClickEvent(QMouseEvent *)
{
    fit();
}

QRect TimelineWidget::callerRowRect(int group) const
{
    const QRectF plot = GanttPainter(m_theme, &m_model).plotArea(paintRect());
    const TimelineLayout layout(m_model, laneHeight(), m_theme);
    const double scroll = m_scroll.isVisible() ? m_scroll.value() : 0;
    const double top = plot.top() + layout.lanesBottom(group) - scroll;
    return QRectF(plot.left(), top, plot.width(), layout.callerHeight()).toAlignedRect();
}

TimelineLayout::Hit TimelineWidget::hitAt(const QPoint &pos) const
{
    const QRectF plot = GanttPainter(m_theme, &m_model).plotArea(paintRect());
    if (pos.y() < plot.top())
        return {};
    const TimelineLayout layout(m_model, laneHeight(), m_theme);
    return layout.hitTest(pos.y() - plot.top() + (m_scroll.isVisible() ? m_scroll.value() : 0));
}

bool TimelineWidget::event(QEvent *event)
{
    if (event->type() == QEvent::ShortcutOverride && isNavigationKey(static_cast<QKeyEvent *>(event))) {
        // While playing back, the bare arrows step between events (the window's keys); A and D still pan.
        const auto *key = static_cast<QKeyEvent *>(event);
        if (m_playhead >= 0 && key->modifiers() == Qt::NoModifier && (key->key() == Qt::Key_Left || key->key() == Qt::Key_Right))
            return QWidget::event(event);
        event->accept(); // comes back as a key press
        return true;
    }
    if (event->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(event);
        const QString text = tooltipAt(help->pos());
        if (text.isEmpty())
            QToolTip::hideText();
        else
            QToolTip::showText(help->globalPos(), text, this);
        return true;
    }
    return QWidget::event(event);
}

QString TimelineWidget::tooltipAt(const QPoint &pos) const
{
    const TimelineLayout::Hit hit = hitAt(pos);
    if (hit.group >= 0 && hit.caller)
        return callerTooltip(m_model.groups()[hit.group]);
    if (hit.group < 0 || hit.lane < 0)
        return {};
    const GanttModel::Group &g = m_model.groups()[hit.group];
    const GanttModel::Lane &lane = g.lanes[hit.lane];
    auto at = [](Micros t) { return t >= 0 ? humanDuration(t) : tr("—"); };
    QString html = QStringLiteral("<b>%1</b> — %2<br/>").arg(lane.name.toHtmlEscaped(), outcomeName(lane.outcome));
    html += tr("created %1, started %2, ended %3").arg(at(lane.created), at(lane.start), at(lane.end));
    if (lane.thread)
        html += QStringLiteral("<br/>") + (lane.attempts == 1 ? tr("one job from run_in_executor") : tr("%1 jobs from run_in_executor").arg(lane.attempts));
    else if (lane.attempts > 1)
        html += QStringLiteral("<br/>") + tr("%1 attempts").arg(lane.attempts);
    // What a recorded program's task says of itself comes from its trace: the model keeps only
    // what is drawn, a million lanes over.
    if (hit.group < m_traces.size() && lane.task < m_traces[hit.group].tasks.size()) {
        const TaskTrace &task = m_traces[hit.group].tasks[lane.task];
        if (!task.extras().parent.isEmpty())
            html += QStringLiteral("<br/>") + tr("created by %1").arg(task.extras().parent.toHtmlEscaped());
        if (const QString awaited = task.awaitedSummary(); !awaited.isEmpty())
            html += QStringLiteral("<br/>") + tr("awaited %1").arg(awaited.toHtmlEscaped());
    }
    if (lane.worker >= 0)
        html += QStringLiteral("<br/>") + tr("run by worker %1").arg(lane.worker);
    if (lane.idealEnd >= 0)
        html += QStringLiteral("<br/>") + tr("ideal, on the virtual clock: started %1, ended %2 (the dashed outline)")
                                              .arg(at(lane.idealStart), at(lane.idealEnd));
    // Turns for the GIL or a core come every few milliseconds: one line for all of them.
    Micros turnsWaited = 0;
    int turns = 0;
    PhaseKind turnKind = PhaseKind::WaitGil;
    int listed = 0;
    for (int si = lane.firstSpan; si < lane.firstSpan + lane.spanCount; ++si) {
        const GanttModel::Span &s = g.spans[si];
        if (s.type != GanttModel::SpanType::Phase || s.end <= s.start)
            continue; // open, or a wait of no time
        if (s.phase == PhaseKind::WaitGil || s.phase == PhaseKind::WaitCore) {
            turnsWaited += s.end - s.start;
            ++turns;
            turnKind = s.phase;
            continue;
        }
        if (++listed > maxTooltipPhases)
            continue;
        html += QStringLiteral("<br/>%1: %2 (%3 → %4)")
                    .arg(phaseDescription(s.phase), humanDuration(s.end - s.start), humanDuration(s.start), humanDuration(s.end));
    }
    if (listed > maxTooltipPhases)
        html += QStringLiteral("<br/>") + tr("… %n more waits", nullptr, listed - maxTooltipPhases);
    if (turns > 0) {
        const QString howMany = turns == 1 ? tr("in one turn") : tr("in all, %1 turns").arg(turns);
        html += QStringLiteral("<br/>%1: %2 %3").arg(phaseDescription(turnKind), humanDuration(turnsWaited), howMany);
    }
    // What it got back, worded only for the one lane hovered: every model rebuild of a live run
    // would otherwise word it for every lane.
    if (hit.group < m_traces.size() && lane.task < m_traces[hit.group].tasks.size()) {
        const QString result = m_traces[hit.group].tasks[lane.task].resultSummary();
        if (!result.isEmpty())
            html += QStringLiteral("<br/>%1").arg(result.toHtmlEscaped());
    }
    if (!lane.error.isEmpty())
        html += QStringLiteral("<br/><i>%1</i>").arg(lane.error.toHtmlEscaped());
    return html;
}

QString TimelineWidget::callerTooltip(const GanttModel::Group &g) const
{
    // What the caller did itself, and where it resumed.
    QString html = QStringLiteral("<b>%1</b>").arg(tr("caller"));
    int listed = 0;
    for (const CallerSpan &c : g.callerSpans) {
        if (++listed > maxTooltipPhases)
            continue; // counted, not shown
        const Micros end = c.end >= 0 ? c.end : g.makespan;
        html += QStringLiteral("<br/>%1: %2 %3 (%4 → %5)")
                    .arg(c.label.toHtmlEscaped(), c.holdsLoop ? tr("holds the loop") : tr("awaits"), humanDuration(end - c.start),
                         humanDuration(c.start), humanDuration(end));
    }
    for (const Marker &m : g.markers) {
        if (m.kind == MarkerKind::Consumed || ++listed > maxTooltipPhases)
            continue;
        html += QStringLiteral("<br/>%1: %2").arg(humanDuration(m.time), m.label.toHtmlEscaped());
    }
    if (listed > maxTooltipPhases)
        html += QStringLiteral("<br/>") + tr("… %n more", nullptr, listed - maxTooltipPhases);
    return listed > 0 ? html : QString();
}

} // namespace concviz
