#pragma once

#include <QStringList>

namespace concviz::cli {

// concviz serve [--port N] [--listen ADDRESS]: runs the demo server until Ctrl-C.
int serveCommand(const QStringList &arguments);

} // namespace concviz::cli
