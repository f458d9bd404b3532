#include "../../scenario/taskkindregistry.h"
#include "../engine.h"
#include "commonfields.h"

namespace concviz {

namespace {

Task<void> run(Engine &engine, int task, const TaskSpec &spec)
{
    const Micros duration = fromMs(spec.millis(QStringLiteral("duration_ms")));
    if (spec.flag(QStringLiteral("offload")))
        co_await engine.offload(task, duration, false);
    else
        engine.clock().block(duration); // on the loop: every other task waits, which is the lesson
}

const TaskKindRegistration registration{TaskKindDefinition{
    .name = QStringLiteral("blocking"),
    .order = 30,
    .summary = QStringLiteral("blocks the thread it runs on, like time.sleep(); on the loop it holds up every other task"),
    .asyncioCode = QStringLiteral("time.sleep(DURATION)  # or: await loop.run_in_executor(None, time.sleep, DURATION)\n"),
    .fields = {durationField(QStringLiteral("How long it blocks.")), offloadField()},
    .mainField = QStringLiteral("duration_ms"),
    .run = run,
}};

} // namespace

} // namespace concviz
