#pragma once

#include <QtGlobal>

namespace concviz {

// The format's limits, written once: the reader, the editor, the strategies and the engine all
// hold to these.
namespace Limits {

// The longest time a scenario may state, and the longest a run may take: 24 hours.
constexpr double maxMs = 24.0 * 3600.0 * 1000.0;
// The most tasks a scenario may hold once `count` is expanded; also the largest count any
// strategy parameter takes.
constexpr qint64 maxTasks = 1000000;
// The caller's own steps: a few lines of a lesson's main(), not a program.
constexpr int maxCallerSteps = 100;

} // namespace Limits

} // namespace concviz
