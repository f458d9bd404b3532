#include "strategyspec.h"

#include "numberformat.h"

#include <QJsonObject>
#include <QStringList>

#include <cmath>

namespace concviz {

namespace {

constexpr int maxCount = 1000000;
constexpr double maxMs = 24.0 * 3600.0 * 1000.0;

bool parseCount(const QString &text, const QString &what, int *out, QString *error)
{
    bool ok = false;
    const int value = text.trimmed().toInt(&ok);
    if (!ok || value < 1 || value > maxCount) {
        *error = QStringLiteral("%1 must be a whole number from 1 to %2, not \"%3\"").arg(what).arg(maxCount).arg(text);
        return false;
    }
    *out = value;
    return true;
}

bool parseMs(const QString &text, const QString &what, bool allowZero, double *out, QString *error)
{
    bool ok = false;
    const double value = text.trimmed().toDouble(&ok);
    if (!ok || !std::isfinite(value) || value < 0 || (!allowZero && value == 0) || value > maxMs) {
        *error = QStringLiteral("%1 must be a number of milliseconds %2 24 hours, not \"%3\"")
                     .arg(what, allowZero ? QStringLiteral("from 0 to") : QStringLiteral("above 0 and at most"), text);
        return false;
    }
    *out = value;
    return true;
}

QString number(double v)
{
    return formatNumber(v);
}

} // namespace

QString strategySyntaxHelp()
{
    return QStringLiteral(
        "sequential, gather, gather:return_exceptions, task_group, as_completed, wait:first_completed, "
        "wait:first_exception, semaphore:N, rate_limit:CALLS/PERIOD_MS, queue:WORKERS[,maxsize=M][,interval=MS], "
        "batches:SIZE[,concurrency=C]");
}

std::optional<StrategySpec> StrategySpec::parse(const QString &input, QString *error)
{
    const QString text = input.trimmed();
    const qsizetype colon = text.indexOf(QLatin1Char(':'));
    const QString name = colon < 0 ? text : text.left(colon);
    const QString args = colon < 0 ? QString() : text.mid(colon + 1);
    StrategySpec spec;
    auto noArgs = [&](Kind kind) -> std::optional<StrategySpec> {
        if (colon >= 0) {
            *error = QStringLiteral("strategy \"%1\" takes no parameters").arg(name);
            return std::nullopt;
        }
        spec.kind = kind;
        return spec;
    };
    if (name == QLatin1String("sequential"))
        return noArgs(Kind::Sequential);
    if (name == QLatin1String("task_group"))
        return noArgs(Kind::TaskGroup);
    if (name == QLatin1String("as_completed"))
        return noArgs(Kind::AsCompleted);
    if (name == QLatin1String("gather")) {
        if (colon < 0)
            return noArgs(Kind::Gather);
        if (args != QLatin1String("return_exceptions")) {
            *error = QStringLiteral("gather takes only \"return_exceptions\", not \"%1\"").arg(args);
            return std::nullopt;
        }
        spec.kind = Kind::Gather;
        spec.returnExceptions = true;
        return spec;
    }
    if (name == QLatin1String("wait")) {
        if (args == QLatin1String("first_completed"))
            spec.kind = Kind::WaitFirstCompleted;
        else if (args == QLatin1String("first_exception"))
            spec.kind = Kind::WaitFirstException;
        else {
            *error = QStringLiteral("wait needs \"first_completed\" or \"first_exception\", as in wait:first_completed");
            return std::nullopt;
        }
        return spec;
    }
    if (name == QLatin1String("semaphore")) {
        spec.kind = Kind::Semaphore;
        if (colon < 0) {
            *error = QStringLiteral("semaphore needs its number of permits, as in semaphore:3");
            return std::nullopt;
        }
        if (!parseCount(args, QStringLiteral("the semaphore's permits"), &spec.limit, error))
            return std::nullopt;
        return spec;
    }
    if (name == QLatin1String("rate_limit")) {
        spec.kind = Kind::RateLimit;
        const QStringList parts = args.split(QLatin1Char('/'));
        if (colon < 0 || parts.size() != 2) {
            *error = QStringLiteral("rate_limit needs CALLS/PERIOD_MS, as in rate_limit:5/1000");
            return std::nullopt;
        }
        if (!parseCount(parts[0], QStringLiteral("rate_limit's calls"), &spec.calls, error)
            || !parseMs(parts[1], QStringLiteral("rate_limit's period"), false, &spec.periodMs, error))
            return std::nullopt;
        return spec;
    }
    if (name == QLatin1String("queue") || name == QLatin1String("batches")) {
        const bool queue = name == QLatin1String("queue");
        spec.kind = queue ? Kind::Queue : Kind::Batches;
        const QStringList parts = args.split(QLatin1Char(','));
        if (colon < 0 || parts.first().trimmed().isEmpty()) {
            *error = queue ? QStringLiteral("queue needs its number of workers, as in queue:3")
                           : QStringLiteral("batches needs its batch size, as in batches:50");
            return std::nullopt;
        }
        if (!parseCount(parts.first(), queue ? QStringLiteral("the queue's workers") : QStringLiteral("the batch size"),
                        &spec.limit, error))
            return std::nullopt;
        for (qsizetype i = 1; i < parts.size(); ++i) {
            const QString key = parts[i].section(QLatin1Char('='), 0, 0).trimmed();
            const QString value = parts[i].section(QLatin1Char('='), 1);
            bool ok = true;
            if (queue && key == QLatin1String("maxsize")) {
                ok = parseCount(value, QStringLiteral("maxsize"), &spec.maxsize, error);
            } else if (queue && key == QLatin1String("interval")) {
                ok = parseMs(value, QStringLiteral("interval"), true, &spec.intervalMs, error);
            } else if (!queue && key == QLatin1String("concurrency")) {
                ok = parseCount(value, QStringLiteral("concurrency"), &spec.concurrency, error);
            } else {
                *error = queue ? QStringLiteral("queue knows maxsize=M and interval=MS, not \"%1\"").arg(parts[i])
                               : QStringLiteral("batches knows concurrency=C, not \"%1\"").arg(parts[i]);
                return std::nullopt;
            }
            if (!ok)
                return std::nullopt;
        }
        return spec;
    }
    *error = QStringLiteral("unknown strategy \"%1\"; known: %2").arg(text, strategySyntaxHelp());
    return std::nullopt;
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
    auto field = [&](const char *key) {
        const QJsonValue v = o.value(QLatin1String(key));
        return v.isDouble() ? number(v.toDouble()) : v.toString();
    };
    QString text = type;
    if (type == QLatin1String("gather") && o.value(QLatin1String("return_exceptions")).toBool())
        text += QStringLiteral(":return_exceptions");
    else if (type == QLatin1String("wait"))
        text += QLatin1Char(':') + field("return_when");
    else if (type == QLatin1String("semaphore"))
        text += QLatin1Char(':') + field("limit");
    else if (type == QLatin1String("rate_limit"))
        text += QLatin1Char(':') + field("calls") + QLatin1Char('/') + field("period_ms");
    else if (type == QLatin1String("queue")) {
        text += QLatin1Char(':') + field("workers");
        if (o.contains(QLatin1String("maxsize")))
            text += QStringLiteral(",maxsize=") + field("maxsize");
        if (o.contains(QLatin1String("interval_ms")))
            text += QStringLiteral(",interval=") + field("interval_ms");
    } else if (type == QLatin1String("batches")) {
        text += QLatin1Char(':') + field("size");
        if (o.contains(QLatin1String("concurrency")))
            text += QStringLiteral(",concurrency=") + field("concurrency");
    }
    return parse(text, error);
}

QString StrategySpec::toString() const
{
    switch (kind) {
    case Kind::Sequential:
        return QStringLiteral("sequential");
    case Kind::Gather:
        return returnExceptions ? QStringLiteral("gather:return_exceptions") : QStringLiteral("gather");
    case Kind::TaskGroup:
        return QStringLiteral("task_group");
    case Kind::AsCompleted:
        return QStringLiteral("as_completed");
    case Kind::WaitFirstCompleted:
        return QStringLiteral("wait:first_completed");
    case Kind::WaitFirstException:
        return QStringLiteral("wait:first_exception");
    case Kind::Semaphore:
        return QStringLiteral("semaphore:%1").arg(limit);
    case Kind::RateLimit:
        return QStringLiteral("rate_limit:%1/%2").arg(calls).arg(number(periodMs));
    case Kind::Queue: {
        QString s = QStringLiteral("queue:%1").arg(limit);
        if (maxsize > 0)
            s += QStringLiteral(",maxsize=%1").arg(maxsize);
        if (intervalMs > 0)
            s += QStringLiteral(",interval=%1").arg(number(intervalMs));
        return s;
    }
    case Kind::Batches:
        return concurrency > 0 ? QStringLiteral("batches:%1,concurrency=%2").arg(limit).arg(concurrency)
                               : QStringLiteral("batches:%1").arg(limit);
    }
    return {};
}

int StrategySpec::concurrencyLimit() const
{
    switch (kind) {
    case Kind::Sequential:
        return 1;
    case Kind::Semaphore:
    case Kind::Queue:
        return limit;
    case Kind::Batches:
        return concurrency > 0 ? std::min(concurrency, limit) : limit;
    default:
        return 0;
    }
}

} // namespace concviz
