#include "../../scenario/taskkindregistry.h"
#include "../engine.h"
#include "commonfields.h"

namespace concviz {

namespace {

Task<void> run(Engine &engine, int task, const TaskSpec &spec)
{
    const Micros duration = fromMs(spec.millis(QStringLiteral("duration_ms")));
    if (spec.flag(QStringLiteral("offload")))
        co_await engine.offload(task, duration, true);
    else
        engine.clock().spin(duration); // on the loop: nothing else runs meanwhile, which is the lesson
}

const TaskKindRegistration registration{TaskKindDefinition{
    .name = QStringLiteral("cpu"),
    .order = 40,
    .summary = QStringLiteral("real CPU work for about duration_ms"),
    .asyncioCode = QStringLiteral("crunch(DURATION)  # or: await loop.run_in_executor(pool, crunch, DURATION)\n"),
    .fields = {durationField(QStringLiteral("How long it computes.")), offloadField()},
    .mainField = QStringLiteral("duration_ms"),
    .run = run,
}};

} // namespace

} // namespace concviz
