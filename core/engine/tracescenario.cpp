#include "tracescenario.h"

#include "scenario/limits.h"
#include "scenario/taskkinddefinition.h"
#include "scenario/taskkindregistry.h"

#include <QFileInfo>
#include <QSet>

#include <algorithm>
#include <cmath>

namespace concviz {

namespace {

// Milliseconds to a tenth, as a person would type them.
double ms(Micros us)
{
    return std::round(toMs(us) * 10.0) / 10.0;
}

// A task of a kind every build registers (sleep, blocking, fail), as the editor adds one.
TaskSpec taskOf(const QString &kind, const QString &name)
{
    return TaskKindRegistry::find(kind)->makeTask(name);
}

} // namespace

Scenario TraceScenario::from(const Trace &trace, const QString &source)
{
    const QString program = trace.scenario.isEmpty() ? QFileInfo(source).fileName() : trace.scenario;
    Scenario s;
    s.name = QStringLiteral("%1, from a trace").arg(program);
    s.lesson = QStringLiteral("your own tasks under other strategies");

    QSet<QString> parents;
    for (const TaskTrace &t : trace.tasks)
        if (!t.extras().parent.isEmpty())
            parents.insert(t.extras().parent);

    int blocking = 0;
    int left = 0;
    for (const TaskTrace &t : trace.tasks) {
        if (t.thread || parents.contains(t.name) || t.start < 0) {
            ++left;
            continue;
        }
        if (s.tasks.size() >= Limits::maxTasks)
            break;
        const Micros end = t.end >= 0 ? t.end : trace.makespan();
        Micros held = 0;
        Micros imposed = 0;
        for (const PhaseSpan &p : t.phases) {
            const Micros until = p.end >= 0 ? p.end : end;
            if (p.start < t.start || until <= p.start)
                continue; // before its first step: what the strategy of the scenario will impose again
            if (p.kind == PhaseKind::HoldsLoop)
                held += until - p.start;
            else if (t.waitsInBody(p) || p.kind == PhaseKind::WaitSemaphore || p.kind == PhaseKind::WaitQueue)
                imposed += until - p.start;
        }
        const Micros own = std::max<Micros>(0, end - t.start - imposed);
        TaskSpec task;
        if (t.outcome == Outcome::Failed) {
            task = taskOf(QStringLiteral("fail"), t.name);
            task.fields.insert(QStringLiteral("duration_ms"), ms(own));
            if (!t.error.isEmpty())
                task.fields.insert(QStringLiteral("error"), t.error.left(200));
        } else if (held * 2 > own) {
            task = taskOf(QStringLiteral("blocking"), t.name);
            task.fields.insert(QStringLiteral("duration_ms"), ms(held));
            ++blocking;
        } else {
            task = taskOf(QStringLiteral("sleep"), t.name);
            task.fields.insert(QStringLiteral("duration_ms"), ms(own));
        }
        s.tasks.append(task);
    }

    s.strategy = StrategySpec{QStringLiteral("gather"), {}};
    QString error;
    const auto semaphore = StrategySpec::parse(QStringLiteral("semaphore:%1").arg(std::max<qsizetype>(2, s.tasks.size() / 3)), &error);
    s.compare = {StrategySpec{QStringLiteral("sequential"), {}}, StrategySpec{QStringLiteral("gather"), {}}};
    if (semaphore && s.tasks.size() > 3)
        s.compare.append(*semaphore);

    s.description = QStringLiteral(
        "Made from the trace %1 (%2, which took %3 ms): each of its %4 tasks is here the time it took of its own, "
        "from its first step to its end, without the waits a strategy imposes (a semaphore, a queue, a lock, a "
        "thread, a blocked loop). Run it to see what the same work does under other strategies.")
                        .arg(QFileInfo(source).fileName(), program, QString::number(ms(trace.makespan()), 'f', 1))
                        .arg(s.tasks.size());
    if (blocking > 0)
        s.description += QStringLiteral(" %1 held the event loop for most of their time and are blocking work here.").arg(blocking);
    if (left > 0)
        s.description += QStringLiteral(" Left out: %1 that never ran, started the others (the program's main) or were executor threads.").arg(left);
    return s;
}

} // namespace concviz
