#include "commonfields.h"

#include "../../scenario/taskspec.h"
#include "../engine.h"
#include "../phasescope.h"

namespace concviz {

Task<void> runWork(Engine &engine, int task, const TaskSpec &spec, bool cpu)
{
    const Micros duration = fromMs(spec.millis(QStringLiteral("duration_ms")));
    if (spec.flag(QStringLiteral("offload"))) {
        co_await engine.offload(task, duration, cpu);
        co_return;
    }
    // On the loop: its own phase, so the picture (and the insights) can name what held it.
    PhaseScope holding(engine, task, PhaseKind::HoldsLoop);
    if (cpu)
        engine.computeOnLoop(task, duration);
    else
        engine.clock().block(duration);
}

TaskKindDefinition workKind(const char *name, int order, const char *summary, const char *asyncioCode, const char *durationHelp,
                            Task<void> (*run)(Engine &, int, const TaskSpec &))
{
    return TaskKindDefinition{.name = QString::fromLatin1(name),
                              .order = order,
                              .summary = QString::fromUtf8(summary),
                              .asyncioCode = QString::fromUtf8(asyncioCode),
                              .fields = {durationField(QString::fromUtf8(durationHelp)), offloadField()},
                              .mainField = QStringLiteral("duration_ms"),
                              .run = run};
}

} // namespace concviz
