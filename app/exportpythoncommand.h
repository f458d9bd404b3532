#pragma once

#include <QStringList>

namespace concviz::cli {

// concviz export-python FILE [--strategy S] [--out PATH]: the scenario under its strategy (or S) as a
// runnable Python program that uses only asyncio and the standard library.
int exportPythonCommand(const QStringList &arguments);

} // namespace concviz::cli
