#include "taskkinds.h"

#include "../async/sleep.h"
#include "engine.h"

namespace concviz {

Task<void> runTaskBody(Engine &engine, int task, int specIndex)
{
    const TaskSpec &spec = engine.scenario().tasks.at(specIndex);
    const Micros duration = fromMs(spec.durationMs);
    switch (spec.kind) {
    case TaskKind::Sleep:
    case TaskKind::Fail: {
        const Micros due = engine.now() + duration;
        co_await sleepFor(duration);
        engine.recordLateness(task, due);
        if (spec.kind == TaskKind::Fail)
            throw TaskFailure{spec.error};
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
