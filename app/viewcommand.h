#pragma once

#include <QStringList>

namespace concviz::cli {

// concviz view FILE [--format text|json|csv|chrome-trace|scenario] [--out PATH] [--run N]: a trace
// written before (ConcViz JSON from run, compare, record or an exported Python program, or a Chrome
// trace) shown as run shows one, written in another format, or made a scenario.
int viewCommand(const QStringList &arguments);

} // namespace concviz::cli
