#pragma once

#include <QStringList>

namespace concviz::cli {

// concviz view FILE [--format text|json|csv|chrome-trace] [--out PATH] [--run N]: a trace written
// before (ConcViz JSON from run, compare or an exported Python program) shown as run shows one.
int viewCommand(const QStringList &arguments);

} // namespace concviz::cli
