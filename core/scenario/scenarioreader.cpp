#include "scenarioreader.h"

#include "numberformat.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QUrl>

#include <algorithm>
#include <cmath>

namespace concviz {

namespace {

constexpr double maxDurationMs = 24.0 * 3600.0 * 1000.0;
constexpr qint64 maxTasks = 1000000;

// Walks one document, collecting every error with its JSON path.
class Checker
{
public:
    explicit Checker(QString source)
        : m_source(std::move(source))
    {
    }

    void error(const QString &path, const QString &message)
    {
        m_errors.append(QStringLiteral("%1: %2: %3").arg(m_source, path, message));
    }
    const QStringList &errors() const { return m_errors; }

    std::optional<double> milliseconds(const QJsonObject &o, const char *key, const QString &path, bool allowZero = true)
    {
        const QJsonValue v = o.value(QLatin1String(key));
        if (v.isUndefined())
            return std::nullopt;
        const QString where = path + QLatin1String(key);
        if (!v.isDouble() || !std::isfinite(v.toDouble()) || v.toDouble() < 0 || (!allowZero && v.toDouble() == 0)) {
            error(where, allowZero ? QStringLiteral("must be a non-negative number") : QStringLiteral("must be a number above 0"));
            return std::nullopt;
        }
        if (v.toDouble() > maxDurationMs) {
            error(where, QStringLiteral("%1 ms is more than 24 hours").arg(formatNumber(v.toDouble())));
            return std::nullopt;
        }
        return v.toDouble();
    }

    std::optional<qint64> integer(const QJsonObject &o, const char *key, const QString &path, qint64 min, qint64 max)
    {
        const QJsonValue v = o.value(QLatin1String(key));
        if (v.isUndefined())
            return std::nullopt;
        const double d = v.toDouble();
        if (!v.isDouble() || d != std::floor(d) || d < static_cast<double>(min) || d > static_cast<double>(max)) {
            error(path + QLatin1String(key), QStringLiteral("must be a whole number from %1 to %2").arg(min).arg(max));
            return std::nullopt;
        }
        return static_cast<qint64>(d);
    }

    std::optional<QString> string(const QJsonObject &o, const char *key, const QString &path)
    {
        const QJsonValue v = o.value(QLatin1String(key));
        if (v.isUndefined())
            return std::nullopt;
        if (!v.isString()) {
            error(path + QLatin1String(key), QStringLiteral("must be a string"));
            return std::nullopt;
        }
        return v.toString();
    }

