#include "chartstyle.h"

#include <QAbstractAxis>
#include <QLegend>

namespace concviz {

QColor chartColor(int n)
{
    static const QColor colours[] = {QColor(0x00, 0x72, 0xB2), QColor(0xE6, 0x9F, 0x00), QColor(0x00, 0x9E, 0x73),
                                     QColor(0xCC, 0x79, 0xA7), QColor(0xD5, 0x5E, 0x00), QColor(0x56, 0xB4, 0xE9)};
    return colours[n % 6];
}

void clearChart(QChart *chart)
{
    chart->removeAllSeries();
    for (QAbstractAxis *axis : chart->axes()) {
        chart->removeAxis(axis);
        delete axis; // removeAxis hands the axis back instead of deleting it
    }
}

void applyChartTheme(QChart *chart, const Theme &theme)
{
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
