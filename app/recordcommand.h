#pragma once

#include <QStringList>

namespace concviz::cli {

// concviz record [--out FILE] [--open] [--slow-ms N] -- python3 prog.py ARGS...: runs a Python
// program with the recorder on its path, writes the trace of its asyncio tasks and shows it.
int recordCommand(const QStringList &arguments);

// The folder that holds the concviz_record package: where cmake --install put it beside the
// program or in its macOS bundle, or in the source tree of a build. Empty when there is none.
QString recorderPythonDir();

} // namespace concviz::cli