    std::optional<bool> boolean(const QJsonObject &o, const char *key, const QString &path)
    {
        const QJsonValue v = o.value(QLatin1String(key));
        if (v.isUndefined())
            return std::nullopt;
        if (!v.isBool()) {
            error(path + QLatin1String(key), QStringLiteral("must be true or false"));
            return std::nullopt;
        }
        return v.toBool();
    }

private:
    QString m_source;
    QStringList m_errors;
};

QJsonObject unknownFields(const QJsonObject &o, std::initializer_list<const char *> known)
{
    QJsonObject extra = o;
    for (const char *k : known)
        extra.remove(QLatin1String(k));
    return extra;
}

void readHttpFields(Checker &c, const QJsonObject &o, const QString &path, TaskSpec &t)
{
    const std::optional<QString> url = c.string(o, "url", path);
    if (!url) {
        if (!o.contains(QLatin1String("url")))
            c.error(path + QStringLiteral("url"), QStringLiteral("required for an http task"));
    } else {
        const QUrl parsed(*url, QUrl::StrictMode);
        const QString scheme = parsed.scheme().toLower();
        if (!parsed.isValid() || parsed.host().isEmpty()) {
            if (scheme != QLatin1String("http") && scheme != QLatin1String("https") && !scheme.isEmpty())
                c.error(path + QStringLiteral("url"), QStringLiteral("only http and https URLs can be fetched, not %1:").arg(scheme));
            else
                c.error(path + QStringLiteral("url"), QStringLiteral("\"%1\" is not a valid http or https URL").arg(*url));
        } else if (scheme != QLatin1String("http") && scheme != QLatin1String("https")) {
            c.error(path + QStringLiteral("url"), QStringLiteral("only http and https URLs can be fetched, not %1:").arg(scheme));
        }
        t.url = *url;
    }
    if (const auto method = c.string(o, "method", path)) {
        const QString m = method->toUpper();
        if (m != QLatin1String("GET") && m != QLatin1String("HEAD") && m != QLatin1String("POST"))
            c.error(path + QStringLiteral("method"), QStringLiteral("must be GET, HEAD or POST"));
        t.method = m;
    }
    if (const auto body = c.string(o, "body", path))
        t.body = *body;
    const QJsonValue headers = o.value(QLatin1String("headers"));
    if (!headers.isUndefined()) {
        if (!headers.isObject()) {
            c.error(path + QStringLiteral("headers"), QStringLiteral("must be an object of header names to strings"));
        } else {
            const QJsonObject h = headers.toObject();
            for (auto it = h.begin(); it != h.end(); ++it) {
                if (!it.value().isString())
                    c.error(path + QStringLiteral("headers.") + it.key(), QStringLiteral("must be a string"));
                else
                    t.headers.insert(it.key(), it.value().toString());
            }
        }
    }
    if (const auto maxBytes = c.integer(o, "max_bytes", path, 1, qint64(1) << 40))
        t.maxBytes = *maxBytes;
    if (const auto status = c.integer(o, "expect_status", path, 100, 599))
        t.expectStatus = static_cast<int>(*status);
}

TaskSpec readTask(Checker &c, const QJsonValue &value, int index)
{
    TaskSpec t;
    const QString path = QStringLiteral("tasks[%1].").arg(index);
    if (!value.isObject()) {
        c.error(path.chopped(1), QStringLiteral("must be an object such as {\"kind\": \"sleep\", \"duration_ms\": 1000}"));
        return t;
    }
    const QJsonObject o = value.toObject();
    t.extra = unknownFields(o, {"name", "kind", "duration_ms", "error", "offload", "count", "timeout_ms", "url",
                                "method", "body", "headers", "max_bytes", "expect_status"});
    t.name = c.string(o, "name", path).value_or(QStringLiteral("T%1").arg(index + 1));
    const std::optional<QString> kindName = c.string(o, "kind", path);
    if (!kindName) {
        if (!o.contains(QLatin1String("kind")))
            c.error(path + QStringLiteral("kind"), QStringLiteral("required: one of sleep, fail, blocking, cpu, http"));
        return t;
    }
    const std::optional<TaskKind> kind = taskKindFromName(*kindName);
    if (!kind) {
        c.error(path + QStringLiteral("kind"),
                QStringLiteral("unknown kind \"%1\"; known: sleep, fail, blocking, cpu, http").arg(*kindName));
        return t;
    }
    t.kind = *kind;
    if (t.kind == TaskKind::Http) {
        readHttpFields(c, o, path, t);
    } else {
        const std::optional<double> duration = c.milliseconds(o, "duration_ms", path);
        if (!duration && !o.contains(QLatin1String("duration_ms")))
            c.error(path + QStringLiteral("duration_ms"), QStringLiteral("required for a %1 task").arg(*kindName));
        t.durationMs = duration.value_or(0);
    }
    if (t.kind == TaskKind::Fail)
        t.error = c.string(o, "error", path).value_or(QStringLiteral("failed"));
    if (const auto offload = c.boolean(o, "offload", path)) {
        if (*offload && t.kind != TaskKind::Blocking && t.kind != TaskKind::Cpu)
            c.error(path + QStringLiteral("offload"), QStringLiteral("only blocking and cpu tasks can be offloaded"));
        t.offload = *offload;
    }
    if (const auto count = c.integer(o, "count", path, 1, maxTasks))
        t.count = static_cast<int>(*count);
    t.timeoutMs = c.milliseconds(o, "timeout_ms", path, false);
    return t;
}

} // namespace

ScenarioReadResult ScenarioReader::readFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {std::nullopt, {QStringLiteral("%1: cannot be read: %2").arg(path, file.errorString())}};
    return read(file.readAll(), path);
}

