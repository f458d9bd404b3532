#include "timeformat.h"

namespace concviz {

QString msNumber(Micros us)
{
    if (us % 1000 == 0)
        return QString::number(us / 1000);
    QString s = QString::number(static_cast<double>(us) / 1000.0, 'f', 3);
    while (s.endsWith(QLatin1Char('0')))
        s.chop(1);
    return s;
}

QString humanDuration(Micros us)
{
    const double ms = static_cast<double>(us) / 1000.0;
    if (ms < 1000.0)
        return QStringLiteral("%1 ms").arg(ms < 10.0 ? QString::number(ms, 'f', 1) : QString::number(qRound(ms)));
    if (ms < 60000.0)
        return QStringLiteral("%1 s").arg(QString::number(ms / 1000.0, 'f', 3));
    const qint64 minutes = static_cast<qint64>(ms / 60000.0);
    return QStringLiteral("%1 min %2 s").arg(minutes).arg(QString::number((ms - static_cast<double>(minutes) * 60000.0) / 1000.0, 'f', 1));
}

} // namespace concviz
