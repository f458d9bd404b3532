#pragma once

#include "scenario.h"

#include <QStringList>

namespace concviz {

// The example scenarios built into the binary, as resource paths (":/scenarios/async_demo.json"),
// sorted by file name.
QStringList examplePaths();
// One shipped example as the lists show it.
struct Example
{
    QString path;   // ":/scenarios/async_demo.json"
    QString name;
    QString topic;  // its group in File ▸ Examples and the README
    QString lesson; // its one line
    QString description;
};
// The shipped examples grouped by topic, the topics in teaching order (basics first), each
// topic's examples in file-name order.
QList<Example> examplesByTopic();
// The topics in the order they are taught.
QStringList exampleTopics();

// The scenario ConcViz opens with: three tasks of 1 s, 2 s and 1.5 s.
Scenario builtinDemo();

} // namespace concviz
