#include "distributionchart.h"

#include "chartstyle.h"
#include "trace/timeformat.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QValueAxis>

namespace concviz {

DistributionChart::DistributionChart(QWidget *parent)
    : QChartView(parent)
{
    setRenderHint(QPainter::Antialiasing);
}

void DistributionChart::setTraces(const QList<Trace> &traces)
{
    QChart *c = chart();
    clearChart(c);
    c->setTitle(tr("How long tasks waited before they ran"));
    m_runs = static_cast<int>(traces.size());
    Micros longest = 1;
    for (const Trace &trace : traces)
        for (const TaskTrace &t : trace.tasks)
            longest = std::max(longest, t.waitTime());
    const Micros width = (longest + buckets - 1) / buckets;
    auto *series = new QBarSeries;
    qreal most = 1;
    int colour = 0;
    for (const Trace &trace : traces) {
        QList<qreal> waits(buckets, 0);
        for (const TaskTrace &t : trace.tasks)
            waits[std::min<Micros>(t.waitTime() / width, buckets - 1)] += 1;
        auto *set = new QBarSet(trace.strategy);
        set->append(waits);
        set->setColor(chartColor(colour++));
        series->append(set);
        most = std::max(most, *std::max_element(waits.begin(), waits.end()));
    }
    c->addSeries(series);
    QStringList categories;
    for (int b = 0; b < buckets; ++b)
        categories << QStringLiteral("≤ %1").arg(humanDuration((b + 1) * width));
    auto *x = new QBarCategoryAxis;
    x->append(categories);
    x->setTitleText(tr("waited"));
    auto *y = new QValueAxis;
    y->setTitleText(tr("tasks"));
    setCountRange(y, most);
    c->addAxis(x, Qt::AlignBottom);
    c->addAxis(y, Qt::AlignLeft);
    series->attachAxis(x);
    series->attachAxis(y);
}

void DistributionChart::setTheme(const Theme &theme)
{
    applyChartTheme(this, theme);
}

} // namespace concviz
