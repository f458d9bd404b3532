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

// One task at a time.
int limit(const StrategySpec &)
{
    return 1;
}

// What the caller does, and the asyncio code it mirrors, as the help and the code panel show them.
const char summary[] = "for t in tasks: await t(); a failure is recorded and the loop goes on";
const char asyncioCode[] = R"py(for t in tasks:
    try:
        await t()
    except Exception as e:
        log(e))py";

const StrategyRegistration registration{StrategyDefinition{.name = QStringLiteral("sequential"), .order = 10,
    .summary = QString::fromUtf8(summary), .asyncioCode = QString::fromUtf8(asyncioCode),
    .examples = {QStringLiteral("sequential")}, .concurrencyLimit = limit, .run = run}};

} // namespace

} // namespace concviz
