#include "chartstyle.h"

#include <QAbstractAxis>
#include <QFontMetrics>
#include <QLegend>
#include <QValueAxis>

#include <algorithm>
#include <cmath>

namespace concviz {

QColor chartColor(int n)
{
    static const QColor colours[] = {QColor(0x00, 0x72, 0xB2), QColor(0xE6, 0x9F, 0x00), QColor(0x00, 0x9E, 0x73),
                                     QColor(0xCC, 0x79, 0xA7), QColor(0xD5, 0x5E, 0x00), QColor(0x56, 0xB4, 0xE9)};
    return colours[n % 6];
}

void setCountRange(QValueAxis *axis, qreal most)
{
    const int step = std::max(1, static_cast<int>(std::ceil(most / 4)));
    const int top = step * std::max(1, static_cast<int>(std::ceil(most / step)));
    axis->setRange(0, top);
    axis->setTickType(QValueAxis::TicksDynamic);
    axis->setTickAnchor(0);
    axis->setTickInterval(step);
    axis->setLabelFormat(QStringLiteral("%d"));
}

void clearChart(QChart *chart)
{
    chart->removeAllSeries();
    for (QAbstractAxis *axis : chart->axes()) {
        chart->removeAxis(axis);
        delete axis; // removeAxis hands the axis back instead of deleting it
    }
}

void applyChartTheme(QChartView *view, const Theme &theme)
{
    QChart *chart = view->chart();
    view->setMinimumHeight(QFontMetrics(theme.font).height() * 13);
    chart->setMargins(QMargins(4, 4, 4, 4));
    chart->setBackgroundBrush(theme.background);
    chart->setTitleBrush(theme.text);
    chart->setTitleFont(theme.boldFont);
    chart->legend()->setLabelColor(theme.text);
    chart->legend()->setFont(theme.font);
    for (QAbstractAxis *axis : chart->axes()) {
        axis->setLabelsBrush(theme.text);
        axis->setLabelsFont(theme.font);
        axis->setTitleBrush(theme.mutedText);
        axis->setTitleFont(theme.font);
        axis->setGridLineColor(theme.grid);
    }
}

} // namespace concviz
