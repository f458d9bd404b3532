#include "numberformat.h"

#include "limits.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QVariant>

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

QString compactJson(const QJsonValue &v)
{
    switch (v.type()) {
    case QJsonValue::Bool:
        return v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case QJsonValue::Double:
        // A whole number read as one (a field ConcViz keeps without knowing it) is written back
        // digit for digit: through a double, 888888888888888889 would come back as …900.
        if (const QVariant n = v.toVariant(); n.typeId() == QMetaType::LongLong)
            return QString::number(n.toLongLong());
        return formatNumber(v.toDouble());
    case QJsonValue::String:
        return jsonString(v.toString());
    case QJsonValue::Array: {
        QStringList parts;
        for (const QJsonValue &item : v.toArray())
            parts.append(compactJson(item));
        return QLatin1Char('[') + parts.join(QStringLiteral(", ")) + QLatin1Char(']');
    }
    case QJsonValue::Object: {
        const QJsonObject o = v.toObject();
        QStringList parts;
        for (auto it = o.begin(); it != o.end(); ++it)
            parts.append(jsonString(it.key()) + QStringLiteral(": ") + compactJson(it.value()));
        return QLatin1Char('{') + parts.join(QStringLiteral(", ")) + QLatin1Char('}');
    }
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        break;
    }
    return QStringLiteral("null");
}

QString listInWords(QStringList words, const QString &conjunction)
{
    if (words.size() <= 1)
        return words.value(0);
    const QString last = words.takeLast();
    return words.join(QStringLiteral(", ")) + QLatin1Char(' ') + conjunction + QLatin1Char(' ') + last;
}

} // namespace concviz
