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

// What it does, and the asyncio code it stands for.
const char summary[] = "waits without blocking, like await asyncio.sleep(): simulated I/O";
const char asyncioCode[] = "await asyncio.sleep(DURATION)\n";

const TaskKindRegistration registration{TaskKindDefinition{.name = QStringLiteral("sleep"), .order = 10,
    .summary = QString::fromUtf8(summary), .asyncioCode = QString::fromUtf8(asyncioCode),
    .fields = {durationField(QStringLiteral("How long it waits."))},
    .mainField = QStringLiteral("duration_ms"),
    .afterWait = [](const TaskSpec &) {},
    .run = run,
}};

} // namespace

} // namespace concviz
