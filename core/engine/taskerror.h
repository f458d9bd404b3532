#pragma once

#include "../trace/traceevent.h"

#include <QString>

namespace concviz {

// How a task's last attempt failed (Failed or Timeout), as the strategy sees it: gather raises it,
// a TaskGroup cancels the siblings on it. Like asyncio, a timeout counts as a failure here.
struct TaskError
{
    Outcome outcome = Outcome::Failed;
    QString message;
};

} // namespace concviz
