#include "../../async/combinators.h"
#include "../../scenario/strategyregistry.h"
#include "../engine.h"

#include <algorithm>

namespace concviz {

namespace {

// The most tasks running at once: the batch, or fewer when concurrency is set.
int batchLimit(const StrategySpec &spec)
{
    const int size = spec.count(QStringLiteral("size"));
    const int concurrency = spec.count(QStringLiteral("concurrency"));
    return concurrency > 0 ? std::min(concurrency, size) : size;
}

// Each batch starts when the previous one has completely finished; within a batch at most
// `concurrency` run at once when it is set.
Task<void> run(Engine &engine, const StrategySpec &spec)
{
    const int size = spec.count(QStringLiteral("size"));
    const int concurrency = spec.count(QStringLiteral("concurrency"));
    const int total = engine.taskCount();
    for (int first = 0, batch = 1; first < total; first += size, ++batch) {
        Engine::Admission admission;
        if (concurrency > 0)
            admission.semaphore = &engine.own<Semaphore>(concurrency);
        std::vector<Task<void>> tasks;
        const int last = std::min(total, first + size);
        for (int i = first; i < last; ++i) {
            engine.created(i);
            tasks.push_back(engine.runTask(i, admission));
        }
        co_await whenAll(std::move(tasks));
        engine.mark(MarkerKind::CallerResumed, QStringLiteral("batch %1 done").arg(batch));
    }
}

const StrategyRegistration registration{StrategyDefinition{
    .name = QStringLiteral("batches"),
    .order = 90,
    .summary = QStringLiteral("batches of SIZE one after another, at most C at a time inside a batch"),
    .asyncioCode = QStringLiteral(
        "for batch in chunks(tasks, SIZE):\n"
        "    await asyncio.gather(*(limited(t) for t in batch), return_exceptions=True)\n"),
    .params =
        {
            StrategyParam{
                .type = StrategyParam::Type::Count,
                .key = QStringLiteral("size"),
                .placeholder = QStringLiteral("SIZE"),
                .what = QStringLiteral("the batch size"),
                .need = QStringLiteral("its batch size"),
                .help = QStringLiteral("How many tasks each batch holds."),
                .unit = QStringLiteral("tasks"),
            },
            StrategyParam{
                .type = StrategyParam::Type::Count,
                .key = QStringLiteral("concurrency"),
                .textKey = QStringLiteral("concurrency"),
                .placeholder = QStringLiteral("C"),
                .what = QStringLiteral("concurrency"),
                .help = QStringLiteral("At most this many at once inside a batch; all of the batch when left out."),
                .unit = QStringLiteral("tasks"),
            },
        },
    .examples = {QStringLiteral("batches:50"), QStringLiteral("batches:10,concurrency=5")},
    .concurrencyLimit = batchLimit,
    .run = run,
}};

} // namespace

} // namespace concviz
