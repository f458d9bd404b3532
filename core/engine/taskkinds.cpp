#include "taskkinds.h"

#include "../async/sleep.h"
#include "engine.h"

namespace concviz {

bool isPlainWait(const TaskSpec &spec)
{
    return spec.kind == TaskKind::Sleep || spec.kind == TaskKind::Fail;
}

void finishPlainWait(Engine &engine, int task, const TaskSpec &spec, Micros due)
{
    engine.recordLateness(task, due);
    if (spec.kind == TaskKind::Fail)
        throw TaskFailure{spec.error};
}

Task<void> runTaskBody(Engine &engine, int task, int specIndex)
{
    const TaskSpec &spec = engine.scenario().tasks.at(specIndex);
    const Micros duration = fromMs(spec.durationMs);
    switch (spec.kind) {
    case TaskKind::Sleep:
    case TaskKind::Fail: {
        const Micros due = engine.now() + duration;
        co_await sleepFor(duration);
        finishPlainWait(engine, task, spec, due);
        break;
    }
    case TaskKind::Blocking:
    case TaskKind::Cpu:
        if (spec.offload) {
            co_await engine.offload(task, duration, spec.kind == TaskKind::Cpu);
        } else if (spec.kind == TaskKind::Cpu) {
            // On the loop: nothing else runs meanwhile, which is the lesson.
            engine.clock().spin(duration);
        } else {
            engine.clock().block(duration);
        }
        break;
    case TaskKind::Http:
        throw TaskFailure{QStringLiteral("http tasks cannot run in this build yet (%1)").arg(spec.url)};
    }
}

} // namespace concviz
