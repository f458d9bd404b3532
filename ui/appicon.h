#pragma once

#include <QIcon>

namespace concviz {

// ConcViz's icon, drawn at every size the window, the About box and the task bar ask for
// (resources/icons: the SVG and the PNGs made from it, which need no image plugin).
QIcon applicationIcon();

} // namespace concviz
