#include "makespanchart.h"

#include "chartstyle.h"
#include "trace/statistics.h"

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QHorizontalBarSeries>
#include <QValueAxis>

namespace concviz {

MakespanChart::MakespanChart(QWidget *parent)
    : QChartView(parent)
{
    setRenderHint(QPainter::Antialiasing);
    chart()->setTitle(tr("How long each run took"));
    chart()->legend()->hide();
}

void MakespanChart::setTraces(const QList<Trace> &traces, const QList<Statistics> &stats)
{
    QChart *c = chart();
    clearChart(c);
    auto *series = new QHorizontalBarSeries;
    auto *set = new QBarSet(tr("makespan"));
    set->setColor(chartColor(0));
    QStringList categories;
    double longest = 0.001;
    // Bars read top to bottom in the order of the runs: a horizontal series draws from the bottom.
    for (qsizetype i = traces.size() - 1; i >= 0; --i) {
        const Statistics &s = stats[i];
        const double seconds = static_cast<double>(s.makespan) / 1e6;
        set->append(seconds);
        categories << tr("%1 (%2×)").arg(traces[i].strategy, QString::number(s.speedup, 'f', 2));
        longest = std::max(longest, seconds);
    }
    set->setLabelColor(Qt::white);
    series->append(set);
    series->setLabelsVisible(true);
    series->setLabelsFormat(QStringLiteral("@value s"));
    c->addSeries(series);
    auto *y = new QBarCategoryAxis;
    y->append(categories);
    auto *x = new QValueAxis;
    x->setTitleText(tr("seconds"));
    x->setRange(0, longest * 1.1);
    x->applyNiceNumbers(); // 0, 2, 4… seconds rather than 2.8, 5.5
    c->addAxis(y, Qt::AlignLeft);
    c->addAxis(x, Qt::AlignBottom);
    series->attachAxis(x);
    series->attachAxis(y);
}

void MakespanChart::setTheme(const Theme &theme)
{
    applyChartTheme(this, theme);
}

} // namespace concviz
