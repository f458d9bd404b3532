#pragma once

#include <QStringList>

namespace concviz::cli {

// concviz run [FILE] [--strategy S] [--clock real|virtual] [--format text|json|csv|chrome-trace] [--out PATH]
int runCommand(const QStringList &arguments);

} // namespace concviz::cli
