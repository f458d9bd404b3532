#include "scenariowriter.h"

#include "numberformat.h"
#include "scenariofields.h"
#include "taskkindregistry.h"

#include <QJsonObject>
#include <QSaveFile>

#include <utility>
#include <vector>

namespace concviz {

namespace {

using Fields = std::vector<std::pair<QString, QString>>; // key, value already in JSON

QString joinObject(const Fields &fields)
{
    QStringList parts;
    for (const auto &[k, v] : fields)
        parts.append(jsonString(k) + QStringLiteral(": ") + v);
    return QLatin1Char('{') + parts.join(QStringLiteral(", ")) + QLatin1Char('}');
}

void appendExtra(Fields &fields, const QJsonObject &extra)
{
    for (auto it = extra.begin(); it != extra.end(); ++it)
        fields.emplace_back(it.key(), compactJson(it.value()));
}

QString taskLine(const TaskSpec &t)
{
    Fields f;
    f.emplace_back(QStringLiteral("name"), jsonString(t.name));
    f.emplace_back(QStringLiteral("kind"), jsonString(t.kind));
    if (const TaskKindDefinition *kind = t.definition()) {
        for (const Field &field : kind->fields) {
            const QVariant value = t.fields.value(field.key);
            if (!value.isValid())
                continue;
            if (field.required || field.alwaysWritten || value != field.defaultValue)
                f.emplace_back(field.key, field.write(value));
        }
    }
    if (t.count != 1)
        f.emplace_back(ScenarioFields::taskCount.key, QString::number(t.count));
    if (t.timeoutMs)
        f.emplace_back(ScenarioFields::taskTimeoutMs.key, formatNumber(*t.timeoutMs));
    appendExtra(f, t.extra);
    return joinObject(f);
}

} // namespace

QByteArray ScenarioWriter::toJson(const Scenario &s)
{
    Fields f;
    f.emplace_back(QStringLiteral("concviz"), QString::number(scenarioFormatVersion));
    f.emplace_back(QStringLiteral("name"), jsonString(s.name));
    if (!s.description.isEmpty())
        f.emplace_back(QStringLiteral("description"), jsonString(s.description));
    if (!s.topic.isEmpty())
        f.emplace_back(QStringLiteral("topic"), jsonString(s.topic));
    if (!s.lesson.isEmpty())
        f.emplace_back(QStringLiteral("lesson"), jsonString(s.lesson));
    f.emplace_back(QStringLiteral("strategy"), jsonString(s.strategy.toString()));
    if (!s.compare.isEmpty()) {
        QStringList names;
        for (const StrategySpec &c : s.compare)
            names.append(jsonString(c.toString()));
        f.emplace_back(QStringLiteral("compare"), QLatin1Char('[') + names.join(QStringLiteral(", ")) + QLatin1Char(']'));
    }
    if (s.timeoutMs)
        f.emplace_back(QStringLiteral("timeout_ms"), formatNumber(*s.timeoutMs));
    if (s.deadlineMs)
        f.emplace_back(QStringLiteral("deadline_ms"), formatNumber(*s.deadlineMs));
    const bool cappedOtherwise = s.retries.maxBackoffMs != RetryPolicy::defaultMaxBackoffMs;
    if (s.retries.max > 0 || s.retries.backoffMs > 0 || cappedOtherwise) {
        Fields retries{{QStringLiteral("max"), QString::number(s.retries.max)},
                       {QStringLiteral("backoff_ms"), formatNumber(s.retries.backoffMs)}};
        if (cappedOtherwise)
            retries.emplace_back(ScenarioFields::retriesMaxBackoffMs.key, formatNumber(s.retries.maxBackoffMs));
        f.emplace_back(QStringLiteral("retries"), joinObject(retries));
    }
    if (s.executorWorkers != ScenarioFields::executorWorkers.defaultValue.toInt())
        f.emplace_back(ScenarioFields::executorWorkers.key, QString::number(s.executorWorkers));
    if (s.executor != ExecutorKind::Thread)
        f.emplace_back(ScenarioFields::executor.key, jsonString(executorKindName(s.executor)));
    if (!s.gil)
        f.emplace_back(ScenarioFields::gil.key, QStringLiteral("false"));
    if (s.cores)
        f.emplace_back(ScenarioFields::cores.key, QString::number(*s.cores));
    if (s.httpClient != HttpClientKind::Aiohttp)
        f.emplace_back(ScenarioFields::httpClient.key, jsonString(httpClientKindName(s.httpClient)));
    if (s.connectionsPerHost)
        f.emplace_back(ScenarioFields::connectionsPerHost.key, QString::number(*s.connectionsPerHost));
    if (s.database != ScenarioFields::database.defaultValue.toString())
        f.emplace_back(ScenarioFields::database.key, jsonString(s.database));
    if (s.dbPool != DbPoolPolicy{}) {
        f.emplace_back(QStringLiteral("db_pool"), joinObject({{ScenarioFields::dbPoolSize.key, QString::number(s.dbPool.size)},
                                                             {ScenarioFields::dbPoolMaxOverflow.key, QString::number(s.dbPool.maxOverflow)},
                                                             {ScenarioFields::dbPoolTimeoutMs.key, formatNumber(s.dbPool.timeoutMs)}}));
    }
    if (!s.caller.isEmpty()) {
        QStringList steps;
        for (const CallerStep &step : s.caller) {
            steps.append(joinObject({{ScenarioFields::callerName.key, jsonString(step.name)},
                                     {ScenarioFields::callerKind.key, jsonString(callerStepKindName(step.kind))},
                                     {ScenarioFields::callerDurationMs.key, formatNumber(step.durationMs)}}));
        }
        f.emplace_back(QStringLiteral("caller"), QLatin1Char('[') + steps.join(QStringLiteral(", ")) + QLatin1Char(']'));
    }
    appendExtra(f, s.extra);

    QString out = QStringLiteral("{\n");
    for (const auto &[k, v] : f)
        out += QStringLiteral("  ") + jsonString(k) + QStringLiteral(": ") + v + QStringLiteral(",\n");
    out += QStringLiteral("  \"tasks\": [\n");
    for (int i = 0; i < s.tasks.size(); ++i)
        out += QStringLiteral("    ") + taskLine(s.tasks[i]) + (i + 1 < s.tasks.size() ? QStringLiteral(",\n") : QStringLiteral("\n"));
    out += QStringLiteral("  ]\n}\n");
    return out.toUtf8();
}

bool ScenarioWriter::writeFile(const Scenario &scenario, const QString &path, QString *error)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        *error = QStringLiteral("%1: cannot be written: %2").arg(path, file.errorString());
        return false;
    }
    const QByteArray data = toJson(scenario);
    if (file.write(data) != data.size() || !file.commit()) {
        *error = QStringLiteral("%1: cannot be written: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

} // namespace concviz
