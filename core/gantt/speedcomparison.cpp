#include "speedcomparison.h"

#include <QCoreApplication>
#include <QLocale>

#include <cmath>

namespace concviz {

QString speedComparison(Micros baseline, Micros makespan)
{
    if (baseline <= 0 || makespan <= 0)
        return {};
    const double ratio = static_cast<double>(baseline) / static_cast<double>(makespan);
    if (std::abs(ratio - 1.0) < 0.005)
        return QCoreApplication::translate("SpeedComparison", "the same");
    if (std::abs(ratio - 1.0) < 0.02)
        return QCoreApplication::translate("SpeedComparison", "about the same");
    return ratio > 1 ? QCoreApplication::translate("SpeedComparison", "%1× faster").arg(QString::number(ratio, 'f', 2))
                     : QCoreApplication::translate("SpeedComparison", "%1× slower").arg(QString::number(1.0 / ratio, 'f', 2));
}

QString runComparison(const Statistics &first, const Statistics &run)
{
    const int tasks = run.ok + run.failed + run.timeout + run.cancelled;
    if (run.cancelled > 0)
        return QCoreApplication::translate("SpeedComparison", "cut short: %1 of %2 cancelled").arg(run.cancelled).arg(tasks);
    if (first.cancelled > 0)
        return QCoreApplication::translate("SpeedComparison", "the first run was cut short");
    return speedComparison(first.makespan, run.makespan);
}

bool isSpeedComparison(const QString &comparison)
{
    return comparison.endsWith(QStringLiteral(" faster")) || comparison.endsWith(QStringLiteral(" slower"));
}

QString speedupText(const Statistics &stats)
{
    if (stats.makespan <= 0 || stats.sum <= 0)
        return QStringLiteral("–");
    if (stats.speedup < 0.005)
        return QStringLiteral("< 0.01×"); // work was done: never a speedup of zero
    // "1,000,000.00×" for a million tasks at once, in the reader's own digits.
    return QLocale().toString(stats.speedup, 'f', 2) + QStringLiteral("×");
}

} // namespace concviz
