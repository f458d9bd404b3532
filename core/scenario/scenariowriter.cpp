#include "scenariowriter.h"

#include "numberformat.h"
#include "scenariofields.h"
#include "taskkindregistry.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>

#include <cmath>
#include <utility>
#include <vector>

namespace concviz {

namespace {

using Fields = std::vector<std::pair<QString, QString>>; // key, value already in JSON

QString quoted(const QString &s)
{
    return jsonString(s);
}

QString number(double v)
{
    return formatNumber(v);
}

QString compact(const QJsonValue &v);

QString joinObject(const Fields &fields)
{
    QStringList parts;
    for (const auto &[k, v] : fields)
        parts.append(quoted(k) + QStringLiteral(": ") + v);
    return QLatin1Char('{') + parts.join(QStringLiteral(", ")) + QLatin1Char('}');
}

void appendExtra(Fields &fields, const QJsonObject &extra)
{
    for (auto it = extra.begin(); it != extra.end(); ++it)
        fields.emplace_back(it.key(), compact(it.value()));
}

// One line, with a space after each separator, the way people write small JSON by hand.
QString compact(const QJsonValue &v)
{
    switch (v.type()) {
    case QJsonValue::Null:
        return QStringLiteral("null");
    case QJsonValue::Bool:
        return v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case QJsonValue::Double:
        return number(v.toDouble());
    case QJsonValue::String:
        return quoted(v.toString());
    case QJsonValue::Array: {
        QStringList parts;
        for (const QJsonValue &item : v.toArray())
            parts.append(compact(item));
        return QLatin1Char('[') + parts.join(QStringLiteral(", ")) + QLatin1Char(']');
    }
    case QJsonValue::Object: {
        Fields fields;
        appendExtra(fields, v.toObject());
        return joinObject(fields);
    }
    case QJsonValue::Undefined:
        break;
    }
    return QStringLiteral("null");
}

QString taskLine(const TaskSpec &t)
{
    Fields f;
    f.emplace_back(QStringLiteral("name"), quoted(t.name));
    f.emplace_back(QStringLiteral("kind"), quoted(t.kind));
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
        f.emplace_back(ScenarioFields::taskTimeoutMs.key, number(*t.timeoutMs));
    appendExtra(f, t.extra);
    return joinObject(f);
}

} // namespace

QByteArray ScenarioWriter::toJson(const Scenario &s)
{
    Fields f;
    f.emplace_back(QStringLiteral("concviz"), QString::number(scenarioFormatVersion));
    f.emplace_back(QStringLiteral("name"), quoted(s.name));
    if (!s.description.isEmpty())
        f.emplace_back(QStringLiteral("description"), quoted(s.description));
    f.emplace_back(QStringLiteral("strategy"), quoted(s.strategy.toString()));
    if (!s.compare.isEmpty()) {
        QStringList names;
        for (const StrategySpec &c : s.compare)
            names.append(quoted(c.toString()));
        f.emplace_back(QStringLiteral("compare"), QLatin1Char('[') + names.join(QStringLiteral(", ")) + QLatin1Char(']'));
    }
    if (s.timeoutMs)
        f.emplace_back(QStringLiteral("timeout_ms"), number(*s.timeoutMs));
    if (s.deadlineMs)
        f.emplace_back(QStringLiteral("deadline_ms"), number(*s.deadlineMs));
    const bool cappedOtherwise = s.retries.maxBackoffMs != RetryPolicy::defaultMaxBackoffMs;
    if (s.retries.max > 0 || s.retries.backoffMs > 0 || cappedOtherwise) {
        Fields retries{{QStringLiteral("max"), QString::number(s.retries.max)},
                       {QStringLiteral("backoff_ms"), number(s.retries.backoffMs)}};
        if (cappedOtherwise)
            retries.emplace_back(ScenarioFields::retriesMaxBackoffMs.key, number(s.retries.maxBackoffMs));
        f.emplace_back(QStringLiteral("retries"), joinObject(retries));
    }
    if (s.executorWorkers != ScenarioFields::executorWorkers.defaultValue.toInt())
        f.emplace_back(ScenarioFields::executorWorkers.key, QString::number(s.executorWorkers));
    if (s.connectionsPerHost != ScenarioFields::connectionsPerHost.defaultValue.toInt())
        f.emplace_back(ScenarioFields::connectionsPerHost.key, QString::number(s.connectionsPerHost));
    appendExtra(f, s.extra);

    QString out = QStringLiteral("{\n");
    for (const auto &[k, v] : f)
        out += QStringLiteral("  ") + quoted(k) + QStringLiteral(": ") + v + QStringLiteral(",\n");
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
