#include "terminalgantt.h"

#include "../trace/safetext.h"
#include "../trace/timeformat.h"
#include "ganttmodel.h"
#include "insights.h"
#include "speedcomparison.h"
#include "timeaxis.h"

#include <algorithm>
#include <cmath>
#include <vector>

namespace concviz {

namespace {

const QChar running(0x2588);  // █
const QChar waiting(0x2591);  // ░
const QChar backoff(0x00B7);  // ·
const QChar network(0x2592);  // ▒
const QChar turns(0x259A);    // ▚ computing and waiting for the GIL or a core by turns
const QChar empty(QLatin1Char(' '));

QString outcomeMark(Outcome o)
{
    return o == Outcome::Pending ? QStringLiteral("… running") : outcomeSymbol(o) + QLatin1Char(' ') + outcomeName(o);
}

// Maps times onto character cells of the axis.
class Axis
{
public:
    Axis(Micros end, int width)
        : m_end(std::max<Micros>(end, 1))
        , m_width(width)
    {
    }
    int cell(Micros t) const { return static_cast<int>(std::floor(static_cast<double>(t) * m_width / static_cast<double>(m_end))); }
    // Fills cells [start, end) with c; a non-empty interval always shows at least one cell.
    void fill(QString &row, Micros start, Micros end, QChar c) const
    {
        if (end <= start)
            return;
        int a = std::clamp(cell(start), 0, m_width - 1);
        int b = std::clamp(static_cast<int>(std::ceil(static_cast<double>(end) * m_width / static_cast<double>(m_end))), a + 1, m_width);
        for (int i = a; i < b; ++i)
            row[i] = c;
    }
    // Adds to each cell the time [start, end) covers of it.
    void cover(std::vector<Micros> &covered, Micros start, Micros end) const
    {
        for (int i = std::clamp(cell(start), 0, m_width - 1); i < m_width; ++i) {
            const Micros from = cellStart(i);
            if (from >= end)
                break;
            covered[static_cast<std::size_t>(i)] += std::max<Micros>(0, std::min(end, cellStart(i + 1)) - std::max(start, from));
        }
    }
    Micros cellStart(int i) const { return static_cast<Micros>(static_cast<double>(i) * static_cast<double>(m_end) / m_width); }
    QString ticks(int labelWidth) const
    {
        // The window's 1-2-5 steps, with at most one label per 10 cells.
        const Micros step = gantt::tickStep(0, m_end, m_width, 10);
        QString labels(m_width + 12, empty);
        QString rule(m_width, QChar(0x2500)); // ─
        for (Micros t = 0; t <= m_end; t += step) {
            const int c = std::min(cell(t), m_width - 1);
            const QString text = gantt::tickLabel(t, step);
            if (c + text.size() <= labels.size() && (c == 0 || labels[c - 1] == empty))
                labels.replace(c, text.size(), text);
            rule[c] = QChar(0x253C); // ┼
        }
        rule[0] = QChar(0x251C); // ├
        while (labels.endsWith(empty))
            labels.chop(1);
        const QString pad(labelWidth, empty);
        return pad + labels + QLatin1Char('\n') + pad + rule + QLatin1Char('\n');
    }

private:
    Micros m_end;
    int m_width;
};

// One lane's row: the model's spans in their paint order, waits before and between attempts, the
// attempts, then what happens inside an attempt on top of it.
QString lane(const GanttModel::Group &g, const GanttModel::Lane &l, const Axis &axis, int width, Micros end)
{
    QString row(width, empty);
    // Turns for the GIL alternate every few milliseconds, faster than a cell: each cell says how
    // much of it was spent waiting, instead of one turn painting it all.
    std::vector<Micros> turnWaits(static_cast<std::size_t>(width), 0);
    for (int i = l.firstSpan; i < l.firstSpan + l.spanCount; ++i) {
        const GanttModel::Span &s = g.spans[i];
        QChar c = running;
        if (s.type == GanttModel::SpanType::Phase && !GanttModel::isInsideAttempt(s.phase))
            c = s.phase == PhaseKind::Backoff ? backoff : waiting;
        else if (s.type == GanttModel::SpanType::Phase && s.phase == PhaseKind::HoldsLoop)
            c = running;
        else if (s.type == GanttModel::SpanType::Phase)
            c = isWaitInsideBody(s.phase) ? waiting : network;
        if (s.type == GanttModel::SpanType::Phase && (s.phase == PhaseKind::WaitGil || s.phase == PhaseKind::WaitCore))
            axis.cover(turnWaits, s.start, s.end >= 0 ? s.end : end);
        else
            axis.fill(row, s.start, s.end >= 0 ? s.end : end, c);
    }
    for (int i = 0; i < width; ++i) {
        const Micros waited = turnWaits[static_cast<std::size_t>(i)];
        const double share = static_cast<double>(waited) / std::max<Micros>(1, axis.cellStart(i + 1) - axis.cellStart(i));
        if (share >= 0.85)
            row[i] = waiting;
        else if (share > 0.15)
            row[i] = turns;
    }
    return row;
}

QString sparkline(const Statistics &s, const Axis &axis, int width, Micros end)
{
    static const QString levels = QStringLiteral(" ▁▂▃▄▅▆▇█");
    if (s.maxConcurrency == 0)
        return QString(width, empty);
    QList<int> peak(width, 0);
    for (qsizetype i = 0; i < s.profile.size(); ++i) {
        const Micros from = s.profile[i].time;
        const Micros to = i + 1 < s.profile.size() ? s.profile[i + 1].time : end;
        if (to <= from || s.profile[i].running == 0)
            continue;
        const int a = std::clamp(axis.cell(from), 0, width - 1);
        const int b = std::clamp(axis.cell(to - 1), a, width - 1);
        for (int c = a; c <= b; ++c)
            peak[c] = std::max(peak[c], s.profile[i].running);
    }
    QString row(width, empty);
    for (int c = 0; c < width; ++c)
        if (peak[c] > 0)
            row[c] = levels[std::clamp((peak[c] * 8 + s.maxConcurrency - 1) / s.maxConcurrency, 1, 8)];
    return row;
}

QString padded(const QString &s, int width)
{
    if (s.size() > width)
        return s.left(width - 1) + QChar(0x2026);
    return s.leftJustified(width, empty);
}

QString statsLine(const Statistics &s)
{
    QString line = QStringLiteral("makespan %1 · work %2 · speedup %3 · max %4 running")
                       .arg(humanDuration(s.makespan), humanDuration(s.sum), speedupText(s))
                       .arg(s.maxConcurrency);
    QStringList counts;
    if (s.ok)
        counts << QStringLiteral("%1 ok").arg(s.ok);
    if (s.failed)
        counts << QStringLiteral("%1 failed").arg(s.failed);
    if (s.timeout)
        counts << QStringLiteral("%1 timed out").arg(s.timeout);
    if (s.cancelled)
        counts << QStringLiteral("%1 cancelled").arg(s.cancelled);
    if (!counts.isEmpty())
        line += QStringLiteral(" · ") + counts.join(QStringLiteral(", "));
    if (s.meanWait >= 1000) // below a millisecond it is the loop's own jitter, not a wait worth reading
        line += QStringLiteral(" · mean wait %1, p95 %2").arg(humanDuration(s.meanWait), humanDuration(s.p95Wait));
    return line;
}

int labelWidth(const GanttModel::Group &g, int maxLanes)
{
    int w = 7; // "running"
    for (int i = 0; i < g.lanes.size() && i < maxLanes; ++i)
        w = std::max(w, static_cast<int>(escapeControls(g.lanes[i].name).size()));
    return std::min(w, 18) + 2;
}

QString chart(const GanttModel::Group &g, const TerminalGantt::Options &o, const Axis &axis, int labels)
{
    const Micros end = g.makespan;
    QString out;
    const int shown = static_cast<int>(std::min<qsizetype>(g.lanes.size(), o.maxLanes));
    for (int i = 0; i < shown; ++i) {
        const GanttModel::Lane &l = g.lanes[i];
        QString tail = QStringLiteral(" %1 %2").arg(humanDuration(l.runTime), outcomeMark(l.outcome));
        if (!l.error.isEmpty() && l.outcome != Outcome::Ok)
            tail += QStringLiteral(": ") + escapeControls(l.error);
        if (l.attempts > 1)
            tail += QStringLiteral(" (%1 attempts)").arg(l.attempts);
        out += padded(escapeControls(l.name), labels) + lane(g, l, axis, o.width, end) + tail + QLatin1Char('\n');
    }
    if (g.lanes.size() > shown)
        out += padded(QString(), labels)
            + QStringLiteral("… %1 more tasks not drawn (--lanes N shows more)\n").arg(g.lanes.size() - shown);
    if (!g.callerSpans.isEmpty()) {
        // The caller's own steps: █ while it holds the loop, ░ while it awaits.
        QString row(o.width, empty);
        // Named once each, in order: "prepare 300 ms, main work 500 ms", or "pause 500 ms ×19".
        struct Named
        {
            QString label;
            Micros length;
            int count;
        };
        QList<Named> named;
        for (const CallerSpan &c : g.callerSpans) {
            const Micros spanEnd = c.end >= 0 ? c.end : end;
            axis.fill(row, c.start, spanEnd, c.holdsLoop ? running : waiting);
            const QString label = escapeControls(c.label);
            const auto same = std::find_if(named.begin(), named.end(), [&](const Named &n) { return n.label == label; });
            if (same != named.end())
                ++same->count;
            else
                named.append({label, spanEnd - c.start, 1});
        }
        QStringList steps;
        for (const Named &n : named)
            steps << (n.count > 1 ? QStringLiteral("%1 ×%2").arg(n.label).arg(n.count)
                                  : QStringLiteral("%1 %2").arg(n.label, humanDuration(n.length)));
        if (steps.size() > 6)
            steps = steps.mid(0, 6) << QStringLiteral("…");
        out += padded(QStringLiteral("caller"), labels) + row + QLatin1Char(' ') + steps.join(QStringLiteral(", ")) + QLatin1Char('\n');
    }
    out += padded(QStringLiteral("running"), labels) + sparkline(g.stats, axis, o.width, end)
        + QStringLiteral(" max %1\n").arg(g.stats.maxConcurrency);
    return out;
}

QString markerLines(const GanttModel::Group &g)
{
    QString out;
    QStringList order;
    int listed = 0;
    for (const Marker &m : g.markers) {
        if (m.kind == MarkerKind::Consumed) {
            if (m.task >= 0 && m.task < g.lanes.size())
                order << escapeControls(g.lanes[m.task].name);
            continue;
        }
        if (++listed > 12)
            continue;
        out += QStringLiteral("  ▲ %1  %2\n").arg(humanDuration(m.time), escapeControls(m.label));
    }
    if (listed > 12)
        out += QStringLiteral("  … %1 more markers\n").arg(listed - 12);
    if (!order.isEmpty()) {
        if (order.size() > 20)
            order = order.mid(0, 20) << QStringLiteral("…");
        out += QStringLiteral("  as_completed order: %1\n").arg(order.join(QStringLiteral(", ")));
    }
    return out;
}

} // namespace

namespace {

// What the run's insights say, a line each, under its chart.
QString insightLines(const Trace &trace)
{
    QString out;
    for (const Insight &i : insightsOf(trace))
        out += QStringLiteral("  • %1\n").arg(escapeControls(i.text));
    return out;
}

} // namespace

QString TerminalGantt::legend()
{
    return QStringLiteral("█ running  ░ waiting  ▚ by turns  ▒ network  · backoff   ✓ ok  ✗ failed  ◴ timeout  ⊘ cancelled\n");
}

QString TerminalGantt::render(const Trace &trace, const Options &o)
{
    GanttModel model;
    model.setTraces({trace});
    const GanttModel::Group &g = model.groups().first();
    const Axis axis(o.axisEnd > 0 ? o.axisEnd : g.makespan, o.width);
    const int labels = labelWidth(g, o.maxLanes);
    QString out = QStringLiteral("%1 · %2 · %3 clock\n").arg(escapeControls(g.scenario), g.strategy, clockKindName(g.clock));
    out += axis.ticks(labels);
    out += chart(g, o, axis, labels);
    out += statsLine(g.stats) + QLatin1Char('\n');
    out += markerLines(g);
    out += insightLines(trace);
    return out;
}

QString TerminalGantt::renderComparison(const QList<Trace> &traces, const Options &o)
{
    if (traces.isEmpty())
        return {};
    GanttModel model;
    model.setTraces(traces);
    const QList<GanttModel::Group> &groups = model.groups();
    const GanttModel::Group &first = groups.first();
    int nameWidth = 8;
    for (const GanttModel::Group &g : groups)
        nameWidth = std::max(nameWidth, static_cast<int>(g.strategy.size()));
    QString out = QStringLiteral("%1 · %2 clock\n\n").arg(escapeControls(first.scenario), clockKindName(first.clock));
    out += padded(QStringLiteral("strategy"), nameWidth + 2) + QStringLiteral("makespan     speedup  vs %1\n").arg(first.strategy);
    for (const GanttModel::Group &g : groups) {
        const QString versus = &g != &first ? runComparison(first.stats, g.stats) : QString();
        out += padded(g.strategy, nameWidth + 2) + padded(humanDuration(g.makespan), 13)
            + padded(speedupText(g.stats), 9) + versus + QLatin1Char('\n');
    }
    out += QLatin1Char('\n');
    // One axis for every chart: the longest run fills the width.
    const Axis axis(std::max<Micros>(model.latest(), 1), o.width);
    for (qsizetype gi = 0; gi < groups.size(); ++gi) {
        const GanttModel::Group &g = groups[gi];
        const int labels = labelWidth(g, o.maxLanes);
        out += QStringLiteral("── %1 — %2\n").arg(g.strategy, humanDuration(g.makespan));
        out += axis.ticks(labels);
        out += chart(g, o, axis, labels);
        out += statsLine(g.stats) + QLatin1Char('\n');
        out += markerLines(g) + insightLines(traces[gi]) + QLatin1Char('\n');
    }
    out += legend();
    return out;
}

} // namespace concviz
