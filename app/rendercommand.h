#pragma once

#include <QStringList>

namespace concviz::cli {

// concviz render [FILE] --out chart.png|svg|pdf [--strategies S1,S2] [--width W] [--height H] [--clock C] [--theme T]
// Draws the comparison with no window and no display; needs a QGuiApplication.
int renderCommand(const QStringList &arguments);

} // namespace concviz::cli
