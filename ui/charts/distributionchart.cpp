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

void DistributionChart::setTrace(const Trace &trace)
{
    QChart *c = chart();
    clearChart(c);
    c->setTitle(tr("Waits and run times — %1").arg(trace.strategy));
    Micros longest = 1;
    for (const TaskTrace &t : trace.tasks)
        longest = std::max({longest, t.waitTime(), t.runTime()});
    const Micros width = (longest + buckets - 1) / buckets;
    QList<qreal> waits(buckets, 0);
    QList<qreal> runs(buckets, 0);
    for (const TaskTrace &t : trace.tasks) {
        waits[std::min<Micros>(t.waitTime() / width, buckets - 1)] += 1;
        if (t.start >= 0)
            runs[std::min<Micros>(t.runTime() / width, buckets - 1)] += 1;
    }
    auto *waitSet = new QBarSet(tr("waited"));
    waitSet->append(waits);
    waitSet->setColor(QColor(0xE6, 0x9F, 0x00));
    auto *runSet = new QBarSet(tr("ran"));
    runSet->append(runs);
    runSet->setColor(chartColor(0));
    auto *series = new QBarSeries;
    series->append(waitSet);
    series->append(runSet);
    c->addSeries(series);
    QStringList categories;
    for (int b = 0; b < buckets; ++b)
        categories << QStringLiteral("<%1").arg(humanDuration((b + 1) * width));
    auto *x = new QBarCategoryAxis;
    x->append(categories);
    auto *y = new QValueAxis;
    y->setTitleText(tr("tasks"));
    y->setLabelFormat(QStringLiteral("%d"));
    qreal most = 1;
    for (int b = 0; b < buckets; ++b)
        most = std::max({most, waits[b], runs[b]});
    y->setRange(0, most);
    c->addAxis(x, Qt::AlignBottom);
    c->addAxis(y, Qt::AlignLeft);
    series->attachAxis(x);
    series->attachAxis(y);
}

void DistributionChart::setTheme(const Theme &theme)
{
    applyChartTheme(chart(), theme);
}

} // namespace concviz
