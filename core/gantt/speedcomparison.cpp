#include "speedcomparison.h"

#include <QCoreApplication>

#include <cmath>

namespace concviz {

QString speedComparison(Micros baseline, Micros makespan)
{
    if (baseline <= 0 || makespan <= 0)
        return {};
    const double ratio = static_cast<double>(baseline) / static_cast<double>(makespan);
    if (std::abs(ratio - 1.0) < 0.005)
        return {};
    return ratio > 1 ? QCoreApplication::translate("SpeedComparison", "%1× faster").arg(QString::number(ratio, 'f', 2))
                     : QCoreApplication::translate("SpeedComparison", "%1× slower").arg(QString::number(1.0 / ratio, 'f', 2));
}

} // namespace concviz
