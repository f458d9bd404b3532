#pragma once

#include "../theme.h"

#include <QChartView>
#include <QColor>
#include <QValueAxis>

namespace concviz {

// The n-th colour for a compared run, from the colour-blind-safe palette.
QColor chartColor(int n);
// Whole-number ticks from 0 to at least `most` (tasks, runs): 0, 2, 4… rather than 2.5 shown as "2".
void setCountRange(QValueAxis *axis, qreal most);
// Removes every series and axis, freeing them.
void clearChart(QChart *chart);
// Background, text and font of a chart from the theme (large on a projector), and a height that
// leaves its plot room whatever the font: the tab scrolls rather than squash it.
void applyChartTheme(QChartView *view, const Theme &theme);

} // namespace concviz
