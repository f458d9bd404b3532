#pragma once

#include "scenario.h"

#include <QStringList>

namespace concviz {

// The example scenarios built into the binary, as resource paths (":/scenarios/async_demo.json"),
// sorted by file name.
QStringList examplePaths();
// The scenario ConcViz opens with: three tasks of 1 s, 2 s and 1.5 s.
Scenario builtinDemo();

} // namespace concviz
