#include "../../scenario/strategyregistry.h"
#include "../engine.h"
#include "../taskerror.h"

namespace concviz {

namespace {

Task<void> run(Engine &engine, const StrategySpec &)
{
    for (int i = 0; i < engine.taskCount(); ++i) {
        engine.created(i);
        try {
            co_await engine.runTask(i);
        } catch (const TaskError &) {
            // Recorded on the task; the loop goes on to the next one.
        }
    }
}

const StrategyRegistration registration{StrategyDefinition{
    .name = QStringLiteral("sequential"),
    .order = 10,
    .summary = QStringLiteral("for t in tasks: await t(); a failure is recorded and the loop goes on"),
    .asyncioCode = QStringLiteral(
        "for t in tasks:\n"
        "    try:\n"
        "        await t()\n"
        "    except Exception as e:\n"
        "        log(e)\n"),
    .examples = {QStringLiteral("sequential")},
    .concurrencyLimit = [](const StrategySpec &) { return 1; },
    .run = run,
}};

} // namespace

} // namespace concviz