ScenarioReadResult ScenarioReader::read(const QByteArray &json, const QString &source)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        // Qt reports the offset just past the character it stopped at.
        const QByteArray before = json.left(std::max(0, parseError.offset - 1));
        const int line = static_cast<int>(before.count('\n')) + 1;
        const int column = static_cast<int>(parseError.offset - (before.lastIndexOf('\n') + 1)) + 1;
        return {std::nullopt,
                {QStringLiteral("%1:%2:%3: not valid JSON: %4").arg(source).arg(line).arg(column).arg(parseError.errorString())}};
    }
    if (!doc.isObject())
        return {std::nullopt, {QStringLiteral("%1: the top level must be a JSON object").arg(source)}};

    Checker c(source);
    const QJsonObject o = doc.object();
    Scenario s;
    const QJsonValue version = o.value(QLatin1String("concviz"));
    if (version.isUndefined()) {
        c.error(QStringLiteral("concviz"), QStringLiteral("required: the format version, %1").arg(scenarioFormatVersion));
    } else if (!version.isDouble() || version.toDouble() != std::floor(version.toDouble()) || version.toDouble() < 1) {
        c.error(QStringLiteral("concviz"), QStringLiteral("must be the format version, %1").arg(scenarioFormatVersion));
    } else if (version.toDouble() > scenarioFormatVersion) {
        return {std::nullopt,
                {QStringLiteral("%1: concviz: format version %2 is newer than this build understands (%3); update ConcViz")
                     .arg(source)
                     .arg(version.toInt())
                     .arg(scenarioFormatVersion)}};
    }
    s.extra = unknownFields(o, {"concviz", "name", "description", "tasks", "strategy", "compare", "timeout_ms", "deadline_ms",
                                "retries", "executor_workers", "connections_per_host"});
    s.name = c.string(o, "name", {}).value_or(QFileInfo(source).completeBaseName());
    s.description = c.string(o, "description", {}).value_or(QString());

    const QJsonValue tasks = o.value(QLatin1String("tasks"));
    if (tasks.isUndefined()) {
        c.error(QStringLiteral("tasks"), QStringLiteral("required: a list of tasks"));
    } else if (!tasks.isArray()) {
        c.error(QStringLiteral("tasks"), QStringLiteral("must be a list of tasks"));
    } else {
        const QJsonArray list = tasks.toArray();
        if (list.isEmpty())
            c.error(QStringLiteral("tasks"), QStringLiteral("must hold at least one task"));
        qint64 total = 0;
        for (int i = 0; i < list.size(); ++i) {
            s.tasks.append(readTask(c, list.at(i), i));
            total += s.tasks.last().count;
        }
        if (total > maxTasks)
            c.error(QStringLiteral("tasks"), QStringLiteral("%1 tasks after count is expanded; at most %2").arg(total).arg(maxTasks));
    }

    QString strategyError;
    const QJsonValue strategy = o.value(QLatin1String("strategy"));
    if (!strategy.isUndefined()) {
        if (auto spec = StrategySpec::fromJson(strategy, &strategyError))
            s.strategy = *spec;
        else
            c.error(QStringLiteral("strategy"), strategyError);
    }
    const QJsonValue compare = o.value(QLatin1String("compare"));
    if (!compare.isUndefined()) {
        if (!compare.isArray()) {
            c.error(QStringLiteral("compare"), QStringLiteral("must be a list of strategies"));
        } else {
            const QJsonArray list = compare.toArray();
            for (int i = 0; i < list.size(); ++i) {
                if (auto spec = StrategySpec::fromJson(list.at(i), &strategyError))
                    s.compare.append(*spec);
                else
                    c.error(QStringLiteral("compare[%1]").arg(i), strategyError);
            }
        }
    }
    s.timeoutMs = c.milliseconds(o, "timeout_ms", {}, false);
    s.deadlineMs = c.milliseconds(o, "deadline_ms", {}, false);
    const QJsonValue retries = o.value(QLatin1String("retries"));
    if (!retries.isUndefined()) {
        if (!retries.isObject()) {
            c.error(QStringLiteral("retries"), QStringLiteral("must be an object such as {\"max\": 3, \"backoff_ms\": 100}"));
        } else {
            const QJsonObject r = retries.toObject();
            s.retries.max = static_cast<int>(c.integer(r, "max", QStringLiteral("retries."), 0, 100).value_or(0));
            s.retries.backoffMs = c.milliseconds(r, "backoff_ms", QStringLiteral("retries.")).value_or(0);
        }
    }
    s.executorWorkers = static_cast<int>(c.integer(o, "executor_workers", {}, 1, 256).value_or(4));
    s.connectionsPerHost = static_cast<int>(c.integer(o, "connections_per_host", {}, 1, 1000).value_or(6));

    if (!c.errors().isEmpty())
        return {std::nullopt, c.errors()};
    return {std::move(s), {}};
}

} // namespace concviz
