#pragma once

#include <QStringList>

namespace concviz::cli {

// concviz [FILE] [--run] [--screenshot PATH] [--quit] [--theme NAME] [--clock real|virtual] [--size WxH]
// Opens the window; needs a QApplication.
int windowCommand(const QStringList &arguments);
// Whether a window can be shown here (a desktop session, or a platform chosen by hand).
bool hasDisplay();

} // namespace concviz::cli
