#pragma once

#include <QStringList>

namespace concviz::cli {

// concviz compare [FILE] [--strategies S1,S2,...] [--clock real|virtual] [--format text|json] [--out PATH]
int compareCommand(const QStringList &arguments);

} // namespace concviz::cli
