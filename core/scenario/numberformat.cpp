#include "numberformat.h"

#include "limits.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>

#include <cmath>

namespace concviz {

QString formatNumber(double value)
{
    if (value == std::floor(value) && std::fabs(value) < 9007199254740992.0)
        return QString::number(static_cast<qint64>(value));
    return QString::number(value, 'g', QLocale::FloatingPointShortest);
}

QString formatLongDuration(double ms)
{
    const double hours = ms / 3600000.0;
    if (hours >= 48)
        return QStringLiteral("%1 days").arg(formatNumber(std::floor(hours / 24)));
    return QStringLiteral("%1 hours").arg(QString::number(hours, 'f', 1));
}

QString lateStartProblem(double lastStartMs, int tasks)
{
    if (lastStartMs <= Limits::maxMs)
        return {};
    return QStringLiteral("the last of %1 tasks would start after %2, past the 24 hours a run may take")
        .arg(tasks)
        .arg(formatLongDuration(lastStartMs));
}

QString jsonString(const QString &text)
{
    // QJsonDocument escapes strings the way JSON wants; strip the array around it.
    const QByteArray a = QJsonDocument(QJsonArray{text}).toJson(QJsonDocument::Compact);
    return QString::fromUtf8(a.mid(1, a.size() - 2));
}

} // namespace concviz
