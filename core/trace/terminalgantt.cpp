#include "terminalgantt.h"

#include "statistics.h"
#include "timeformat.h"

#include <algorithm>
#include <cmath>

namespace concviz {

namespace {

const QChar running(0x2588);  // █
const QChar waiting(0x2591);  // ░
const QChar backoff(0x00B7);  // ·
const QChar network(0x2592);  // ▒
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
    QString ticks(int labelWidth) const
    {
        // 1, 2 or 5 times a power of ten, with at most one label per 10 cells.
        const double maxTicks = std::max(1, m_width / 10);
        const double raw = static_cast<double>(m_end) / maxTicks;
        const double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
        double step = magnitude;
        for (double m : {1.0, 2.0, 5.0, 10.0}) {
            step = m * magnitude;
            if (step >= raw)
                break;
        }
        QString labels(m_width + 12, empty);
        QString rule(m_width, QChar(0x2500)); // ─
        for (double t = 0; t <= static_cast<double>(m_end) + 0.5; t += step) {
            const int c = std::min(cell(static_cast<Micros>(t)), m_width - 1);
            const QString text = tickLabel(static_cast<Micros>(t), step);
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
    QString tickLabel(Micros t, double) const
    {
        if (m_end >= 1000000)
            return QStringLiteral("%1s").arg(static_cast<double>(t) / 1e6);
        return QStringLiteral("%1ms").arg(static_cast<double>(t) / 1e3);
    }
    Micros m_end;
    int m_width;
};

QString lane(const TaskTrace &t, const Axis &axis, int width, Micros end)
{
    QString row(width, empty);
    for (const PhaseSpan &p : t.phases)
        axis.fill(row, p.start, p.end >= 0 ? p.end : end, p.kind == PhaseKind::Backoff ? backoff : waiting);
    for (const AttemptSpan &a : t.attempts)
        axis.fill(row, a.start, a.end >= 0 ? a.end : end, running);
    // Waits inside an attempt (an executor thread, a connection) show through the body.
    for (const PhaseSpan &p : t.phases) {
        const bool inside = std::any_of(t.attempts.begin(), t.attempts.end(),
                                        [&](const AttemptSpan &a) { return p.start >= a.start && (a.end < 0 || p.start < a.end); });
        if (inside && p.kind != PhaseKind::Backoff)
            axis.fill(row, p.start, p.end >= 0 ? p.end : end, isWaitInsideBody(p.kind) ? waiting : network);
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
    QString line = QStringLiteral("makespan %1 · work %2 · speedup %3× · max %4 running")
                       .arg(humanDuration(s.makespan), humanDuration(s.sum), QString::number(s.speedup, 'f', 2))
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

int labelWidth(const Trace &trace, int maxLanes)
{
    int w = 7; // "running"
    for (int i = 0; i < trace.tasks.size() && i < maxLanes; ++i)
        w = std::max(w, static_cast<int>(trace.tasks[i].name.size()));
    return std::min(w, 18) + 2;
}

QString chart(const Trace &trace, const TerminalGantt::Options &o, const Axis &axis, int labels)
{
    const Micros end = trace.makespan();
    const Statistics s = Statistics::of(trace);
    QString out;
    const int shown = static_cast<int>(std::min<qsizetype>(trace.tasks.size(), o.maxLanes));
    for (int i = 0; i < shown; ++i) {
        const TaskTrace &t = trace.tasks[i];
        QString tail = QStringLiteral(" %1 %2").arg(humanDuration(t.runTime()), outcomeMark(t.outcome));
        if (!t.error.isEmpty() && t.outcome != Outcome::Ok)
            tail += QStringLiteral(": ") + t.error;
        if (t.attempts.size() > 1)
            tail += QStringLiteral(" (%1 attempts)").arg(t.attempts.size());
        out += padded(t.name, labels) + lane(t, axis, o.width, end) + tail + QLatin1Char('\n');
    }
    if (trace.tasks.size() > shown)
        out += padded(QString(), labels)
            + QStringLiteral("… %1 more tasks not drawn (--lanes N shows more)\n").arg(trace.tasks.size() - shown);
    out += padded(QStringLiteral("running"), labels) + sparkline(s, axis, o.width, end)
        + QStringLiteral(" max %1\n").arg(s.maxConcurrency);
    return out;
}

QString markerLines(const Trace &trace)
{
    QString out;
    QStringList order;
    int listed = 0;
    for (const Marker &m : trace.markers) {
        if (m.kind == MarkerKind::Consumed) {
            if (m.task >= 0 && m.task < trace.tasks.size())
                order << trace.tasks[m.task].name;
            continue;
        }
        if (++listed > 12)
            continue;
        out += QStringLiteral("  ▲ %1  %2\n").arg(humanDuration(m.time), m.label);
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

QString TerminalGantt::legend()
{
    return QStringLiteral("█ running  ░ waiting  ▒ network  · backoff   ✓ ok  ✗ failed  ◴ timeout  ⊘ cancelled\n");
}

QString TerminalGantt::render(const Trace &trace, const Options &o)
{
    const Axis axis(o.axisEnd > 0 ? o.axisEnd : trace.makespan(), o.width);
    const int labels = labelWidth(trace, o.maxLanes);
    QString out = QStringLiteral("%1 · %2 · %3 clock\n").arg(trace.scenario, trace.strategy, clockKindName(trace.clock));
    out += axis.ticks(labels);
    out += chart(trace, o, axis, labels);
    out += statsLine(Statistics::of(trace)) + QLatin1Char('\n');
    out += markerLines(trace);
    return out;
}

QString TerminalGantt::renderComparison(const QList<Trace> &traces, const Options &o)
{
    if (traces.isEmpty())
        return {};
    Micros longest = 1;
    int nameWidth = 8;
    for (const Trace &t : traces) {
        longest = std::max(longest, t.makespan());
        nameWidth = std::max(nameWidth, static_cast<int>(t.strategy.size()));
    }
    const Statistics first = Statistics::of(traces.first());
    QString out = QStringLiteral("%1 · %2 clock\n\n").arg(traces.first().scenario, clockKindName(traces.first().clock));
    out += padded(QStringLiteral("strategy"), nameWidth + 2) + QStringLiteral("makespan     speedup  vs %1\n").arg(traces.first().strategy);
    for (const Trace &t : traces) {
        const Statistics s = Statistics::of(t);
        const double ratio = s.makespan > 0 ? static_cast<double>(first.makespan) / static_cast<double>(s.makespan) : 0;
        QString versus;
        if (&t == &traces.first())
            versus = QString();
        else if (std::abs(ratio - 1.0) < 0.005)
            versus = QStringLiteral("the same");
        else
            versus = ratio >= 1.0 ? QStringLiteral("%1× faster").arg(QString::number(ratio, 'f', 2))
                                  : QStringLiteral("%1× slower").arg(QString::number(1.0 / ratio, 'f', 2));
        out += padded(t.strategy, nameWidth + 2) + padded(humanDuration(s.makespan), 13)
            + padded(QString::number(s.speedup, 'f', 2) + QStringLiteral("×"), 9) + versus + QLatin1Char('\n');
    }
    out += QLatin1Char('\n');
    Options shared = o;
    shared.axisEnd = longest;
    for (const Trace &t : traces) {
        const Axis axis(longest, o.width);
        const int labels = labelWidth(t, o.maxLanes);
        out += QStringLiteral("── %1 — %2\n").arg(t.strategy, humanDuration(t.makespan()));
        out += axis.ticks(labels);
        out += chart(t, shared, axis, labels);
        out += statsLine(Statistics::of(t)) + QLatin1Char('\n');
        out += markerLines(t) + QLatin1Char('\n');
    }
    out += legend();
    return out;
}

} // namespace concviz
