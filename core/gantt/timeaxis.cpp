#include "timeaxis.h"

#include <algorithm>
#include <cmath>

namespace concviz::gantt {

Micros tickStep(Micros start, Micros end, double width, double minGap)
{
    const double span = static_cast<double>(std::max<Micros>(end - start, 1));
    const double maxTicks = std::max(1.0, width / minGap);
    const double raw = span / maxTicks;
    const double magnitude = std::pow(10.0, std::floor(std::log10(std::max(raw, 1.0))));
    for (double m : {1.0, 2.0, 5.0, 10.0}) {
        if (m * magnitude >= raw)
            return std::max<Micros>(1, static_cast<Micros>(m * magnitude));
    }
    return static_cast<Micros>(10 * magnitude);
}

QString tickLabel(Micros t, Micros step)
{
    if (step >= 100000) {
        const int decimals = step >= 1000000 ? 0 : 1;
        return QStringLiteral("%1 s").arg(QString::number(static_cast<double>(t) / 1e6, 'f', decimals));
    }
    if (step >= 100) {
        const int decimals = step >= 1000 ? 0 : 1;
        return QStringLiteral("%1 ms").arg(QString::number(static_cast<double>(t) / 1e3, 'f', decimals));
    }
    return QStringLiteral("%1 µs").arg(t);
}

} // namespace concviz::gantt
