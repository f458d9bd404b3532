#include "scenarioreader.h"

#include "limits.h"
#include "scenariofields.h"
#include "scenariovalidator.h"
#include "taskkindregistry.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>

#include <algorithm>
#include <cmath>

namespace concviz {

namespace {

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

    // A declared field: its value, or nothing when it is absent or wrong (then with an error).
    std::optional<QVariant> field(const QJsonObject &o, const Field &f, const QString &path)
    {
        const QJsonValue v = o.value(f.key);
        if (v.isUndefined())
            return std::nullopt;
        QString message;
        QString below;
        std::optional<QVariant> value = f.read(v, &message, &below);
        if (!value)
            error(path + f.key + below, message);
        return value;
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

private:
    QString m_source;
    QStringList m_errors;
};

QJsonObject unknownFields(const QJsonObject &o, const QStringList &known)
{
    QJsonObject extra = o;
    for (const QString &k : known)
        extra.remove(k);
    return extra;
}

// Every key a task may have under some kind: the rest is kept as it is, for saving.
QStringList knownTaskKeys()
{
    QStringList keys{QStringLiteral("name"), QStringLiteral("kind"), ScenarioFields::taskCount.key,
                     ScenarioFields::taskTimeoutMs.key};
    for (const TaskKindDefinition *d : TaskKindRegistry::all())
        for (const Field &f : d->fields)
            if (!keys.contains(f.key))
                keys.append(f.key);
    return keys;
}

// The kind's own fields: each read by its declaration, defaults filled in, fields of other kinds refused.
void readKindFields(Checker &c, const QJsonObject &o, const QString &path, const TaskKindDefinition &kind, TaskSpec &t)
{
    for (const Field &f : kind.fields) {
        if (const std::optional<QVariant> value = c.field(o, f, path))
            t.fields.insert(f.key, *value);
        else if (!o.contains(f.key) && f.required)
            c.error(path + f.key, requiredSentence(kind));
        else if (!o.contains(f.key) && f.defaultValue.isValid())
            t.fields.insert(f.key, f.defaultValue);
    }
    for (auto it = o.begin(); it != o.end(); ++it) {
        const QString misplaced = kind.field(it.key()) ? QString() : misplacedSentence(it.key(), it.value().toVariant());
        if (!misplaced.isEmpty())
            c.error(path + it.key(), misplaced);
    }
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
    t.extra = unknownFields(o, knownTaskKeys());
    t.name = c.string(o, "name", path).value_or(QStringLiteral("T%1").arg(index + 1));
    const std::optional<QString> kindName = c.string(o, "kind", path);
    if (!kindName) {
        if (!o.contains(QLatin1String("kind")))
            c.error(path + QStringLiteral("kind"), QStringLiteral("required: one of %1").arg(taskKindNames()));
        return t;
    }
    const TaskKindDefinition *kind = TaskKindRegistry::find(*kindName);
    if (!kind) {
        c.error(path + QStringLiteral("kind"), QStringLiteral("unknown kind \"%1\"; known: %2").arg(*kindName, taskKindNames()));
        return t;
    }
    t.kind = kind->name;
    readKindFields(c, o, path, *kind, t);
    if (const auto count = c.field(o, ScenarioFields::taskCount, path))
        t.count = static_cast<int>(count->toLongLong());
    if (const auto timeout = c.field(o, ScenarioFields::taskTimeoutMs, path))
        t.timeoutMs = timeout->toDouble();
    return t;
}

} // namespace

ScenarioReadResult ScenarioReader::tooLarge(const QString &source, qint64 bytes)
{
    return {std::nullopt,
            {QStringLiteral("%1: %2 MiB is larger than a scenario file may be (%3 MiB)")
                 .arg(source)
                 .arg(bytes / (1024 * 1024))
                 .arg(maxFileBytes / (1024 * 1024))}};
}

ScenarioReadResult ScenarioReader::readFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {std::nullopt, {QStringLiteral("%1: cannot be read: %2").arg(path, file.errorString())}};
    // A million tasks fit in far less; a larger file is refused before it costs its size many times over.
    if (file.size() > maxFileBytes)
        return tooLarge(path, file.size());
    return read(file.readAll(), path);
}

ScenarioReadResult ScenarioReader::read(const QByteArray &json, const QString &source)
{
    if (json.size() > maxFileBytes)
        return tooLarge(source, json.size());
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
    return read(doc, source);
}

