#include "../../async/sleep.h"
#include "../../scenario/taskkindregistry.h"
#include "../engine.h"
#include "commonfields.h"

namespace concviz {

namespace {

Task<void> run(Engine &engine, int task, const TaskSpec &spec)
{
    co_await engine.waitFor(task, fromMs(spec.millis(QStringLiteral("duration_ms"))));
}

const TaskKindRegistration registration{TaskKindDefinition{
    .name = QStringLiteral("sleep"),
    .order = 10,
    .summary = QStringLiteral("waits without blocking, like await asyncio.sleep(): simulated I/O"),
    .asyncioCode = QStringLiteral("await asyncio.sleep(DURATION)\n"),
    .fields = {durationField(QStringLiteral("How long it waits."))},
    .mainField = QStringLiteral("duration_ms"),
    .afterWait = [](const TaskSpec &) {},
    .run = run,
}};

} // namespace

} // namespace concviz
