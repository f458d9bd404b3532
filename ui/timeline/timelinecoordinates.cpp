#include "timelinecoordinates.h"

#include <algorithm>
#include <cmath>

namespace concviz::timeline {

double timeToX(Micros t, Micros start, Micros end, double left, double width)
{
    const double span = static_cast<double>(std::max<Micros>(end - start, 1));
    return left + static_cast<double>(t - start) * width / span;
}

Micros xToTime(double x, Micros start, Micros end, double left, double width)
{
    if (width <= 0)
        return start;
    const double span = static_cast<double>(std::max<Micros>(end - start, 1));
    return start + static_cast<Micros>(std::llround((x - left) * span / width));
}

void zoomAround(Micros anchor, double factor, Micros *start, Micros *end, Micros minSpan)
{
    const double span = static_cast<double>(*end - *start);
    const double newSpan = std::max(static_cast<double>(minSpan), span / factor);
    const double before = span > 0 ? static_cast<double>(anchor - *start) / span : 0.5;
    *start = anchor - static_cast<Micros>(std::llround(before * newSpan));
    *end = *start + static_cast<Micros>(std::llround(newSpan));
}

Micros tickStep(Micros start, Micros end, double width, double minPixels)
{
    const double span = static_cast<double>(std::max<Micros>(end - start, 1));
    const double maxTicks = std::max(1.0, width / minPixels);
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

} // namespace concviz::timeline