ScenarioReadResult ScenarioReader::read(const QJsonDocument &doc, const QString &source)
{
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
    s.extra = unknownFields(o, {QStringLiteral("concviz"), QStringLiteral("name"), QStringLiteral("description"),
                                QStringLiteral("topic"), QStringLiteral("lesson"),
                                QStringLiteral("tasks"), QStringLiteral("strategy"), QStringLiteral("compare"),
                                QStringLiteral("retries"), ScenarioFields::timeoutMs.key, ScenarioFields::deadlineMs.key,
                                ScenarioFields::executorWorkers.key, ScenarioFields::executor.key, ScenarioFields::gil.key,
                                ScenarioFields::cores.key, ScenarioFields::connectionsPerHost.key, ScenarioFields::httpClient.key,
                                QStringLiteral("caller"), ScenarioFields::database.key, QStringLiteral("db_pool")});
    s.name = c.string(o, "name", {}).value_or(QFileInfo(source).completeBaseName());
    s.description = c.string(o, "description", {}).value_or(QString());
    s.topic = c.string(o, "topic", {}).value_or(QString());
    s.lesson = c.string(o, "lesson", {}).value_or(QString());

    const QJsonValue tasks = o.value(QLatin1String("tasks"));
    if (tasks.isUndefined()) {
        c.error(QStringLiteral("tasks"), QStringLiteral("required: a list of tasks"));
    } else if (!tasks.isArray()) {
        c.error(QStringLiteral("tasks"), QStringLiteral("must be a list of tasks"));
    } else {
        const QJsonArray list = tasks.toArray();
        qint64 total = 0;
        // Counted while read: past the limit, the rest is not worth turning into tasks.
        for (int i = 0; i < list.size() && total <= Limits::maxTasks; ++i) {
            s.tasks.append(readTask(c, list.at(i), i));
            total += s.tasks.last().count;
        }
        if (total > Limits::maxTasks && s.tasks.size() < list.size())
            c.error(QStringLiteral("tasks"), QStringLiteral("more than %1 tasks after count is expanded (the first %2 entries hold %3)")
                                                 .arg(Limits::maxTasks)
                                                 .arg(s.tasks.size())
                                                 .arg(total));
        else if (const QString problem = ScenarioValidator::taskCountProblem(list.size(), total); !problem.isEmpty())
            c.error(QStringLiteral("tasks"), problem);
    }

    // Either form of a strategy, its problem reported at `path`.
    auto readStrategy = [&c](const QJsonValue &value, const QString &path) {
        QString error;
        std::optional<StrategySpec> spec = StrategySpec::fromJson(value, &error);
        if (!spec)
            c.error(path, error);
        return spec;
    };
    const QJsonValue strategy = o.value(QLatin1String("strategy"));
    if (!strategy.isUndefined())
        s.strategy = readStrategy(strategy, QStringLiteral("strategy")).value_or(s.strategy);
    const QJsonValue compare = o.value(QLatin1String("compare"));
    if (!compare.isUndefined() && !compare.isArray()) {
        c.error(QStringLiteral("compare"), QStringLiteral("must be a list of strategies"));
    } else if (compare.isArray()) {
        const QJsonArray list = compare.toArray();
        for (int i = 0; i < list.size(); ++i)
            if (const auto spec = readStrategy(list.at(i), QStringLiteral("compare[%1]").arg(i)))
                s.compare.append(*spec);
    }
    if (const auto timeout = c.field(o, ScenarioFields::timeoutMs, {}))
        s.timeoutMs = timeout->toDouble();
    if (const auto deadline = c.field(o, ScenarioFields::deadlineMs, {}))
        s.deadlineMs = deadline->toDouble();
    const QJsonValue retries = o.value(QLatin1String("retries"));
    if (!retries.isUndefined()) {
        if (!retries.isObject()) {
            c.error(QStringLiteral("retries"), QStringLiteral("must be an object such as {\"max\": 3, \"backoff_ms\": 100}"));
        } else {
            const QJsonObject r = retries.toObject();
            s.retries.max = static_cast<int>(c.field(r, ScenarioFields::retriesMax, QStringLiteral("retries.")).value_or(0).toLongLong());
            s.retries.backoffMs = c.field(r, ScenarioFields::retriesBackoffMs, QStringLiteral("retries.")).value_or(0.0).toDouble();
            s.retries.maxBackoffMs = c.field(r, ScenarioFields::retriesMaxBackoffMs, QStringLiteral("retries."))
                                         .value_or(ScenarioFields::retriesMaxBackoffMs.defaultValue)
                                         .toDouble();
        }
    }
    s.executorWorkers = static_cast<int>(
        c.field(o, ScenarioFields::executorWorkers, {}).value_or(ScenarioFields::executorWorkers.defaultValue).toLongLong());
    if (const auto executor = c.field(o, ScenarioFields::executor, {}))
        s.executor = executorKindFrom(executor->toString());
    s.gil = c.field(o, ScenarioFields::gil, {}).value_or(true).toBool();
    if (const auto cores = c.field(o, ScenarioFields::cores, {}))
        s.cores = static_cast<int>(cores->toLongLong());
    if (const auto client = c.field(o, ScenarioFields::httpClient, {}))
        s.httpClient = httpClientKindFrom(client->toString());
    if (const auto perHost = c.field(o, ScenarioFields::connectionsPerHost, {}))
        s.connectionsPerHost = static_cast<int>(perHost->toLongLong());

    if (const auto database = c.field(o, ScenarioFields::database, {}))
        s.database = database->toString();
    const QJsonValue pool = o.value(QLatin1String("db_pool"));
    if (!pool.isUndefined() && !pool.isObject()) {
        c.error(QStringLiteral("db_pool"), QStringLiteral("must be an object such as {\"size\": 5, \"max_overflow\": 10, \"timeout_ms\": 30000}"));
    } else if (pool.isObject()) {
        const QJsonObject p = pool.toObject();
        const QString path = QStringLiteral("db_pool.");
        for (auto it = p.begin(); it != p.end(); ++it) {
            if (it.key() != ScenarioFields::dbPoolSize.key && it.key() != ScenarioFields::dbPoolMaxOverflow.key
                && it.key() != ScenarioFields::dbPoolTimeoutMs.key)
                c.error(path + it.key(), QStringLiteral("unknown field; a pool has size, max_overflow and timeout_ms"));
        }
        if (const auto size = c.field(p, ScenarioFields::dbPoolSize, path))
            s.dbPool.size = static_cast<int>(size->toLongLong());
        if (const auto overflow = c.field(p, ScenarioFields::dbPoolMaxOverflow, path))
            s.dbPool.maxOverflow = static_cast<int>(overflow->toLongLong());
        if (const auto timeout = c.field(p, ScenarioFields::dbPoolTimeoutMs, path))
            s.dbPool.timeoutMs = timeout->toDouble();
    }

    const QJsonValue caller = o.value(QLatin1String("caller"));
    if (!caller.isUndefined() && !caller.isArray()) {
        c.error(QStringLiteral("caller"), QStringLiteral("must be a list of steps such as {\"kind\": \"blocking\", \"duration_ms\": 300}"));
    } else if (caller.isArray()) {
        const QJsonArray steps = caller.toArray();
        if (steps.size() > Limits::maxCallerSteps)
            c.error(QStringLiteral("caller"), QStringLiteral("at most %1 steps").arg(Limits::maxCallerSteps));
        for (int i = 0; i < steps.size() && i < Limits::maxCallerSteps; ++i) {
            const QString path = QStringLiteral("caller[%1].").arg(i);
            if (!steps.at(i).isObject()) {
                c.error(path.chopped(1), QStringLiteral("must be an object such as {\"kind\": \"blocking\", \"duration_ms\": 300}"));
                continue;
            }
            const QJsonObject step = steps.at(i).toObject();
            for (auto it = step.begin(); it != step.end(); ++it) {
                if (it.key() != ScenarioFields::callerName.key && it.key() != ScenarioFields::callerKind.key
                    && it.key() != ScenarioFields::callerDurationMs.key)
                    c.error(path + it.key(), QStringLiteral("unknown field; a step has name, kind and duration_ms"));
            }
            CallerStep one;
            one.name = c.field(step, ScenarioFields::callerName, path).value_or(QStringLiteral("step %1").arg(i + 1)).toString();
            const auto kind = c.field(step, ScenarioFields::callerKind, path);
            if (!kind && !step.contains(ScenarioFields::callerKind.key))
                c.error(path + ScenarioFields::callerKind.key, QStringLiteral("required: sleep, blocking or cpu"));
            one.kind = callerStepKindFrom(kind.value_or(QString()).toString());
            const auto duration = c.field(step, ScenarioFields::callerDurationMs, path);
            if (!duration && !step.contains(ScenarioFields::callerDurationMs.key))
                c.error(path + ScenarioFields::callerDurationMs.key, QStringLiteral("required: how long the step takes"));
            one.durationMs = duration.value_or(0.0).toDouble();
            s.caller.append(one);
        }
    }

    // Only a scenario whose every value is sound is worth its schedule's check.
    if (c.errors().isEmpty()) {
        for (const ScenarioValidator::Problem &p : ScenarioValidator::scheduleProblems(s))
            c.error(p.path, p.message);
    }
    if (!c.errors().isEmpty())
        return {std::nullopt, c.errors()};
    return {std::move(s), {}};
}

} // namespace concviz
