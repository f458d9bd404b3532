#pragma once

#include "../trace/trace.h"

#include <QList>
#include <QString>

namespace concviz {

// One thing worth saying about a run, in words a teacher reads aloud, and the tasks it is about.
struct Insight
{
    QString text;
    QList<int> tasks; // indexes into the trace's tasks
};

// What happened in a run and why it took as long as it did, computed from its trace alone (so a
// recorded or imported trace gets the same): a blocked event loop and the task that blocked it,
// turns taken for the GIL, waits for a limit that set the pace, a timeout shorter than the work, a
// caller that got an error before the other results; and, for a real run, its ideal (the virtual
// clock's) beside what it measured. Empty for a run with nothing to remark on.
QList<Insight> insightsOf(const Trace &trace);

} // namespace concviz
