#include "../../async/combinators.h"
#include "../../async/hostturn.h"
#include "../../scenario/numberformat.h"
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

// Each batch starts when the previous one has completely finished, after the pause when one is set;
// within a batch at most `concurrency` run at once when it is set. Each batch's end says how far
// the run has got, as a progress bar would.
Task<void> run(Engine &engine, const StrategySpec &spec)
{
    const int size = spec.count(QStringLiteral("size"));
    const int concurrency = spec.count(QStringLiteral("concurrency"));
    const double pauseMs = spec.millis(QStringLiteral("pause_ms"));
    const int total = engine.taskCount();
    const int batches = (total + size - 1) / size;
    for (int first = 0, batch = 1; first < total; first += size, ++batch) {
        if (batch > 1 && pauseMs > 0)
            co_await engine.callerPause(fromMs(pauseMs), QStringLiteral("pause %1 ms").arg(formatNumber(pauseMs)));
        Engine::Admission admission;
        if (concurrency > 0)
            admission.semaphore = &engine.own<Semaphore>(concurrency);
        std::vector<Task<void>> tasks;
        const int last = std::min(total, first + size);
        for (int i = first; i < last && !engine.isStopping(); ++i) {
            co_await hostTurn(engine.clock());
            engine.created(i);
            tasks.push_back(engine.runTask(i, admission));
        }
        co_await whenAll(tasks);
        engine.mark(MarkerKind::CallerResumed, QStringLiteral("batch %1 of %2 done: %3 of %4").arg(batch).arg(batches).arg(last).arg(total));
    }
}

// The pauses alone must fit in a run.
QString checkSchedule(const StrategySpec &spec, int tasks)
{
    const int size = std::max(1, spec.count(QStringLiteral("size")));
    const int batches = (tasks + size - 1) / size;
    return lateStartProblem(static_cast<double>(batches - 1) * spec.millis(QStringLiteral("pause_ms")), tasks);
}

// What the caller does, and the asyncio code it mirrors, as the help and the code panel show them.
const char summary[] = "batches of SIZE one after another, at most C at a time inside a batch, a pause of MS between batches";
const char asyncioCode[] = R"py(for n, batch in enumerate(chunks(tasks, SIZE)):
    if n > 0:
        await asyncio.sleep(PAUSE)  # when a pause is set
    await asyncio.gather(*(limited(t) for t in batch), return_exceptions=True)
    print(f"{done} of {len(tasks)} done"))py";

const StrategyRegistration registration{StrategyDefinition{.name = QStringLiteral("batches"), .order = 90,
    .summary = QString::fromUtf8(summary), .asyncioCode = QString::fromUtf8(asyncioCode),
    .params = {countParam(QStringLiteral("size"), QStringLiteral("SIZE"), QStringLiteral("the batch size"), QStringLiteral("its batch size"),
                          QStringLiteral("How many tasks each batch holds.")),
               namedCountParam(QStringLiteral("concurrency"), QStringLiteral("C"),
                               QStringLiteral("At most this many at once inside a batch; all of the batch when left out.")),
               namedMillisParam(QStringLiteral("pause_ms"), QStringLiteral("pause"), QStringLiteral("MS"),
                                QStringLiteral("A pause after every batch but the last, as a polite scraper takes."))},
    .examples = {QStringLiteral("batches:50"), QStringLiteral("batches:10,concurrency=5"), QStringLiteral("batches:10,pause=500")}, .concurrencyLimit = limit, .checkSchedule = checkSchedule,
    .run = run}};

} // namespace

} // namespace concviz
