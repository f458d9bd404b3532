#include "ganttpainter.h"

#include "gantt/foldedrow.h"
#include "gantt/lanerange.h"
#include "gantt/speedcomparison.h"
#include "timelinecoordinates.h"
#include "trace/timeformat.h"

#include <QFontMetricsF>
#include <QPainterPath>

#include <algorithm>
#include <array>
#include <cmath>

namespace concviz {

namespace {

// Lanes thinner than this are folded into rows of pixels.
constexpr double foldBelow = 2.0;
// The narrowest a span is drawn: an attempt of a microsecond is still a mark a class can see.
constexpr double minBarWidth = 3.0;

QColor attemptColor(const Theme &theme, Outcome outcome)
{
    return outcome == Outcome::Ok || outcome == Outcome::Pending ? theme.running : theme.outcomeColor(outcome);
}

} // namespace

GanttPainter::GanttPainter(const Theme &theme, const GanttModel *model)
    : m_theme(theme)
    , m_model(model)
{
}

QRectF GanttPainter::plotArea(const QRect &rect) const
{
    const double label = std::min<double>(m_theme.labelWidth, rect.width() * 0.3);
    // Room on the right for the end marks of the longest bars.
    const double right = QFontMetricsF(m_theme.font).horizontalAdvance(QStringLiteral("  ✓ 0.000 s")) + 8;
    return QRectF(rect.left() + label, rect.top() + m_theme.axisHeight, std::max(10.0, rect.width() - label - right),
                  std::max(1.0, rect.height() - static_cast<double>(m_theme.axisHeight) - legendHeight(rect.width())));
}

QList<GanttPainter::LegendItem> GanttPainter::legendItems() const
{
    // What the runs show, so that the legend names only that: a lesson's legend stays one line.
    QList<std::pair<QColor, Qt::BrushStyle>> shown;
    const bool everything = !m_model || m_model->laneCount() == 0;
    const GanttModel::Shown none;
    const GanttModel::Shown &seen = everything ? none : m_model->shown();
    for (std::size_t k = 0; k < seen.phases.size(); ++k) {
        const auto phase = static_cast<PhaseKind>(k);
        const std::pair<QColor, Qt::BrushStyle> look{m_theme.phaseColor(phase), m_theme.phasePattern(phase)};
        const bool drawn = seen.phases[k] || (phase == PhaseKind::HoldsLoop && seen.callerHoldsLoop);
        if (drawn && !shown.contains(look))
            shown.append(look);
    }
    const bool gilWaits = seen.phases[static_cast<std::size_t>(PhaseKind::WaitGil)];
    const bool coreWaits = seen.phases[static_cast<std::size_t>(PhaseKind::WaitCore)];
    const bool callerAwaits = seen.callerAwaits;
    const bool ideal = seen.ideal;
    const std::array<bool, 5> &ended = seen.ended;
    QList<LegendItem> items;
    auto swatch = [&](const QColor &c, Qt::BrushStyle pattern, const QString &text) {
        if (everything || (pattern == Qt::SolidPattern && c == m_theme.running) || shown.contains({c, pattern}))
            items.append({c, pattern, text, true});
    };
    swatch(m_theme.running, Qt::SolidPattern, tr("running"));
    swatch(m_theme.phaseColor(PhaseKind::WaitSemaphore), m_theme.phasePattern(PhaseKind::WaitSemaphore), tr("waiting its turn"));
    swatch(m_theme.phaseColor(PhaseKind::WaitConnection), m_theme.phasePattern(PhaseKind::WaitConnection),
           tr("waiting for a worker or connection"));
    swatch(m_theme.phaseColor(PhaseKind::WaitDatabase), m_theme.phasePattern(PhaseKind::WaitDatabase),
           tr("waiting for a database connection"));
    swatch(m_theme.phaseColor(PhaseKind::WaitingFirstByte), Qt::SolidPattern, tr("network"));
    swatch(m_theme.phaseColor(PhaseKind::HoldsLoop), m_theme.phasePattern(PhaseKind::HoldsLoop), tr("holding the loop"));
    swatch(m_theme.phaseColor(PhaseKind::LoopBlocked), m_theme.phasePattern(PhaseKind::LoopBlocked), tr("loop blocked"));
    // Both CPU waits look the same; the legend names the one this run has.
    swatch(m_theme.phaseColor(PhaseKind::WaitGil), m_theme.phasePattern(PhaseKind::WaitGil),
           coreWaits && !gilWaits ? tr("waiting for a CPU core") : tr("waiting for the GIL"));
    swatch(m_theme.phaseColor(PhaseKind::Backoff), m_theme.phasePattern(PhaseKind::Backoff), tr("backoff"));
    if (callerAwaits)
        items.append({m_theme.mutedText, Qt::BDiagPattern, tr("the caller awaits"), true});
    if (ideal)
        items.append({m_theme.mutedText, Qt::NoBrush, tr("ideal (virtual clock)"), true, true});
    for (Outcome o : {Outcome::Ok, Outcome::Failed, Outcome::Timeout, Outcome::Cancelled}) {
        if (everything || ended[static_cast<std::size_t>(o)])
            items.append({m_theme.outcomeTextColor(o), Qt::NoBrush, outcomeSymbol(o) + QLatin1Char(' ') + outcomeName(o), false});
    }
    return items;
}

QList<QRectF> GanttPainter::legendPlaces(double width) const
{
    // Each item where it goes: left to right, on as many rows as the width needs, never cut.
    const QFontMetricsF fm(m_theme.font);
    const double rowHeight = fm.height() + 10;
    const double box = fm.height() * 0.7;
    QList<QRectF> places;
    double x = 8;
    double y = 0;
    for (const LegendItem &item : legendItems()) {
        const double w = (item.swatch ? box * 1.6 + 4 : 0) + fm.horizontalAdvance(item.text) + 2;
        if (x > 8 && x + w > width - 8) {
            x = 8;
            y += rowHeight;
        }
        places.append(QRectF(x, y, w, rowHeight));
        x += w + 14;
    }
    return places;
}

double GanttPainter::legendHeight(double width) const
{
    const QList<QRectF> places = legendPlaces(width);
    return places.isEmpty() ? 0 : places.last().bottom();
}

void GanttPainter::paintLegend(QPainter &p, const QRect &rect) const
{
    // What the colours and marks mean, along the bottom: on screen, in every export.
    const QFontMetricsF fm(m_theme.font);
    const double h = legendHeight(rect.width());
    const QRectF strip(rect.left(), rect.bottom() + 1 - h, rect.width(), h);
    p.fillRect(strip, m_theme.background);
    p.setPen(m_theme.grid);
    p.drawLine(strip.topLeft(), strip.topRight());
    const double box = fm.height() * 0.7;
    const QList<LegendItem> items = legendItems();
    const QList<QRectF> places = legendPlaces(rect.width());
    for (qsizetype i = 0; i < items.size(); ++i) {
        const LegendItem &item = items[i];
        const QRectF place = places[i].translated(strip.topLeft());
        double textLeft = place.left();
        if (item.swatch) {
            const QRectF r(place.left(), place.center().y() - box / 2, box * 1.6, box);
            if (item.outline) {
                p.setPen(QPen(item.color, 2, Qt::DashLine));
                p.setBrush(Qt::NoBrush);
                p.drawRect(r.adjusted(1, 1, -1, -1));
            } else {
                QColor soft = item.color;
                soft.setAlpha(item.pattern == Qt::SolidPattern ? 255 : 60);
                p.fillRect(r, soft);
                if (item.pattern != Qt::SolidPattern)
                    p.fillRect(r, QBrush(item.color, item.pattern));
            }
            textLeft = r.right() + 4;
        }
        p.setPen(item.swatch ? m_theme.text : item.color);
        p.drawText(QRectF(textLeft, place.top(), place.right() - textLeft + 2, place.height()), Qt::AlignVCenter, item.text);
    }
}

void GanttPainter::paintEmpty(QPainter &p, const QRect &rect, const QString &text) const
{
    // No axis of nothing: what to do, large, in the middle.
    QFont big = m_theme.font;
    big.setPointSizeF(m_theme.font.pointSizeF() * 1.4);
    p.setFont(big);
    p.setPen(m_theme.mutedText);
    p.drawText(rect.adjusted(24, 24, -24, -24), Qt::AlignCenter | Qt::TextWordWrap, text);
}

QRect GanttPainter::paintNotice(QPainter &p, const QRect &rect, const QString &text) const
{
    // A band across the top in the colours of a note: dark brown on pale yellow, 12:1.
    const QFontMetrics fm(m_theme.font);
    const QRect band(rect.left(), rect.top(), rect.width(), noticeHeight(rect.width(), text));
    p.save();
    p.setFont(m_theme.font);
    p.fillRect(band, QColor(0xFF, 0xF4, 0xCE));
    p.setPen(QColor(0x3B, 0x2F, 0x00));
    p.drawText(band.adjusted(8, 0, -8, 0), Qt::AlignVCenter | Qt::AlignLeft | Qt::TextWordWrap, text);
    p.restore();
    return rect.adjusted(0, band.height(), 0, 0);
}

int GanttPainter::noticeHeight(int width, const QString &text) const
{
    const QRect folded = QFontMetrics(m_theme.font).boundingRect(QRect(0, 0, std::max(1, width - 16), 100000),
                                                                 Qt::AlignLeft | Qt::TextWordWrap, text);
    return std::max(folded.height(), QFontMetrics(m_theme.font).height()) + 12;
}

void GanttPainter::paint(QPainter &p, const QRect &rect, const GanttModel &model, const Options &o) const
{
    p.save();
    p.setClipRect(rect);
    p.fillRect(rect, m_theme.background);
    p.setFont(m_theme.font);
    if (model.groups().isEmpty() && !o.emptyText.isEmpty()) {
        paintEmpty(p, rect, o.emptyText);
        p.restore();
        return;
    }
    const QRectF plot = plotArea(rect);
    paintAxis(p, rect, plot, o);

    const TimelineLayout layout(model, o.laneHeight, m_theme);
    p.save();
    p.setClipRect(QRectF(rect.left(), plot.top(), rect.width(), plot.height()));
    for (int gi = 0; gi < model.groups().size(); ++gi) {
        const GanttModel::Group &g = model.groups()[gi];
        const double top = plot.top() + layout.groupTop(gi) - o.scrollY;
        const double bottom = plot.top() + layout.groupBottom(gi) - o.scrollY;
        if (bottom < plot.top() || top > plot.bottom())
            continue;
        const double lanesBottom = plot.top() + layout.lanesBottom(gi) - o.scrollY;
        if (o.laneHeight < foldBelow) {
            paintMarkerLines(p, plot, g, top, lanesBottom, o);
            paintFoldedLanes(p, plot, g, top, layout, o);
        } else {
            paintLanes(p, plot, g, gi, top, layout, o);
        }
        paintMarkers(p, plot, g, top, lanesBottom, layout.callerHeight(), o);
        if (o.playhead >= 0)
            paintFuture(p, plot, top + layout.headerHeight(), lanesBottom + layout.callerHeight(), o);
        paintGroupHeader(p, plot, rect, model, gi, top, o);
    }
    if (o.playhead >= 0)
        paintPlayhead(p, rect, plot, o);
    if (o.now >= 0) {
        const double x = timeline::timeToX(o.now, o.start, o.end, plot.left(), plot.width());
        if (x >= plot.left() && x <= plot.right()) {
            p.setPen(QPen(m_theme.nowLine, 2));
            p.drawLine(QPointF(x, plot.top()), QPointF(x, plot.bottom()));
        }
    }
    p.restore();
    paintLegend(p, rect);
    p.restore();
}

void GanttPainter::paintIdeal(QPainter &p, const QRectF &plot, const GanttModel::Lane &lane, const QRectF &bar,
                              const Options &o) const
{
    // An outline over the bars, not a fill under them: where the real task began late or ran long,
    // the gap between the two is the machine's overhead, and both stay in sight.
    if (lane.idealEnd < o.start || lane.idealStart > o.end)
        return;
    const Micros start = lane.idealStart >= 0 ? lane.idealStart : lane.idealEnd;
    const double x0 = std::max(timeline::timeToX(start, o.start, o.end, plot.left(), plot.width()), plot.left() - 2);
    const double x1 = std::min(timeline::timeToX(lane.idealEnd, o.start, o.end, plot.left(), plot.width()), plot.right() + 2);
    p.save();
    // Thin lanes, named in bands, get a finer line: many thick dashes would hide the bars.
    p.setPen(QPen(m_theme.mutedText, o.laneHeight >= legibleLaneHeight() ? 2 : 1, Qt::DashLine));
    p.setBrush(Qt::NoBrush);
    p.drawRect(QRectF(x0, bar.top() + 1, std::max(x1 - x0, minBarWidth), bar.height() - 2));
    p.restore();
}

void GanttPainter::paintFuture(QPainter &p, const QRectF &plot, double top, double bottom, const Options &o) const
{
    // The future is veiled, not hidden: the class sees there is more to come, but not what. The
    // run's header stays clear: its name and numbers are no spoiler of the moment.
    const double x = std::clamp(timeline::timeToX(o.playhead, o.start, o.end, plot.left(), plot.width()), plot.left(), plot.right());
    QColor veil = m_theme.background;
    veil.setAlpha(200);
    p.fillRect(QRectF(x, top, plot.right() - x, bottom - top), veil);
}

void GanttPainter::paintPlayhead(QPainter &p, const QRect &rect, const QRectF &plot, const Options &o) const
{
    const double x = timeline::timeToX(o.playhead, o.start, o.end, plot.left(), plot.width());
    if (x < plot.left() || x > plot.right())
        return;
    p.save();
    p.setClipRect(rect);
    p.setPen(QPen(m_theme.nowLine, 3));
    p.drawLine(QPointF(x, plot.top()), QPointF(x, plot.bottom()));
    // The instant, in a box on the time axis (the track it is dragged along), on the side with room.
    const QString label = humanDuration(o.playhead);
    const QFontMetricsF fm(m_theme.boldFont);
    const double w = fm.horizontalAdvance(label) + 12;
    const double h = std::min(fm.height() + 4, plot.top() - rect.top());
    const double left = x + w <= rect.right() ? x : x - w;
    const QRectF box(left, plot.top() - h, w, h);
    p.fillRect(box, m_theme.nowLine);
    p.setFont(m_theme.boldFont);
    const QColor black(Qt::black), white(Qt::white);
    p.setPen(Theme::contrastRatio(black, m_theme.nowLine) >= Theme::contrastRatio(white, m_theme.nowLine) ? black : white);
    p.drawText(box, Qt::AlignCenter, label);
    p.restore();
}

void GanttPainter::paintAxis(QPainter &p, const QRect &rect, const QRectF &plot, const Options &o) const
{
    const QFontMetricsF fm(m_theme.font);
    const double minGap = fm.horizontalAdvance(QStringLiteral("00.00 ms")) * 1.6;
    const Micros step = timeline::tickStep(o.start, o.end, plot.width(), minGap);
    const Micros first = (std::max<Micros>(o.start, 0) / step) * step;
    p.setPen(m_theme.grid);
    p.drawLine(QPointF(plot.left(), plot.top() - 1), QPointF(rect.right(), plot.top() - 1));
    for (Micros t = first; t <= o.end; t += step) {
        const double x = timeline::timeToX(t, o.start, o.end, plot.left(), plot.width());
        if (x < plot.left() - 0.5)
            continue;
        p.setPen(m_theme.grid);
        p.drawLine(QPointF(x, plot.top() - 6), QPointF(x, rect.bottom()));
        p.setPen(m_theme.mutedText);
        const QString label = timeline::tickLabel(t, step);
        p.drawText(QRectF(x - 60, rect.top(), 120, plot.top() - rect.top() - 6), Qt::AlignHCenter | Qt::AlignBottom, label);
    }
}

void GanttPainter::paintGroupHeader(QPainter &p, const QRectF &plot, const QRect &rect, const GanttModel &model, int gi,
                                    double top, const Options &) const
{
    const GanttModel::Group &g = model.groups()[gi];
    const QRectF band(rect.left(), top, rect.width(), m_theme.headerHeight);
    p.fillRect(band, m_theme.groupHeader);
    p.setPen(m_theme.text);
    p.setFont(m_theme.boldFont);
    const QString title = g.finished ? QStringLiteral("%1 — %2").arg(g.strategy, humanDuration(g.makespan))
                                     : QStringLiteral("%1 — running…").arg(g.strategy);
    const QFontMetricsF bold(m_theme.boldFont);
    const QRectF titleRect(rect.left() + 8, top, bold.horizontalAdvance(title) + 8, m_theme.headerHeight);
    p.drawText(titleRect, Qt::AlignVCenter | Qt::AlignLeft, title);
    p.setFont(m_theme.font);

    const QRectF factsRect(titleRect.right() + 12, top, rect.right() - titleRect.right() - 16, m_theme.headerHeight);
    p.setPen(m_theme.mutedText);
    p.drawText(factsRect, Qt::AlignVCenter | Qt::AlignLeft, headerFacts(model, gi, factsRect.width()));
    Q_UNUSED(plot);
}

QString GanttPainter::headerFacts(const GanttModel &model, int group, double width) const
{
    const GanttModel::Group &g = model.groups()[group];
    // The lesson in one line: the work, the longest task, and how this run compares to the first.
    // Where the line is too short, whole facts give way, the least telling first (the statistics
    // show them all): a number is never cut in half.
    struct Fact
    {
        QString text;
        int keep; // the higher, the longer it stays
    };
    QList<Fact> facts;
    // The class's guess first: the dotted line across the lanes is this number.
    if (g.guess >= 0)
        facts.append({tr("guessed %1 (dotted line)").arg(humanDuration(g.guess)), 4});
    facts.append({tr("work %1").arg(humanDuration(g.stats.sum)), 1});
    facts.append({tr("longest task %1").arg(humanDuration(g.stats.longestTask)), 0});
    if (g.finished) {
        facts.append({tr("%L1 at most at once").arg(g.stats.maxConcurrency), 2});
    } else {
        // While it runs: the attempts open at this moment, not a maximum of what has been recorded.
        const auto runningNow = std::count_if(g.spans.begin(), g.spans.end(), [](const GanttModel::Span &span) {
            return span.type == GanttModel::SpanType::Running && span.end < 0;
        });
        facts.append({tr("%1 running now").arg(runningNow), 2});
    }
    const GanttModel::Group &first = model.groups().first();
    const QString versus = group > 0 && g.finished && first.finished ? runComparison(first.stats, g.stats) : QString();
    if (isSpeedComparison(versus))
        facts.append({tr("%1 than %2").arg(versus, first.strategy), 3});
    else if (!versus.isEmpty())
        facts.append({versus, 3});
    const QFontMetricsF fm(m_theme.font);
    const QString separator = QStringLiteral("  ·  ");
    auto line = [&] {
        QStringList texts;
        for (const Fact &f : facts)
            texts << f.text;
        return texts.join(separator);
    };
    while (!facts.isEmpty() && fm.horizontalAdvance(line()) > width) {
        const auto least = std::min_element(facts.begin(), facts.end(), [](const Fact &a, const Fact &b) { return a.keep < b.keep; });
        if (least->text != versus && !versus.isEmpty() && facts.size() == 1) {
            // The comparison alone, still too long: "5.00× faster" without naming the first run.
            least->text = versus;
            continue;
        }
        facts.erase(least);
    }
    return line();
}

void GanttPainter::paintLanes(QPainter &p, const QRectF &plot, const GanttModel::Group &g, int gi, double top,
                              const TimelineLayout &layout, const Options &o) const
{
    const double lh = o.laneHeight;
    const double lanesTop = top + layout.headerHeight();
    const int firstLane = std::max(0, static_cast<int>(std::floor((plot.top() - lanesTop) / lh)));
    const int lastLane = std::min(static_cast<int>(g.lanes.size()) - 1, static_cast<int>(std::ceil((plot.bottom() - lanesTop) / lh)));
    // Text never shrinks with its lanes: a lane too thin for its name is named with its neighbours.
    const bool labels = lh >= legibleLaneHeight();
    p.setFont(m_theme.font);
    const double barInset = std::max(1.0, lh * 0.18);
    const double labelLeft = plot.left() - m_theme.labelWidth;
    const Micros openEnd = o.now >= 0 ? o.now : o.end;

    // The stripes and the selection first, then the caller's lines over them, then the bars: a bar
    // that ends where a line is drawn stays in sight.
    for (int li = firstLane; li <= lastLane; ++li) {
        const double y = lanesTop + li * lh;
        if (li % 2 == 1)
            p.fillRect(QRectF(labelLeft, y, plot.right() - labelLeft, lh), m_theme.laneStripe);
        if (gi == o.selectedGroup && g.lanes[li].task == o.selectedLane)
            p.fillRect(QRectF(labelLeft, y, plot.right() - labelLeft + 200, lh), m_theme.selection);
    }
    paintMarkerLines(p, plot, g, top, lanesTop + lh * static_cast<double>(g.lanes.size()), o);
    p.setFont(m_theme.font);
    for (int li = firstLane; li <= lastLane; ++li) {
        const GanttModel::Lane &lane = g.lanes[li];
        const double y = lanesTop + li * lh;
        const QRectF bar(0, y + barInset, 0, lh - 2 * barInset);
        for (int si = lane.firstSpan; si < lane.firstSpan + lane.spanCount; ++si) {
            const GanttModel::Span &s = g.spans[si];
            const Micros end = s.end >= 0 ? s.end : openEnd;
            if (end < o.start || s.start > o.end)
                continue;
            if (s.type == GanttModel::SpanType::Phase && s.end >= 0 && s.end <= s.start)
                continue; // a wait of no time (a free thread at once) is no wait, as the legend says
            double x0 = timeline::timeToX(s.start, o.start, o.end, plot.left(), plot.width());
            double x1 = timeline::timeToX(end, o.start, o.end, plot.left(), plot.width());
            x0 = std::max(x0, plot.left() - 2);
            x1 = std::min(x1, plot.right() + 2);
            if (x1 - x0 < minBarWidth)
                x1 = x0 + minBarWidth; // a span of no width still shows; the tooltip has its exact times
            const QRectF r(x0, bar.top(), x1 - x0, bar.height());
            if (s.type == GanttModel::SpanType::Running) {
                // An attempt: solid, in the colour of how it ended.
                p.fillRect(r, attemptColor(m_theme, s.outcome));
            } else {
                // A wait: hatched, so it never depends on colour alone, and drawn on the background so
                // a wait inside a running attempt does not look like running.
                QColor c = m_theme.phaseColor(s.phase);
                QColor soft = c;
                soft.setAlpha(60);
                if (m_theme.phasePattern(s.phase) != Qt::SolidPattern)
                    p.fillRect(r, m_theme.background);
                p.fillRect(r, soft);
                p.fillRect(r, QBrush(c, m_theme.phasePattern(s.phase)));
            }
        }
        if (o.showIdeal && lane.idealEnd >= 0)
            paintIdeal(p, plot, lane, bar, o);
        if (labels) {
            p.setPen(m_theme.text);
            p.drawText(QRectF(labelLeft + 8, y, m_theme.labelWidth - 14, lh), Qt::AlignVCenter | Qt::AlignLeft,
                       QFontMetricsF(m_theme.font).elidedText(lane.name, Qt::ElideMiddle, m_theme.labelWidth - 14));
            if (lane.end >= 0 && lane.end >= o.start && lane.end <= o.end) {
                const double x = timeline::timeToX(lane.end, o.start, o.end, plot.left(), plot.width());
                p.setPen(m_theme.outcomeTextColor(lane.outcome));
                QString mark = outcomeSymbol(lane.outcome);
                if (lane.attempts > 1)
                    mark += QLatin1Char(' ') + tr("%1 attempts").arg(lane.attempts);
                if (lane.guessedPlace > 0 && lane.place > 0)
                    mark += QLatin1Char(' ') + tr("#%1").arg(lane.place);
                const QFontMetricsF fm(m_theme.font);
                p.drawText(QRectF(x + 4, y, fm.horizontalAdvance(mark) + 4, lh), Qt::AlignVCenter | Qt::AlignLeft, mark);
                if (lane.guessedPlace > 0) {
                    // The guess beside the truth, in the guesses' colour.
                    const QString guess = lane.placeGuessedRight ? tr("as guessed") : tr("guessed #%1").arg(lane.guessedPlace);
                    p.setPen(m_theme.guessText);
                    p.drawText(QRectF(x + 10 + fm.horizontalAdvance(mark), y, fm.horizontalAdvance(guess) + 4, lh),
                               Qt::AlignVCenter | Qt::AlignLeft, guess);
                }
            }
        }
    }
    if (!labels)
        paintBandLabels(p, plot, g, lanesTop, firstLane, lastLane, o);
}

double GanttPainter::legibleLaneHeight() const
{
    // Room for the letters above the baseline and a little air: a descender may touch the stripe
    // below, which costs nothing in reading, while text never gets smaller than the theme's.
    return std::ceil(QFontMetricsF(m_theme.font).ascent()) + 2;
}

void GanttPainter::paintBandLabels(QPainter &p, const QRectF &plot, const GanttModel::Group &g, double lanesTop, int firstLane,
                                   int lastLane, const Options &o) const
{
    // Bands of as many lanes as one line of text needs, each named once ("request#1–4") at the
    // theme's size, with how its tasks ended at the end of its last one. Clicking a band opens it.
    const double lh = o.laneHeight;
    const int perBand = bandSize(lh);
    const QFontMetricsF fm(m_theme.font);
    const double labelLeft = plot.left() - m_theme.labelWidth;
    // Whole bands only: the lanes left over join the last band rather than make one too thin to name.
    const int lanes = static_cast<int>(g.lanes.size());
    const int bands = std::max(1, lanes / perBand);
    for (int band = std::min(firstLane / perBand, bands - 1); band < bands && band * perBand <= lastLane; ++band) {
        const int from = band * perBand;
        const int to = band == bands - 1 ? lanes : from + perBand; // one past the last
        const double y = lanesTop + from * lh;
        const double h = (to - from) * lh;
        if (band > 0) {
            p.setPen(m_theme.grid);
            p.drawLine(QPointF(labelLeft, y), QPointF(plot.right(), y));
        }
        p.setPen(m_theme.text);
        const QString name = laneRangeName(g.lanes[from].name, g.lanes[to - 1].name);
        p.drawText(QRectF(labelLeft + 8, y, m_theme.labelWidth - 14, h), Qt::AlignVCenter | Qt::AlignLeft,
                   fm.elidedText(name, Qt::ElideMiddle, m_theme.labelWidth - 14));
        // How they ended, counted by outcome, after the band's last end.
        Micros end = -1;
        std::array<int, 5> outcomes{};
        for (int li = from; li < to; ++li) {
            end = std::max(end, g.lanes[li].end);
            if (g.lanes[li].end >= 0)
                ++outcomes[static_cast<std::size_t>(g.lanes[li].outcome)];
        }
        if (end < o.start || end > o.end)
            continue;
        double x = timeline::timeToX(end, o.start, o.end, plot.left(), plot.width()) + 4;
        for (Outcome outcome : {Outcome::Ok, Outcome::Failed, Outcome::Timeout, Outcome::Cancelled}) {
            const int count = outcomes[static_cast<std::size_t>(outcome)];
            if (count == 0)
                continue;
            const QString mark = count == to - from && outcome == Outcome::Ok ? outcomeSymbol(outcome)
                                                                               : QStringLiteral("%1%2").arg(outcomeSymbol(outcome)).arg(count);
            p.setPen(m_theme.outcomeTextColor(outcome));
            p.drawText(QRectF(x, y, fm.horizontalAdvance(mark) + 4, h), Qt::AlignVCenter | Qt::AlignLeft, mark);
            x += fm.horizontalAdvance(mark) + 8;
        }
    }
}

int GanttPainter::bandSize(double laneHeight) const
{
    return std::max(1, static_cast<int>(std::ceil(legibleLaneHeight() / std::max(laneHeight, TimelineLayout::thinnestLane))));
}

void GanttPainter::paintFoldedLanes(QPainter &p, const QRectF &plot, const GanttModel::Group &g, double top,
                                    const TimelineLayout &layout, const Options &o) const
{
    // Many lanes per pixel row: the model's folded counts for each row, each pixel shaded by its
    // share of the row's busiest pixel, and the finished picture handed to the painter once.
    const double lanesTop = top + layout.headerHeight();
    const double lh = o.laneHeight;
    const int width = std::max(1, static_cast<int>(std::ceil(plot.width())));
    const int rowsTop = std::max(static_cast<int>(std::floor(lanesTop)), static_cast<int>(plot.top()));
    const int rowsBottom = std::min(static_cast<int>(std::ceil(lanesTop + lh * static_cast<double>(g.lanes.size()))),
                                    static_cast<int>(plot.bottom()));
    if (rowsBottom <= rowsTop)
        return;
    const Micros openEnd = o.now >= 0 ? o.now : o.end;
    QImage folded(width, rowsBottom - rowsTop, QImage::Format_ARGB32_Premultiplied);
    folded.fill(Qt::transparent);
    const QColor run = m_theme.running;
    const QColor wait = m_theme.phaseColor(PhaseKind::WaitSemaphore);
    // Every shade a pixel can take, premultiplied once: the per-pixel loop only looks them up.
    std::array<QRgb, 256> runShades{};
    std::array<QRgb, 256> waitShades{};
    for (int a = 0; a < 256; ++a) {
        runShades[static_cast<std::size_t>(a)] = qPremultiply(qRgba(run.red(), run.green(), run.blue(), a));
        waitShades[static_cast<std::size_t>(a)] = qPremultiply(qRgba(wait.red(), wait.green(), wait.blue(), a));
    }
    FoldedRow counts;
    for (int row = rowsTop; row < rowsBottom; ++row) {
        const int laneFrom = std::max(0, static_cast<int>(std::floor((row - lanesTop) / lh)));
        const int laneTo = std::min(static_cast<int>(g.lanes.size()), static_cast<int>(std::ceil((row + 1 - lanesTop) / lh)));
        if (laneFrom >= laneTo)
            continue;
        counts.fold(g, laneFrom, laneTo, o.start, o.end, openEnd, width);
        // 90 + 165 * count / peak, by a multiplication instead of a division for each of two
        // million pixels. Exact: a count/peak that is no whole number is at least 1/peak (a
        // millionth) short of the next, far more than the rounding the small addend covers.
        const double scale = 165.0 / counts.peak();
        // Plain pointers: the compiler need not reload the counts after every pixel it writes.
        const int *columns = counts.columns();
        auto *line = reinterpret_cast<QRgb *>(folded.scanLine(row - rowsTop));
        for (int x = 0; x < width; ++x) {
            const int rc = columns[2 * x];
            const int wc = columns[2 * x + 1];
            if (rc > 0)
                line[x] = runShades[static_cast<std::size_t>(90 + static_cast<int>(rc * scale + 1e-9))];
            else if (wc > 0)
                line[x] = waitShades[static_cast<std::size_t>(90 + static_cast<int>(wc * scale + 1e-9))];
        }
    }
    p.drawImage(QPointF(plot.left(), rowsTop), folded);
    // Say how many tasks the folded rows stand for.
    p.setPen(m_theme.mutedText);
    p.drawText(QRectF(plot.left() - m_theme.labelWidth + 8, lanesTop, m_theme.labelWidth - 14,
                      std::max(20.0, lh * static_cast<double>(g.lanes.size()))),
               Qt::AlignTop | Qt::AlignLeft, tr("%Ln tasks", nullptr, static_cast<int>(g.lanes.size())));
}

void GanttPainter::paintMarkerLines(QPainter &p, const QRectF &plot, const GanttModel::Group &g, double top, double bottom,
                                    const Options &o) const
{
    // Under the bars: where the caller resumed, the run ended and the deadline fell. A bar that
    // ends at the same moment stays in sight on top of its line.
    const double lanesTop = top + m_theme.headerHeight;
    auto xOf = [&](Micros t) { return timeline::timeToX(t, o.start, o.end, plot.left(), plot.width()); };
    if (g.finished) {
        const double x = xOf(g.makespan);
        p.setPen(QPen(m_theme.text, 1, Qt::DashLine));
        p.drawLine(QPointF(x, lanesTop), QPointF(x, bottom));
    }
    if (g.deadline >= 0) {
        const double x = xOf(g.deadline);
        p.setPen(QPen(m_theme.deadline, 2, Qt::DashDotLine));
        p.drawLine(QPointF(x, lanesTop), QPointF(x, bottom));
    }
    if (g.guess >= 0) {
        const double x = xOf(g.guess);
        p.setPen(QPen(m_theme.guess, 3, Qt::DotLine));
        p.drawLine(QPointF(x, lanesTop), QPointF(x, bottom));
    }
    for (const Marker &m : g.markers) {
        if (m.kind == MarkerKind::Consumed)
            continue;
        const double x = xOf(m.time);
        if (x < plot.left() - 1 || x > plot.right() + 1)
            continue;
        p.setPen(QPen(m.kind == MarkerKind::CallerResumed ? m_theme.marker : m_theme.deadline, 2));
        p.drawLine(QPointF(x, lanesTop), QPointF(x, bottom + 2));
    }
}

void GanttPainter::paintMarkers(QPainter &p, const QRectF &plot, const GanttModel::Group &g, double top, double lanesBottom,
                                double callerRow, const Options &o) const
{
    // `lanesBottom` is the end of the lanes: the caller's row lies below it, its own steps (when a
    // run has any) on a line at its top, its marks under them.
    const double lanesTop = top + m_theme.headerHeight;
    const double caller = m_theme.callerHeight;
    const double stepsHeight = callerRow - caller;
    const double bottom = lanesBottom + stepsHeight;
    p.setPen(m_theme.mutedText);
    p.drawText(QRectF(plot.left() - m_theme.labelWidth + 8, lanesBottom, m_theme.labelWidth - 14, callerRow),
               Qt::AlignVCenter | Qt::AlignLeft, tr("caller"));
    const QFontMetricsF fm(m_theme.font);
    auto xOf = [&](Micros t) { return timeline::timeToX(t, o.start, o.end, plot.left(), plot.width()); };
    if (g.deadline >= 0) {
        p.setPen(m_theme.deadlineText);
        p.drawText(QRectF(xOf(g.deadline) + 4, lanesTop, 200, fm.height()), Qt::AlignLeft | Qt::AlignTop, tr("deadline"));
    }

    // The caller's own steps and pauses, above its marks: solid red while it holds the loop (as a
    // task's bar is), hatched while it awaits, named where the name fits.
    for (qsizetype i = 0; i < g.callerSpans.size(); ++i) {
        const CallerSpan &c = g.callerSpans[i];
        const double x0 = std::max(xOf(c.start), plot.left() - 2);
        const double x1 = std::min(xOf(c.end >= 0 ? c.end : g.makespan), plot.right() + 2);
        if (x1 < plot.left() || x0 > plot.right())
            continue;
        const QRectF r(x0, lanesBottom + 3, std::max(minBarWidth, x1 - x0), stepsHeight - 6);
        const double textWidth = fm.horizontalAdvance(c.label);
        const bool inside = r.width() >= textWidth + 12;
        // Too narrow for its name: the name goes after the bar, when the next step leaves room.
        const double nextStart = i + 1 < g.callerSpans.size() ? xOf(g.callerSpans[i + 1].start) : plot.right() + 60;
        const bool after = !inside && nextStart - r.right() >= textWidth + 12;
        const QColor holding = m_theme.phaseColor(PhaseKind::HoldsLoop);
        if (c.holdsLoop) {
            p.fillRect(r, holding);
        } else {
            p.fillRect(r, m_theme.background);
            p.fillRect(r, QBrush(m_theme.mutedText, Qt::BDiagPattern));
        }
        if (inside && c.holdsLoop) {
            // The name in whichever of the theme's two text colours reads better on the bar.
            p.setPen(Theme::contrastRatio(m_theme.background, holding) >= Theme::contrastRatio(m_theme.text, holding) ? m_theme.background
                                                                                                                   : m_theme.text);
            p.drawText(r.adjusted(6, 0, 0, 0), Qt::AlignLeft | Qt::AlignVCenter, c.label);
        } else if (inside || after) {
            const QRectF patch(inside ? r.left() + 3 : r.right() + 4, r.top() + 1, textWidth + 6, r.height() - 2);
            p.fillRect(patch, m_theme.background);
            p.setPen(m_theme.text);
            p.drawText(patch.adjusted(3, 0, 0, 0), Qt::AlignLeft | Qt::AlignVCenter, c.label);
        }
    }
    // as_completed: the rank at which the caller took each result, on the task's own lane.
    if (o.laneHeight >= legibleLaneHeight()) {
        for (const Marker &m : g.markers) {
            const double x = xOf(m.time);
            if (m.kind != MarkerKind::Consumed || m.task < 0 || m.task >= g.lanes.size() || x < plot.left() - 1 || x > plot.right() + 1)
                continue;
            const double y = lanesTop + m.task * o.laneHeight;
            const QString rank = QStringLiteral("#%1").arg(m.rank);
            const double w = fm.horizontalAdvance(rank) + 8;
            const QRectF badge(x + 22, y + 1, w, o.laneHeight - 2);
            p.setPen(Qt::NoPen);
            p.setBrush(m_theme.marker);
            p.drawRoundedRect(badge, 4, 4);
            p.setPen(m_theme.background);
            p.drawText(badge, Qt::AlignCenter, rank);
        }
    }
    // The caller's row: every triangle first, then the labels that fit, each on a patch of the
    // background, so that no triangle or label is drawn over another label.
    struct Label
    {
        QRectF rect;
        QString text;
        QColor colour;
    };
    QList<Label> labels;
    double labelEnd = -1e9;
    for (const Marker &m : g.markers) {
        if (m.kind == MarkerKind::Consumed)
            continue;
        const double x = xOf(m.time);
        if (x < plot.left() - 1 || x > plot.right() + 1)
            continue;
        const QColor c = m.kind == MarkerKind::CallerResumed ? m_theme.marker : m_theme.deadline;
        QPainterPath triangle;
        triangle.moveTo(x, bottom + 2);
        triangle.lineTo(x - 7, bottom + caller * 0.6);
        triangle.lineTo(x + 7, bottom + caller * 0.6);
        triangle.closeSubpath();
        p.fillPath(triangle, c);
        const double labelWidth = fm.horizontalAdvance(m.label);
        const bool fitsRight = x + 10 + labelWidth <= plot.right() + 60;
        // On the left of its mark when the right has no room, but never out into the names' column.
        const double labelLeft = fitsRight ? x + 10 : std::max(plot.left() + 2, x - 10 - labelWidth);
        // A label that would run into the one before is left out; its triangle stays, and the
        // tooltip and the log name it. The last one always shows (it is where the run ended),
        // taking the place of the one before if need be.
        const Label label{QRectF(labelLeft - 2, bottom + caller * 0.6 - fm.height() * 0.55, labelWidth + 6, fm.height() * 1.1), m.label,
                          m.kind == MarkerKind::CallerResumed ? m_theme.markerText : m_theme.deadlineText};
        const bool last = &m == &g.markers.last();
        if (labelLeft > labelEnd) {
            labels.append(label);
            labelEnd = labelLeft + labelWidth + 12;
        } else if (last) {
            while (!labels.isEmpty() && labels.last().rect.right() + 8 > label.rect.left())
                labels.removeLast();
            labels.append(label);
        }
    }
    // Labels also step aside from the triangles drawn after them.
    for (const Label &label : labels) {
        p.fillRect(label.rect, m_theme.background);
        p.setPen(label.colour);
        p.drawText(label.rect.adjusted(2, 0, 0, 0), Qt::AlignLeft | Qt::AlignVCenter, label.text);
    }
}

} // namespace concviz
