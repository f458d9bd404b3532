#include "jsonexporter.h"

#include "statistics.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace concviz {

namespace {

QJsonValue ms(Micros us)
{
    if (us < 0)
        return QJsonValue::Null;
    return static_cast<double>(us) / 1000.0;
}

} // namespace

QJsonObject JsonExporter::toJsonObject(const Trace &trace)
{
    const Statistics s = Statistics::of(trace);
    QJsonObject stats{
        {QStringLiteral("sum_ms"), ms(s.sum)},
        {QStringLiteral("speedup"), qRound(s.speedup * 1000.0) / 1000.0},
        {QStringLiteral("max_concurrency"), s.maxConcurrency},
        {QStringLiteral("mean_concurrency"), qRound(s.meanConcurrency * 1000.0) / 1000.0},
        {QStringLiteral("mean_wait_ms"), ms(s.meanWait)},
        {QStringLiteral("p95_wait_ms"), ms(s.p95Wait)},
        {QStringLiteral("ok"), s.ok},
        {QStringLiteral("failed"), s.failed},
        {QStringLiteral("timeout"), s.timeout},
        {QStringLiteral("cancelled"), s.cancelled},
    };
    QJsonArray tasks;
    for (const TaskTrace &t : trace.tasks) {
        QJsonArray phases;
        for (const PhaseSpan &p : t.phases)
            phases.append(QJsonObject{{QStringLiteral("phase"), phaseName(p.kind)},
                                      {QStringLiteral("start_ms"), ms(p.start)},
                                      {QStringLiteral("end_ms"), ms(p.end)}});
        QJsonArray attempts;
        for (const AttemptSpan &a : t.attempts)
            attempts.append(QJsonObject{{QStringLiteral("attempt"), a.number},
                                        {QStringLiteral("state"), outcomeName(a.outcome)},
                                        {QStringLiteral("start_ms"), ms(a.start)},
                                        {QStringLiteral("end_ms"), ms(a.end)},
                                        {QStringLiteral("error"), a.error.isEmpty() ? QJsonValue() : QJsonValue(a.error)}});
        QJsonObject task{
            {QStringLiteral("name"), t.name},
            {QStringLiteral("state"), outcomeName(t.outcome)},
            {QStringLiteral("created_ms"), ms(t.created)},
            {QStringLiteral("start_ms"), ms(t.start)},
            {QStringLiteral("end_ms"), ms(t.end)},
            {QStringLiteral("wait_ms"), ms(t.waitTime())},
            {QStringLiteral("attempts"), static_cast<int>(t.attempts.size())},
            {QStringLiteral("error"), t.error.isEmpty() ? QJsonValue() : QJsonValue(t.error)},
            {QStringLiteral("phases"), phases},
            {QStringLiteral("attempt_spans"), attempts},
        };
        if (t.worker >= 0)
            task.insert(QStringLiteral("worker"), t.worker);
        if (t.httpStatus >= 0 || t.bytes >= 0 || !t.httpDetail.isEmpty()) {
            task.insert(QStringLiteral("http_status"), t.httpStatus >= 0 ? QJsonValue(t.httpStatus) : QJsonValue());
            task.insert(QStringLiteral("bytes"), t.bytes >= 0 ? QJsonValue(static_cast<double>(t.bytes)) : QJsonValue());
            task.insert(QStringLiteral("url"), t.httpDetail);
        }
        tasks.append(task);
    }
    QJsonArray markers;
    for (const Marker &m : trace.markers) {
        QJsonObject marker{{QStringLiteral("kind"), markerName(m.kind)},
                           {QStringLiteral("time_ms"), ms(m.time)},
                           {QStringLiteral("label"), m.label}};
        if (m.task >= 0 && m.task < trace.tasks.size())
            marker.insert(QStringLiteral("task"), trace.tasks[m.task].name);
        if (m.rank > 0)
            marker.insert(QStringLiteral("rank"), m.rank);
        markers.append(marker);
    }
    QJsonObject out{
        {QStringLiteral("scenario"), trace.scenario},
        {QStringLiteral("strategy"), trace.strategy},
        {QStringLiteral("clock"), clockKindName(trace.clock)},
        {QStringLiteral("makespan_ms"), ms(trace.makespan())},
        {QStringLiteral("stats"), stats},
        {QStringLiteral("tasks"), tasks},
        {QStringLiteral("markers"), markers},
    };
    if (!trace.callerSpans.isEmpty()) {
        QJsonArray caller;
        for (const CallerSpan &c : trace.callerSpans) {
            caller.append(QJsonObject{{QStringLiteral("label"), c.label},
                                      {QStringLiteral("holds_loop"), c.holdsLoop},
                                      {QStringLiteral("start_ms"), ms(c.start)},
                                      {QStringLiteral("end_ms"), c.end >= 0 ? QJsonValue(ms(c.end)) : QJsonValue()}});
        }
        out.insert(QStringLiteral("caller"), caller);
    }
    return out;
}

QByteArray JsonExporter::toJson(const Trace &trace)
{
    return QJsonDocument(toJsonObject(trace)).toJson(QJsonDocument::Indented);
}

} // namespace concviz
