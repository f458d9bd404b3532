#include "scenario.h"




namespace concviz {

QList<TaskInstance> Scenario::instances() const
{
    QList<TaskInstance> out;
    qsizetype total = 0;
    for (const TaskSpec &t : tasks)
        total += t.count;
    out.reserve(total);
    for (int i = 0; i < tasks.size(); ++i) {
        const TaskSpec &t = tasks[i];
        if (t.count == 1) {
            out.append({t.name, i});
            continue;
        }
        for (int k = 1; k <= t.count; ++k)
            out.append({t.name + QLatin1Char('#') + QString::number(k), i});
    }
    return out;
}

std::optional<double> Scenario::timeoutFor(const TaskSpec &task) const
{
    return task.timeoutMs ? task.timeoutMs : timeoutMs;
}

QList<StrategySpec> Scenario::compareOrDefault() const
{
    if (!compare.isEmpty())
        return compare;
    StrategySpec sequential;
    sequential.name = QStringLiteral("sequential");
    StrategySpec gather;
    gather.name = QStringLiteral("gather");
    return {sequential, gather};
}

} // namespace concviz
