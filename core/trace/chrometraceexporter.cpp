#include "chrometraceexporter.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace concviz {

namespace {
constexpr int pid = 1;

QJsonObject metadata(const QString &name, int tid, const QJsonObject &args)
{
    return {{QStringLiteral("ph"), QStringLiteral("M")},
            {QStringLiteral("name"), name},
            {QStringLiteral("pid"), pid},
            {QStringLiteral("tid"), tid},
            {QStringLiteral("args"), args}};
}

QJsonObject slice(const QString &name, const QString &category, int tid, Micros start, Micros end, const QJsonObject &args = {})
{
    QJsonObject o{{QStringLiteral("ph"), QStringLiteral("X")},
                  {QStringLiteral("name"), name},
                  {QStringLiteral("cat"), category},
                  {QStringLiteral("pid"), pid},
                  {QStringLiteral("tid"), tid},
                  {QStringLiteral("ts"), static_cast<double>(start)},
                  {QStringLiteral("dur"), static_cast<double>(end - start)}};
    if (!args.isEmpty())
        o.insert(QStringLiteral("args"), args);
    return o;
}
} // namespace

QByteArray ChromeTraceExporter::toJson(const Trace &trace)
{
    QJsonArray events;
    events.append(metadata(QStringLiteral("process_name"), 0,
                           {{QStringLiteral("name"), QStringLiteral("%1 — %2").arg(trace.scenario, trace.strategy)}}));
    const Micros end = trace.makespan();
    for (int i = 0; i < trace.tasks.size(); ++i) {
        const TaskTrace &t = trace.tasks[i];
        const int tid = i + 1; // tid 0 holds the caller's markers
        events.append(metadata(QStringLiteral("thread_name"), tid, {{QStringLiteral("name"), t.name}}));
        events.append(metadata(QStringLiteral("thread_sort_index"), tid, {{QStringLiteral("sort_index"), tid}}));
        for (const PhaseSpan &p : t.phases)
            events.append(slice(phaseDescription(p.kind), QStringLiteral("wait"), tid, p.start, p.end >= 0 ? p.end : end));
        for (const AttemptSpan &a : t.attempts) {
            QJsonObject args{{QStringLiteral("state"), outcomeName(a.outcome)}, {QStringLiteral("attempt"), a.number}};
            if (!a.error.isEmpty())
                args.insert(QStringLiteral("error"), a.error);
            const QString name = t.attempts.size() > 1 ? QStringLiteral("%1 (attempt %2)").arg(t.name).arg(a.number) : t.name;
            events.append(slice(name, outcomeName(a.outcome), tid, a.start, a.end >= 0 ? a.end : end, args));
        }
    }
    for (const Marker &m : trace.markers) {
        events.append(QJsonObject{{QStringLiteral("ph"), QStringLiteral("i")},
                                  {QStringLiteral("s"), QStringLiteral("g")},
                                  {QStringLiteral("name"), m.label},
                                  {QStringLiteral("cat"), markerName(m.kind)},
                                  {QStringLiteral("pid"), pid},
                                  {QStringLiteral("tid"), 0},
                                  {QStringLiteral("ts"), static_cast<double>(m.time)}});
    }
    const QJsonObject root{{QStringLiteral("traceEvents"), events}, {QStringLiteral("displayTimeUnit"), QStringLiteral("ms")}};
    return QJsonDocument(root).toJson(QJsonDocument::Compact);
}

} // namespace concviz
