#pragma once

// Small helpers shared by the tests: building scenarios from JSON text and looking at traces.

#include "engine/comparison.h"
#include "scenario/scenarioreader.h"
#include "trace/statistics.h"
#include "trace/trace.h"

#include <QTest>

namespace concviz::test {

inline Scenario scenarioFrom(const QByteArray &json)
{
    ScenarioReadResult result = ScenarioReader::read(json, QStringLiteral("<test>"));
    if (!result.scenario)
        qFatal("test scenario is invalid: %s", qPrintable(result.errors.join(QLatin1Char('\n'))));
    return *result.scenario;
}

inline StrategySpec strategy(const QString &text)
{
    QString error;
    const auto spec = StrategySpec::parse(text, &error);
    if (!spec)
        qFatal("bad strategy in test: %s", qPrintable(error));
    return *spec;
}

inline Trace runOn(ClockKind clock, const Scenario &scenario, const QString &strategyText)
{
    QString internalError;
    Trace trace = Comparison::run(scenario, {strategy(strategyText)}, clock, &internalError).value(0);
    if (!internalError.isEmpty())
        qWarning("internal error: %s", qPrintable(internalError));
    return trace;
}

inline const TaskTrace &task(const Trace &trace, const QString &name)
{
    for (const TaskTrace &t : trace.tasks)
        if (t.name == name)
            return t;
    qFatal("no task named %s", qPrintable(name));
}

// Milliseconds, for readable comparisons; -1 stays -1.
inline double ms(Micros us)
{
    return us < 0 ? -1 : static_cast<double>(us) / 1000.0;
}

} // namespace concviz::test
