#include "csvexporter.h"

#include "bytewriter.h"
#include "safetext.h"

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

// A time or a length of time in milliseconds, or nothing when unknown.
void putTime(ByteWriter &out, Micros us)
{
    if (us >= 0)
        out.putMillis(us);
}

void putField(ByteWriter &out, const QString &text)
{
    out += field(text).toUtf8();
}

// Written straight into the bytes, a million tasks a million rows, and handed to `device` a
// megabyte at a time when there is one; false when it took less.
bool writeRows(ByteWriter &out, const Trace &trace, QIODevice *device)
{
    bool written = true;
    out.reserve(device ? (1 << 20) + 4096 : trace.tasks.size() * 64);
    out += "task,attempt,state,created_ms,start_ms,end_ms,duration_ms,wait_ms,worker,error\n";
    QByteArray states[5];
    for (int o = 0; o < 5; ++o)
        states[o] = outcomeName(static_cast<Outcome>(o)).toLatin1();
    for (const TaskTrace &t : trace.tasks) {
        // Every row begins with the task's name and ends with its worker and an error.
        const QByteArray name = field(t.name).toUtf8();
        const auto row = [&](int attempt, Outcome outcome, Micros start, Micros end, Micros duration, Micros wait,
                             const QString &error) {
            out += name;
            out += ',';
            if (attempt > 0)
                out.putNumber(attempt);
            out += ',';
            out += states[static_cast<int>(outcome)];
            out += ',';
            putTime(out, t.created);
            out += ',';
            putTime(out, start);
            out += ',';
            putTime(out, end);
            out += ',';
            putTime(out, duration);
            out += ',';
            putTime(out, wait);
            out += ',';
            if (t.worker >= 0)
                out.putNumber(t.worker);
            out += ',';
            putField(out, error);
            out += '\n';
        };
        if (t.attempts.isEmpty()) {
            row(0, t.outcome, -1, t.end, -1, t.waitTime(), t.error);
            continue;
        }
        for (const AttemptSpan &a : t.attempts)
            row(a.number, a.outcome, a.start, a.end, a.end >= 0 ? a.end - a.start : -1, a.number == 1 ? t.waitTime() : -1, a.error);
        written = out.flushTo(device) && written;
    }
    return written;
}

} // namespace

QByteArray CsvExporter::toCsv(const Trace &trace)
{
    return ByteWriter::bytesOf([&](ByteWriter &out, QIODevice *device) { return writeRows(out, trace, device); });
}

bool CsvExporter::write(const Trace &trace, QIODevice &device)
{
    return ByteWriter::streamTo(device, [&](ByteWriter &out, QIODevice *to) { return writeRows(out, trace, to); });
}

} // namespace concviz
