#include "strategydefinition.h"

#include "numberformat.h"

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
    QString named;
    for (const StrategyParam &p : namedParams())
        named += QStringLiteral("[,%1=%2]").arg(p.textKey, p.placeholder);
    if (positional.size() == 1 && positional.first().type == StrategyParam::Type::Choice) {
        QStringList forms;
        for (const QString &choice : positional.first().choices)
            forms.append(name + QLatin1Char(':') + choice);
        // The options once, after the last choice: wait:all_completed[,timeout=MS].
        forms.last() += named;
        return forms;
    }
    QString form = name;
    QStringList placeholders;
    for (const StrategyParam &p : positional)
        placeholders.append(p.placeholder);
    if (!placeholders.isEmpty())
        form += QLatin1Char(':') + placeholders.join(separator);
    return {form + named};
}

QString StrategyDefinition::needs() const
{
    const QList<StrategyParam> positional = positionalParams();
    if (positional.size() == 1 && positional.first().type == StrategyParam::Type::Choice)
    {
        QStringList quoted;
        for (const QString &choice : positional.first().choices)
            quoted.append(QLatin1Char('"') + choice + QLatin1Char('"'));
        return listInWords(quoted, QStringLiteral("or"));
    }
    if (positional.size() == 1 && !positional.first().need.isEmpty())
        return positional.first().need;
    QStringList placeholders;
    for (const StrategyParam &p : positional)
        placeholders.append(p.placeholder);
    return placeholders.join(separator);
}

} // namespace concviz
