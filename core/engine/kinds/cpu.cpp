#include "../../scenario/taskkindregistry.h"
#include "commonfields.h"

namespace concviz {

namespace {

const TaskKindRegistration registration{workKind(
    "cpu", 40, "real CPU work for about duration_ms",
    "crunch(DURATION)  # or: await loop.run_in_executor(pool, crunch, DURATION)\n", "How long it computes.",
    [](Engine &engine, int task, const TaskSpec &spec) { return runWork(engine, task, spec, true); })};

} // namespace

} // namespace concviz
