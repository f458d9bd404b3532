#include "strategyparam.h"

#include "numberformat.h"

#include <cmath>

namespace concviz {

std::optional<QVariant> StrategyParam::read(const QString &input, QString *error) const
{
    const QString text = input.trimmed();
    switch (type) {
    case Type::Count: {
        bool ok = false;
        const int value = text.toInt(&ok);
        if (!ok || value < 1 || value > Limits::maxTasks) {
            *error = QStringLiteral("%1 must be a whole number from 1 to %2, not \"%3\"").arg(what).arg(Limits::maxTasks).arg(input);
            return std::nullopt;
        }
        return QVariant(value);
    }
    case Type::Millis: {
        bool ok = false;
        const double value = text.toDouble(&ok);
        if (!ok || !std::isfinite(value) || value < 0 || (!allowZero && value == 0) || value > Limits::maxMs) {
            *error = QStringLiteral("%1 must be a number of milliseconds %2 24 hours, not \"%3\"")
                         .arg(what, allowZero ? QStringLiteral("from 0 to") : QStringLiteral("above 0 and at most"), input);
            return std::nullopt;
        }
        return QVariant(value);
    }
    case Type::Flag:
        if (text != key) {
            *error = QStringLiteral("%1 is written \"%2\", not \"%3\"").arg(what, key, input);
            return std::nullopt;
        }
        return QVariant(true);
    case Type::Choice:
        if (!choices.contains(text)) {
            *error = QStringLiteral("%1 must be \"%2\", not \"%3\"").arg(what, choices.join(QStringLiteral("\" or \"")), input);
            return std::nullopt;
        }
        return QVariant(text);
    }
    return std::nullopt;
}

QString StrategyParam::write(const QVariant &value) const
{
    switch (type) {
    case Type::Count:
        return QString::number(value.toInt());
    case Type::Millis:
        return formatNumber(value.toDouble());
    case Type::Flag:
        return key;
    case Type::Choice:
        return value.toString();
    }
    return {};
}

StrategyParam countParam(const QString &key, const QString &placeholder, const QString &what, const QString &need, const QString &help)
{
    return {.type = StrategyParam::Type::Count, .key = key, .placeholder = placeholder, .what = what, .need = need, .help = help};
}

StrategyParam millisParam(const QString &key, const QString &placeholder, const QString &what, const QString &help)
{
    return {.type = StrategyParam::Type::Millis, .key = key, .placeholder = placeholder, .what = what, .help = help};
}

StrategyParam namedCountParam(const QString &key, const QString &placeholder, const QString &help)
{
    return {.type = StrategyParam::Type::Count, .key = key, .textKey = key, .placeholder = placeholder, .what = key, .help = help};
}

StrategyParam namedMillisParam(const QString &key, const QString &textKey, const QString &placeholder, const QString &help)
{
    return {.type = StrategyParam::Type::Millis,
            .key = key,
            .textKey = textKey,
            .placeholder = placeholder,
            .what = textKey,
            .help = help,
            .allowZero = true};
}

StrategyParam flagParam(const QString &key, const QString &what, const QString &help)
{
    return {.type = StrategyParam::Type::Flag, .key = key, .what = what, .help = help};
}

StrategyParam choiceParam(const QString &key, const QStringList &choices, const QString &what, const QString &help)
{
    return {.type = StrategyParam::Type::Choice, .key = key, .what = what, .help = help, .choices = choices};
}

bool StrategyParam::isUnset(const QVariant &value)
{
    if (!value.isValid())
        return true;
    if (value.typeId() == QMetaType::Bool)
        return !value.toBool();
    if (value.typeId() == QMetaType::QString)
        return value.toString().isEmpty();
    return value.toDouble() == 0;
}

} // namespace concviz
