#include "../../scenario/taskkindregistry.h"
#include "commonfields.h"

namespace concviz {

namespace {

const TaskKindRegistration registration{workKind(
    "blocking", 30, "blocks the thread it runs on, like time.sleep(); on the loop it holds up every other task",
    "time.sleep(DURATION)  # or: await loop.run_in_executor(None, time.sleep, DURATION)\n", "How long it blocks.",
    [](Engine &engine, int task, const TaskSpec &spec) { return runWork(engine, task, spec, false); })};

} // namespace

} // namespace concviz
