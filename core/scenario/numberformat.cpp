#include "numberformat.h"

#include <QLocale>

#include <cmath>

namespace concviz {

QString formatNumber(double value)
{
    if (value == std::floor(value) && std::fabs(value) < 9007199254740992.0)
        return QString::number(static_cast<qint64>(value));
    return QString::number(value, 'g', QLocale::FloatingPointShortest);
}

} // namespace concviz
