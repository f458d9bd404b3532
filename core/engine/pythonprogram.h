#pragma once

#include "../scenario/scenario.h"

#include <QString>

namespace concviz {

// A scenario run under one strategy, written as the Python 3.11 program it stands for: the tasks as
// `async def` functions, the strategy as the asyncio code its definition mirrors (gather, TaskGroup,
// a Semaphore, a Queue and its workers, ...), with the scenario's timeouts, deadline, retries,
// executor and caller steps. It uses the standard library only, prints what happens as a lesson
// does, and with --json prints its measured times in the shape of `concviz run --format json`.
class PythonProgram
{
public:
    // `source` is the file the scenario came from, named in the program's opening lines (may be empty).
    PythonProgram(const Scenario &scenario, const StrategySpec &strategy, const QString &source = {});

    // The whole program, UTF-8 text ending in a newline.
    QString text() const;
    // What a lesson is about, as the window's code panel shows it: the tasks and the strategy,
    // without the bookkeeping that records and prints what happened. Of a scenario of many tasks,
    // the first `shownTasks` and a line that says how many more text() has.
    QString essentials(int shownTasks = essentialTasks) const;
    static constexpr int essentialTasks = 50;
    // The line (from 0) of `code`, a text() or essentials() of some program, where the caller is
    // while its step `callerStep` runs (a caller step's name, or a pause "pause 100 ms"), or, with
    // no step, where it awaits the strategy: the last await of `main()` outside the functions
    // defined in it. -1 when there is no such line.
    static int callerLine(const QString &code, const QString &callerStep);

private:
    QString header() const;
    QString settings() const;
    QString helpers() const;
    QString httpClientSetting() const;
    // The first `shown` tasks' functions and entries, and a line for the rest.
    QString taskFunctions(int shown) const;
    QString taskList(int shown) const;
    QString runTask() const;
    QString strategyCode() const;
    QString callerSteps(const QString &indent) const;
    QString runner() const;

    bool usesKind(const QString &kind) const;
    bool usesOffload() const;
    bool usesCpu() const;
    bool usesDemoUrls() const;
    bool hasTimeouts() const;

    Scenario m_scenario;
    StrategySpec m_strategy;
    QString m_source;
    QStringList m_functionNames; // one per entry of m_scenario.tasks
};

} // namespace concviz
