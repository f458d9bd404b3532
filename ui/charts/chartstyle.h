#pragma once

#include "../theme.h"

#include <QChart>
#include <QColor>

namespace concviz {

// The n-th colour for a compared run, from the colour-blind-safe palette.
QColor chartColor(int n);
// Removes every series and axis, freeing them.
void clearChart(QChart *chart);
// Background, text and font of a chart from the theme (large on a projector).
void applyChartTheme(QChart *chart, const Theme &theme);

} // namespace concviz
