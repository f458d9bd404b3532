#include "../../async/cancellation.h"
#include "../../scenario/taskkindregistry.h"
#include "../engine.h"
#include "commonfields.h"

namespace concviz {

namespace {

// Raised once the wait is over.
void raise(const TaskSpec &spec)
{
    throw TaskFailure{spec.text(QStringLiteral("error"))};
}

Task<void> run(Engine &engine, int task, const TaskSpec &spec)
{
    co_await engine.waitFor(task, fromMs(spec.millis(QStringLiteral("duration_ms"))));
    raise(spec);
}

// What it does, and the asyncio code it stands for.
const char summary[] = "waits, then raises an error";
const char asyncioCode[] = "await asyncio.sleep(DURATION)\nraise RuntimeError(ERROR)\n";

const TaskKindRegistration registration{TaskKindDefinition{.name = QStringLiteral("fail"), .order = 20,
    .summary = QString::fromUtf8(summary), .asyncioCode = QString::fromUtf8(asyncioCode),
    .fields = {durationField(QStringLiteral("How long it waits before it raises.")),
               Field{.key = QStringLiteral("error"),
                     .type = Field::Type::Text,
                     .defaultValue = QStringLiteral("failed"),
                     .help = QStringLiteral("The error it raises."),
                     .alwaysWritten = true}},
    .mainField = QStringLiteral("duration_ms"),
    .afterWait = raise,
    .run = run,
}};

} // namespace

} // namespace concviz
