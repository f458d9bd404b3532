#pragma once

#include "scenario/scenario.h"
#include "trace/trace.h"

#include <QStringList>

#include <optional>

namespace concviz {

// A file as the window opens it, read whole: a scenario, or else a trace with its tasks as a
// scenario. Nothing in it touches the window, so that a large file is read on another thread.
struct OpenedFile
{
    std::optional<Scenario> scenario; // when it is a scenario
    QList<Trace> traces;              // when it is a trace
    Scenario traceTasks;              // the first trace's tasks (TraceScenario::from)
    QString error;                    // why it is neither, with its place in the file

    bool isTrace() const { return !traces.isEmpty(); }

    // A scenario file, or a trace file when it is not one: a scenario says so with "concviz" at
    // its top level. A broken file gets the problems of what it says it is, every one a line.
    static OpenedFile read(const QString &path);
    // A trace file only; its error is the trace reader's.
    static OpenedFile readTrace(const QString &path);
};

} // namespace concviz
