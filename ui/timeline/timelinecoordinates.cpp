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

} // namespace concviz::timeline
