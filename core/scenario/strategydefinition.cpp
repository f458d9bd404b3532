#include "strategydefinition.h"

namespace concviz {

QList<StrategyParam> StrategyDefinition::positionalParams() const
{
    QList<StrategyParam> out;
    for (const StrategyParam &p : params)
        if (p.isPositional())
            out.append(p);
    return out;
}

QList<StrategyParam> StrategyDefinition::namedParams() const
{
    QList<StrategyParam> out;
    for (const StrategyParam &p : params)
        if (!p.isPositional())
            out.append(p);
    return out;
}

QStringList StrategyDefinition::syntaxForms() const
{
    const QList<StrategyParam> positional = positionalParams();
    if (positional.size() == 1 && positional.first().type == StrategyParam::Type::Flag)
        return {name, name + QLatin1Char(':') + positional.first().key};
    if (positional.size() == 1 && positional.first().type == StrategyParam::Type::Choice) {
        QStringList forms;
        for (const QString &choice : positional.first().choices)
            forms.append(name + QLatin1Char(':') + choice);
        return forms;
    }
    QString form = name;
    QStringList placeholders;
    for (const StrategyParam &p : positional)
        placeholders.append(p.placeholder);
    if (!placeholders.isEmpty())
        form += QLatin1Char(':') + placeholders.join(separator);
    for (const StrategyParam &p : namedParams())
        form += QStringLiteral("[,%1=%2]").arg(p.textKey, p.placeholder);
    return {form};
}

QString StrategyDefinition::needs() const
{
    const QList<StrategyParam> positional = positionalParams();
    if (positional.size() == 1 && positional.first().type == StrategyParam::Type::Choice)
        return QLatin1Char('"') + positional.first().choices.join(QStringLiteral("\" or \"")) + QLatin1Char('"');
    if (positional.size() == 1 && !positional.first().need.isEmpty())
        return positional.first().need;
    QStringList placeholders;
    for (const StrategyParam &p : positional)
        placeholders.append(p.placeholder);
    return placeholders.join(separator);
}

} // namespace concviz
