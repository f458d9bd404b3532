#pragma once

#include "scenario.h"

#include <QStringList>

namespace concviz {

// Checks a scenario held in memory (as the editor holds it) against the same field declarations
// and with the same messages as a file gets: "tasks[0].duration_ms: must be a non-negative number".
namespace ScenarioValidator {

// One problem and where it is: "tasks[0].duration_ms", "must be a non-negative number".
struct Problem
{
    QString path;
    QString message;
    QString text() const { return path + QStringLiteral(": ") + message; }
};

// Every problem, each starting with its JSON path; empty when the scenario is valid.
QStringList problems(const Scenario &scenario);
// A schedule that cannot fit in the 24 hours a run may take, though each value is sound: waits
// between retries that add up past it, a strategy that would start its last task after it; and
// caller steps with a strategy that cannot run them.
QList<Problem> scheduleProblems(const Scenario &scenario);
// Why `strategy` cannot run the scenario's caller steps, or empty.
QString callerProblem(const Scenario &scenario, const StrategySpec &strategy);
// What is wrong with a task list of `entries` entries that expand to `tasks` tasks, or empty.
QString taskCountProblem(qsizetype entries, qint64 tasks);

} // namespace ScenarioValidator

} // namespace concviz
