#include "tracescenario.h"

#include "scenario/limits.h"
#include "scenario/taskkinddefinition.h"
#include "scenario/taskkindregistry.h"

#include <QFileInfo>
#include <QLocale>
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

// Folds `task` into `last` when it is the next of the copies a count makes (name#1, name#2, ...,
// alike in all but the name): a million-task run read back is one task of the editor again, with
// its count, not a million rows.
bool foldCopy(TaskSpec &last, const TaskSpec &task)
{
    const qsizetype hash = task.name.lastIndexOf(QLatin1Char('#'));
    if (hash <= 0)
        return false;
    bool ok = false;
    const QStringView number = QStringView(task.name).mid(hash + 1);
    const int copy = number.toInt(&ok);
    // Written as a count writes it: "#07" or "#+7" is a name of its own.
    if (!ok || copy < 2 || number != QString::number(copy) || task.kind != last.kind || task.timeoutMs != last.timeoutMs || task.fields != last.fields)
        return false;
    const QStringView base = QStringView(task.name).left(hash);
    const QStringView withHash = QStringView(task.name).left(hash + 1);
    if (last.count == 1 && copy == 2 && last.name.size() == hash + 2 && last.name.startsWith(withHash) && last.name.endsWith(QLatin1Char('1')))
        last.name = base.toString();
    else if (last.count < 2 || copy != last.count + 1 || last.name != base)
        return false;
    last.count = copy;
    return true;
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
    qint64 tasks = 0;
    for (const TaskTrace &t : trace.tasks) {
        if (t.thread || parents.contains(t.name) || t.start < 0) {
            ++left;
            continue;
        }
        if (tasks >= Limits::maxTasks)
            break;
        ++tasks;
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
        if (s.tasks.isEmpty() || !foldCopy(s.tasks.last(), task))
            s.tasks.append(task);
    }

    s.strategy = StrategySpec{QStringLiteral("gather"), {}};
    QString error;
    const auto semaphore = StrategySpec::parse(QStringLiteral("semaphore:%1").arg(std::max<qint64>(2, tasks / 3)), &error);
    s.compare = {StrategySpec{QStringLiteral("sequential"), {}}, StrategySpec{QStringLiteral("gather"), {}}};
    if (semaphore && tasks > 3)
        s.compare.append(*semaphore);

    s.description = QStringLiteral(
        "Made from the trace %1 (%2, which took %3 ms): each of its %4 tasks is here the time it took of its own, "
        "from its first step to its end, without the waits a strategy imposes (a semaphore, a queue, a lock, a "
        "thread, a blocked loop). Run it to see what the same work does under other strategies.")
                        .arg(QFileInfo(source).fileName(), program, QString::number(ms(trace.makespan()), 'f', 1))
                        .arg(QLocale(QLocale::English).toString(tasks)); // "1,000,000", legible from the back of a room
    if (blocking > 0)
        s.description += QStringLiteral(" %1 held the event loop for most of their time and are blocking work here.").arg(blocking);
    if (left > 0)
        s.description += QStringLiteral(" Left out: %1 that never ran, started the others (the program's main) or were executor threads.").arg(left);
    return s;
}

} // namespace concviz
