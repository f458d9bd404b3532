#include "concurrencychart.h"

#include "chartstyle.h"
#include "trace/statistics.h"

#include <QChart>
#include <QLineSeries>
#include <QValueAxis>

namespace concviz {

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
        QList<QPointF> points;
        points.reserve(s.profile.size() * 2 + 1);
        int previous = 0;
        for (const ConcurrencyStep &step : s.profile) {
            const double t = static_cast<double>(step.time) / 1e6;
            points.append({t, static_cast<double>(previous)});
            points.append({t, static_cast<double>(step.running)});
            previous = step.running;
        }
        points.append({static_cast<double>(s.makespan) / 1e6, static_cast<double>(previous)});
        series->replace(points);
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
