#include "csvexporter.h"

#include "safetext.h"

#include "timeformat.h"

#include <QStringList>

namespace concviz {

namespace {

// A value as CSV writes it; control characters written out, since a CSV is often printed as is.
QString field(const QString &text)
{
    const QString s = escapeControls(text);
    if (!s.contains(QLatin1Char(',')) && !s.contains(QLatin1Char('"')))
        return s;
    QString escaped = s;
    escaped.replace(QLatin1String("\""), QLatin1String("\"\""));
    return QLatin1Char('"') + escaped + QLatin1Char('"');
}

QString time(Micros us)
{
    return us < 0 ? QString() : msNumber(us);
}

} // namespace

QByteArray CsvExporter::toCsv(const Trace &trace)
{
    QString out = QStringLiteral("task,attempt,state,created_ms,start_ms,end_ms,duration_ms,wait_ms,worker,error\n");
    for (const TaskTrace &t : trace.tasks) {
        const QString worker = t.worker >= 0 ? QString::number(t.worker) : QString();
        if (t.attempts.isEmpty()) {
            out += QStringList{field(t.name), QString(), outcomeName(t.outcome), time(t.created), QString(), time(t.end),
                               QString(), time(t.waitTime()), worker, field(t.error)}
                       .join(QLatin1Char(','))
                + QLatin1Char('\n');
            continue;
        }
        for (const AttemptSpan &a : t.attempts) {
            out += QStringList{field(t.name), QString::number(a.number), outcomeName(a.outcome), time(t.created),
                               time(a.start), time(a.end), a.end >= 0 ? time(a.end - a.start) : QString(),
                               a.number == 1 ? time(t.waitTime()) : QString(), worker, field(a.error)}
                       .join(QLatin1Char(','))
                + QLatin1Char('\n');
        }
    }
    return out.toUtf8();
}

} // namespace concviz
