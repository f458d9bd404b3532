#pragma once

#include <QStringList>

namespace concviz::cli {

// concviz validate FILE...: checks every file and reports every error in each.
int validateCommand(const QStringList &arguments);

} // namespace concviz::cli
