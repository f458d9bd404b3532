#include "../../async/combinators.h"
#include "../../scenario/strategyregistry.h"
#include "../engine.h"

#include <algorithm>

namespace concviz {

namespace {

// The most tasks running at once: the batch, or fewer when concurrency is set.
int limit(const StrategySpec &spec)
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

// What the caller does, and the asyncio code it mirrors, as the help and the code panel show them.
const char summary[] = "batches of SIZE one after another, at most C at a time inside a batch";
const char asyncioCode[] = R"py(for batch in chunks(tasks, SIZE):
    await asyncio.gather(*(limited(t) for t in batch), return_exceptions=True))py";

const StrategyRegistration registration{StrategyDefinition{.name = QStringLiteral("batches"), .order = 90,
    .summary = QString::fromUtf8(summary), .asyncioCode = QString::fromUtf8(asyncioCode),
    .params = {countParam(QStringLiteral("size"), QStringLiteral("SIZE"), QStringLiteral("the batch size"), QStringLiteral("its batch size"),
                          QStringLiteral("How many tasks each batch holds.")),
               namedCountParam(QStringLiteral("concurrency"), QStringLiteral("C"),
                               QStringLiteral("At most this many at once inside a batch; all of the batch when left out."))},
    .examples = {QStringLiteral("batches:50"), QStringLiteral("batches:10,concurrency=5")}, .concurrencyLimit = limit, .run = run}};

} // namespace

} // namespace concviz
