#include "concurrencychart.h"

#include "chartstyle.h"
#include "trace/statistics.h"

#include <QChart>
#include <QLineSeries>
#include <QValueAxis>

namespace concviz {

namespace {

// The profile as a step line, in seconds, with at most four points for each of `columns` slices of
// the makespan: the line's envelope is the same at any width a chart is drawn, where the hundred
// thousand steps of a big real-clock run took the chart half a second to lay out.
QList<QPointF> stepLine(const QList<ConcurrencyStep> &profile, Micros makespan, int columns = 2000)
{
    QList<QPointF> points;
    int previous = 0;
    if (profile.size() <= 2 * columns) {
        points.reserve(profile.size() * 2 + 1);
        for (const ConcurrencyStep &step : profile) {
            const double t = static_cast<double>(step.time) / 1e6;
            points.append({t, static_cast<double>(previous)});
            points.append({t, static_cast<double>(step.running)});
            previous = step.running;
        }
    } else {
        points.reserve(4 * columns + 1);
        const double slice = static_cast<double>(std::max<Micros>(makespan, 1)) / columns;
        for (qsizetype i = 0; i < profile.size();) {
            // Every step in the slice of the first one: entered at `previous`, the lowest, the highest, left at the last.
            const auto column = static_cast<qint64>(static_cast<double>(profile[i].time) / slice);
            const double first = static_cast<double>(profile[i].time) / 1e6;
            int low = previous, high = previous;
            double last = first;
            const int entered = previous;
            for (; i < profile.size() && static_cast<qint64>(static_cast<double>(profile[i].time) / slice) == column; ++i) {
                low = std::min(low, profile[i].running);
                high = std::max(high, profile[i].running);
                last = static_cast<double>(profile[i].time) / 1e6;
                previous = profile[i].running;
            }
            points.append({first, static_cast<double>(entered)});
            points.append({first, static_cast<double>(high)});
            points.append({first, static_cast<double>(low)});
            points.append({last, static_cast<double>(previous)});
        }
    }
    points.append({static_cast<double>(makespan) / 1e6, static_cast<double>(previous)});
    return points;
}

} // namespace

ConcurrencyChart::ConcurrencyChart(QWidget *parent)
    : QChartView(parent)
{
    setRenderHint(QPainter::Antialiasing);
    chart()->setTitle(tr("Tasks running at each moment"));
}

void ConcurrencyChart::setTraces(const QList<Trace> &traces, const QList<Statistics> &stats)
{
    QChart *c = chart();
    clearChart(c);
    auto *x = new QValueAxis;
    x->setTitleText(tr("seconds"));
    auto *y = new QValueAxis;
    y->setTitleText(tr("running"));
    y->setLabelFormat(QStringLiteral("%d"));
    c->addAxis(x, Qt::AlignBottom);
    c->addAxis(y, Qt::AlignLeft);
    double maxTime = 0.001;
    int maxRunning = 1;
    int colour = 0;
    for (qsizetype i = 0; i < traces.size(); ++i) {
        const Trace &trace = traces[i];
        const Statistics &s = stats[i];
        auto *series = new QLineSeries;
        series->setName(trace.strategy);
        series->replace(stepLine(s.profile, s.makespan));
        series->setPen(QPen(chartColor(colour++), 2));
        c->addSeries(series);
        series->attachAxis(x);
        series->attachAxis(y);
        maxTime = std::max(maxTime, static_cast<double>(s.makespan) / 1e6);
        maxRunning = std::max(maxRunning, s.maxConcurrency);
        if (trace.concurrencyLimit > 0 && trace.concurrencyLimit < 1000000) {
            auto *limit = new QLineSeries;
            limit->setName(tr("limit of %1").arg(trace.strategy));
            limit->append(0, trace.concurrencyLimit);
            limit->append(static_cast<double>(s.makespan) / 1e6, trace.concurrencyLimit);
            limit->setPen(QPen(chartColor(colour - 1), 1.5, Qt::DashLine));
            c->addSeries(limit);
            limit->attachAxis(x);
            limit->attachAxis(y);
            maxRunning = std::max(maxRunning, trace.concurrencyLimit);
        }
    }
    x->setRange(0, maxTime);
    x->applyNiceNumbers();
    setCountRange(y, maxRunning + 1);
}

void ConcurrencyChart::setTheme(const Theme &theme)
{
    applyChartTheme(this, theme);
}

} // namespace concviz
