#include "taskkinds.h"

#include "../async/sleep.h"
#include "../net/httpclient.h"
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
    case TaskKind::Http: {
        auto phase = [&engine, task](PhaseKind kind, bool began) {
            began ? engine.beginPhase(task, kind) : engine.endPhase(task, kind);
        };
        const HttpResult result = co_await engine.http().fetch(spec, phase);
        engine.recordHttpResult(task, result.status, result.bytes, result.hops.join(QStringLiteral(" → ")));
        break;
    }
    }
}

} // namespace concviz
