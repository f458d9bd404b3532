#include "strategyspec.h"

#include "numberformat.h"
#include "strategyregistry.h"

#include <QJsonObject>
#include <QStringList>

#include <algorithm>

namespace concviz {

namespace {

// "maxsize=M and interval=MS": the named parameters a strategy knows, for its messages.
QString namedSyntax(const StrategyDefinition &d)
{
    QStringList parts;
    for (const StrategyParam &p : d.namedParams())
        parts.append(p.textKey + QLatin1Char('=') + p.placeholder);
    return listInWords(parts, QStringLiteral("and"));
}

// Reads the part after the colon: positional values, then key=value pairs.
bool readArguments(const StrategyDefinition &d, const QString &args, StrategySpec &spec, QString *error)
{
    const QList<StrategyParam> positional = d.positionalParams();
    const QList<StrategyParam> named = d.namedParams();
    const QString example = d.examples.value(0, d.name);
    if (positional.isEmpty() && named.isEmpty()) {
        *error = QStringLiteral("strategy \"%1\" takes no parameters").arg(d.name);
        return false;
    }
    const bool onlyFlags = std::all_of(d.params.begin(), d.params.end(),
                                       [](const StrategyParam &p) { return p.type == StrategyParam::Type::Flag; });
    // Without named parameters a comma is part of the value, and the value is refused as a whole.
    QStringList pieces = named.isEmpty() ? QStringList() : args.split(QLatin1Char(','));
    const QString head = named.isEmpty() ? args : pieces.takeFirst();
    if (!positional.isEmpty()) {
        const QStringList values = positional.size() == 1 ? QStringList{head} : head.split(d.separator);
        if (!onlyFlags && (head.trimmed().isEmpty() || values.size() != positional.size())) {
            *error = QStringLiteral("%1 needs %2, as in %3").arg(d.name, d.needs(), example);
            return false;
        }
        for (qsizetype i = 0; i < positional.size(); ++i) {
            const StrategyParam &p = positional[i];
            QString problem;
            const std::optional<QVariant> value = p.read(values[i], &problem);
            if (!value) {
                if (onlyFlags) {
                    QStringList words;
                    for (const StrategyParam &f : positional)
                        words.append(QLatin1Char('"') + f.key + QLatin1Char('"'));
                    *error = QStringLiteral("%1 takes only %2, not \"%3\"").arg(d.name, listInWords(words, QStringLiteral("or")), args);
                } else if (p.type == StrategyParam::Type::Choice) {
                    *error = QStringLiteral("%1 needs %2, as in %3").arg(d.name, d.needs(), example);
                } else {
                    *error = problem;
                }
                return false;
            }
            spec.values.insert(p.key, *value);
        }
    }
    for (const QString &piece : pieces) {
        const QString key = piece.section(QLatin1Char('='), 0, 0).trimmed();
        const QString value = piece.section(QLatin1Char('='), 1);
        const auto it = std::find_if(named.begin(), named.end(), [&](const StrategyParam &p) { return p.textKey == key; });
        if (it == named.end() || !piece.contains(QLatin1Char('='))) {
            *error = QStringLiteral("%1 knows %2, not \"%3\"").arg(d.name, namedSyntax(d), piece);
            return false;
        }
        const std::optional<QVariant> read = it->read(value, error);
        if (!read)
            return false;
        // A value equal to leaving it out (interval=0) is left out, so both forms compare equal.
        if (!StrategyParam::isUnset(*read))
            spec.values.insert(it->key, *read);
    }
    return true;
}

} // namespace

const StrategyDefinition *StrategySpec::definition() const
{
    return StrategyRegistry::find(name);
}

QString strategySyntaxHelp()
{
    QStringList forms;
    for (const StrategyDefinition *d : StrategyRegistry::all())
        forms += d->syntaxForms();
    return forms.join(QStringLiteral(", "));
}

std::optional<StrategySpec> StrategySpec::parse(const QString &input, QString *error)
{
    const QString text = input.trimmed();
    const qsizetype colon = text.indexOf(QLatin1Char(':'));
    const QString name = colon < 0 ? text : text.left(colon);
    const StrategyDefinition *d = StrategyRegistry::find(name);
    if (!d) {
        *error = QStringLiteral("unknown strategy \"%1\"; known: %2").arg(text, strategySyntaxHelp());
        return std::nullopt;
    }
    StrategySpec spec;
    spec.name = d->name;
    if (colon >= 0)
        return readArguments(*d, text.mid(colon + 1), spec, error) ? std::optional(spec) : std::nullopt;
    // Without a colon every positional parameter must be optional: a flag.
    for (const StrategyParam &p : d->positionalParams()) {
        if (p.type != StrategyParam::Type::Flag) {
            *error = QStringLiteral("%1 needs %2, as in %3").arg(d->name, d->needs(), d->examples.value(0, d->name));
            return std::nullopt;
        }
    }
    return spec;
}

std::optional<QList<StrategySpec>> StrategySpec::parseList(const QString &text, QString *error)
{
    QStringList pieces;
    for (const QString &piece : text.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        if (!pieces.isEmpty() && piece.contains(QLatin1Char('=')) && !piece.contains(QLatin1Char(':')))
            pieces.last() += QLatin1Char(',') + piece.trimmed();
        else
            pieces.append(piece.trimmed());
    }
    QList<StrategySpec> specs;
    for (const QString &piece : pieces) {
        const std::optional<StrategySpec> spec = parse(piece, error);
        if (!spec)
            return std::nullopt;
        specs.append(*spec);
    }
    return specs;
}

std::optional<StrategySpec> StrategySpec::fromJson(const QJsonValue &value, QString *error)
{
    if (value.isString())
        return parse(value.toString(), error);
    if (!value.isObject()) {
        *error = QStringLiteral("must be a string such as \"semaphore:3\" or an object with a \"type\"");
        return std::nullopt;
    }
    // The object form names each parameter; it is turned into the string form so both forms
    // share one set of checks.
    const QJsonObject o = value.toObject();
    const QString type = o.value(QLatin1String("type")).toString();
    const StrategyDefinition *d = StrategyRegistry::find(type);
    if (!d)
        return parse(type, error);
    auto field = [&](const QString &key) {
        const QJsonValue v = o.value(key);
        return v.isDouble() ? formatNumber(v.toDouble()) : v.toString();
    };
    QStringList positional;
    for (const StrategyParam &p : d->positionalParams()) {
        if (p.type == StrategyParam::Type::Flag) {
            if (o.value(p.key).toBool())
                positional.append(p.key);
        } else {
            positional.append(field(p.key));
        }
    }
    QString text = d->name;
    if (!positional.isEmpty())
        text += QLatin1Char(':') + positional.join(d->separator);
    for (const StrategyParam &p : d->namedParams())
        if (o.contains(p.key))
            text += QLatin1Char(',') + p.textKey + QLatin1Char('=') + field(p.key);
    return parse(text, error);
}

QString StrategySpec::toString() const
{
    const StrategyDefinition *d = definition();
    if (!d)
        return name;
    QStringList positional;
    for (const StrategyParam &p : d->positionalParams()) {
        const QVariant v = values.value(p.key);
        if (p.type == StrategyParam::Type::Flag && StrategyParam::isUnset(v))
            continue;
        positional.append(p.write(v));
    }
    QString text = d->name;
    if (!positional.isEmpty())
        text += QLatin1Char(':') + positional.join(d->separator);
    for (const StrategyParam &p : d->namedParams()) {
        const QVariant v = values.value(p.key);
        if (!StrategyParam::isUnset(v))
            text += QLatin1Char(',') + p.textKey + QLatin1Char('=') + p.write(v);
    }
    return text;
}

int StrategySpec::concurrencyLimit() const
{
    const StrategyDefinition *d = definition();
    return d && d->concurrencyLimit ? d->concurrencyLimit(*this) : 0;
}

} // namespace concviz
