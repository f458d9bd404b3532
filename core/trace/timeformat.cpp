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
    if (ms < 3600000.0) {
        const qint64 minutes = static_cast<qint64>(ms / 60000.0);
        return QStringLiteral("%1 min %2 s").arg(minutes).arg(QString::number((ms - static_cast<double>(minutes) * 60000.0) / 1000.0, 'f', 1));
    }
    // Past an hour the seconds' tenths say nothing: "3 h 12 min 5 s".
    const qint64 seconds = static_cast<qint64>(ms / 1000.0);
    return QStringLiteral("%1 h %2 min %3 s").arg(seconds / 3600).arg(seconds % 3600 / 60).arg(seconds % 60);
}

} // namespace concviz
