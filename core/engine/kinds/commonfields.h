#pragma once

#include "../../async/task.h"
#include "../../scenario/field.h"
#include "../../scenario/taskkinddefinition.h"

#include <QString>

namespace concviz {

class Engine;
struct TaskSpec;

// Fields that several task kinds declare alike, written once.

// duration_ms: how long the task waits or works.
inline Field durationField(const QString &help)
{
    return Field{.key = QStringLiteral("duration_ms"),
                 .type = Field::Type::Millis,
                 .required = true,
                 .help = help,
                 .unit = QStringLiteral("ms"),
                 .example = 1000.0};
}

// offload: run the work in the executor's threads (run_in_executor) instead of on the loop.
inline Field offloadField()
{
    return Field{.key = QStringLiteral("offload"),
                 .type = Field::Type::Bool,
                 .defaultValue = false,
                 .help = QStringLiteral("Run it in the executor's threads, like loop.run_in_executor, instead of on the loop."),
                 .misplaced = QStringLiteral("can be offloaded")};
}

// One attempt of blocking or cpu work: in the executor's threads when offloaded, else on the loop,
// where nothing else runs meanwhile, which is the lesson.
Task<void> runWork(Engine &engine, int task, const TaskSpec &spec, bool cpu);

// A kind of work (blocking, cpu): its duration, whether it is offloaded, and `run`.
TaskKindDefinition workKind(const char *name, int order, const char *summary, const char *asyncioCode, const char *durationHelp,
                            Task<void> (*run)(Engine &, int, const TaskSpec &));

} // namespace concviz
