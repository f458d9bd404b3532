#include "jsonexporter.h"

#include "bytewriter.h"
#include "jsonstring.h"
#include "statistics.h"

#include <cmath>

namespace concviz {

namespace {

// Microseconds as milliseconds, exactly: 1500 → 1.5, 2000000 → 2000; null when unknown (-1).
void appendMs(ByteWriter &out, Micros us)
{
    if (us < 0)
        out += "null";
    else
        out.putMillis(us);
}

// A number rounded to three decimals, as the statistics print it.
void appendRounded(ByteWriter &out, double value)
{
    out += QByteArray::number(std::round(value * 1000.0) / 1000.0, 'g', 15);
}

void appendKey(ByteWriter &out, const char *key)
{
    out += '"';
    out += key;
    out += "\": ";
}

// A task's state as JSON, looked up rather than converted a million times.
const QByteArray &outcomeJson(Outcome outcome)
{
    static const QByteArray names[] = {"\"pending\"", "\"ok\"", "\"failed\"", "\"timeout\"", "\"cancelled\""};
    return names[static_cast<int>(outcome)];
}

void appendNullableString(ByteWriter &out, const QString &text)
{
    if (text.isEmpty())
        out += "null";
    else
        putJsonString(out, text);
}

// `, "start_ms": …, "end_ms": …`: the times of a task, a phase, an attempt, a wait or a caller's step.
void appendSpan(ByteWriter &out, Micros start, Micros end)
{
    out += ", ";
    appendKey(out, "start_ms");
    appendMs(out, start);
    out += ", ";
    appendKey(out, "end_ms");
    appendMs(out, end);
}

void appendTask(ByteWriter &out, const TaskTrace &t)
{
    out += '{';
    appendKey(out, "name");
    putJsonString(out, t.name);
    out += ", ";
    appendKey(out, "state");
    out += outcomeJson(t.outcome);
    out += ", ";
    appendKey(out, "created_ms");
    appendMs(out, t.created);
    appendSpan(out, t.start, t.end);
    out += ", ";
    appendKey(out, "wait_ms");
    appendMs(out, t.waitTime());
    out += ", ";
    appendKey(out, "attempts");
    out.putNumber(t.attempts.size());
    out += ", ";
    appendKey(out, "error");
    appendNullableString(out, t.error);
    out += ", ";
    appendKey(out, "phases");
    out += '[';
    for (qsizetype i = 0; i < t.phases.size(); ++i) {
        const PhaseSpan &p = t.phases[i];
        out += i ? ", {" : "{";
        appendKey(out, "phase");
        putJsonString(out, phaseName(p.kind));
        appendSpan(out, p.start, p.end);
        out += '}';
    }
    out += "], ";
    appendKey(out, "attempt_spans");
    out += '[';
    for (qsizetype i = 0; i < t.attempts.size(); ++i) {
        const AttemptSpan &a = t.attempts[i];
        out += i ? ", {" : "{";
        appendKey(out, "attempt");
        out.putNumber(a.number);
        out += ", ";
        appendKey(out, "state");
        out += outcomeJson(a.outcome);
        appendSpan(out, a.start, a.end);
        out += ", ";
        appendKey(out, "error");
        appendNullableString(out, a.error);
        out += '}';
    }
    out += ']';
    if (t.worker >= 0) {
        out += ", ";
        appendKey(out, "worker");
        out.putNumber(t.worker);
    }
    const TaskExtras &x = t.extras();
    if (x.httpStatus >= 0 || x.bytes >= 0 || !x.httpDetail.isEmpty()) {
        out += ", ";
        appendKey(out, "http_status");
        out += x.httpStatus >= 0 ? QByteArray::number(x.httpStatus) : QByteArray("null");
        out += ", ";
        appendKey(out, "bytes");
        out += x.bytes >= 0 ? QByteArray::number(x.bytes) : QByteArray("null");
        out += ", ";
        appendKey(out, "url");
        putJsonString(out, x.httpDetail);
    }
    if (t.database) {
        out += ", ";
        appendKey(out, "database");
        out += "true";
    }
    if (!x.parent.isEmpty()) {
        out += ", ";
        appendKey(out, "parent");
        putJsonString(out, x.parent);
    }
    if (t.thread) {
        out += ", ";
        appendKey(out, "thread");
        out += "true";
    }
    if (!x.awaited.isEmpty()) {
        out += ", ";
        appendKey(out, "waits");
        out += '[';
        for (qsizetype i = 0; i < x.awaited.size(); ++i) {
            const AwaitSpan &a = x.awaited[i];
            out += i ? ", {" : "{";
            appendKey(out, "on");
            putJsonString(out, a.on);
            out += ", ";
            appendKey(out, "detail");
            appendNullableString(out, a.detail);
            appendSpan(out, a.start, a.end);
            out += '}';
        }
        out += ']';
    }
    if (x.idealEnd >= 0) {
        out += ", ";
        appendKey(out, "ideal_start_ms");
        appendMs(out, x.idealStart);
        out += ", ";
        appendKey(out, "ideal_end_ms");
        appendMs(out, x.idealEnd);
    }
    if (x.dbRows >= 0) {
        out += ", ";
        appendKey(out, "rows");
        out += QByteArray::number(x.dbRows);
        out += ", ";
        appendKey(out, "first_row");
        appendNullableString(out, x.dbFirstRow);
    }
    out += '}';
}

void writeTrace(ByteWriter &out, const Trace &trace, const QByteArray &indent, QIODevice *device, bool *failed)
{
    auto flush = [&] {
        if (!out.flushTo(device) && failed)
            *failed = true;
    };
    const QByteArray in = indent + "  ";
    const Statistics s = Statistics::of(trace);
    out += "{\n" + in;
    appendKey(out, "scenario");
    putJsonString(out, trace.scenario);
    out += ",\n" + in;
    appendKey(out, "strategy");
    putJsonString(out, trace.strategy);
    out += ",\n" + in;
    appendKey(out, "clock");
    putJsonString(out, clockKindName(trace.clock));
    out += ",\n" + in;
    appendKey(out, "makespan_ms");
    appendMs(out, trace.makespan());
    out += ",\n" + in;
    // What the state at an instant and the insights need again when the trace is read back.
    if (trace.concurrencyLimit > 0) {
        appendKey(out, "concurrency_limit");
        out.putNumber(trace.concurrencyLimit);
        out += ",\n" + in;
    }
    if (trace.dbPoolCapacity > 0) {
        appendKey(out, "db_pool_capacity");
        out.putNumber(trace.dbPoolCapacity);
        out += ",\n" + in;
    }
    if (trace.ideal >= 0) {
        appendKey(out, "ideal_ms");
        appendMs(out, trace.ideal);
        out += ",\n" + in;
    }
    appendKey(out, "stats");
    out += '{';
    appendKey(out, "sum_ms");
    appendMs(out, s.sum);
    out += ", ";
    appendKey(out, "speedup");
    appendRounded(out, s.speedup);
    out += ", ";
    appendKey(out, "max_concurrency");
    out += QByteArray::number(s.maxConcurrency);
    out += ", ";
    appendKey(out, "mean_concurrency");
    appendRounded(out, s.meanConcurrency);
    out += ", ";
    appendKey(out, "mean_wait_ms");
    appendMs(out, s.meanWait);
    out += ", ";
    appendKey(out, "p95_wait_ms");
    appendMs(out, s.p95Wait);
    out += ", ";
    appendKey(out, "ok");
    out += QByteArray::number(s.ok);
    out += ", ";
    appendKey(out, "failed");
    out += QByteArray::number(s.failed);
    out += ", ";
    appendKey(out, "timeout");
    out += QByteArray::number(s.timeout);
    out += ", ";
    appendKey(out, "cancelled");
    out += QByteArray::number(s.cancelled);
    out += "},\n" + in;

    appendKey(out, "tasks");
    out += '[';
    // About 200 bytes a plain task: one allocation up front rather than a doubling every so often
    // (a megabyte and a task when written to a device as it goes).
    out.reserve(device ? (1 << 20) + 4096 : trace.tasks.size() * 220);
    const QByteArray taskIndent = in + "  ";
    for (qsizetype i = 0; i < trace.tasks.size(); ++i) {
        out += i ? ",\n" : "\n";
        out += taskIndent;
        appendTask(out, trace.tasks[i]);
        flush();
    }
    out += trace.tasks.isEmpty() ? "]" : "\n" + in + "]";
    out += ",\n" + in;

    appendKey(out, "markers");
    out += '[';
    for (qsizetype i = 0; i < trace.markers.size(); ++i) {
        const Marker &m = trace.markers[i];
        out += i ? ",\n" : "\n";
        out += in + "  {";
        appendKey(out, "kind");
        putJsonString(out, markerName(m.kind));
        out += ", ";
        appendKey(out, "time_ms");
        appendMs(out, m.time);
        out += ", ";
        appendKey(out, "label");
        putJsonString(out, m.label);
        if (m.task >= 0 && m.task < trace.tasks.size()) {
            out += ", ";
            appendKey(out, "task");
            putJsonString(out, trace.tasks[m.task].name);
        }
        if (m.rank > 0) {
            out += ", ";
            appendKey(out, "rank");
            out += QByteArray::number(m.rank);
        }
        out += '}';
    }
    out += trace.markers.isEmpty() ? "]" : "\n" + in + "]";

    if (!trace.callerSpans.isEmpty()) {
        out += ",\n" + in;
        appendKey(out, "caller");
        out += '[';
        for (qsizetype i = 0; i < trace.callerSpans.size(); ++i) {
            const CallerSpan &c = trace.callerSpans[i];
            out += i ? ",\n" : "\n";
            out += in + "  {";
            appendKey(out, "label");
            putJsonString(out, c.label);
            out += ", ";
            appendKey(out, "holds_loop");
            out += c.holdsLoop ? "true" : "false";
            appendSpan(out, c.start, c.end);
            out += '}';
        }
        out += "\n" + in + "]";
    }
    out += "\n" + indent + "}";
}

} // namespace

void JsonExporter::append(QByteArray &bytes, const Trace &trace, const QByteArray &indent, QIODevice *device, bool *failed)
{
    ByteWriter out(bytes);
    writeTrace(out, trace, indent, device, failed);
}

QByteArray JsonExporter::toJson(const Trace &trace)
{
    QByteArray out;
    append(out, trace, {});
    out += '\n';
    return out;
}

bool JsonExporter::write(const Trace &trace, QIODevice &device)
{
    QByteArray out;
    bool failed = false;
    append(out, trace, {}, &device, &failed);
    out += '\n';
    return device.write(out) == out.size() && !failed;
}

QByteArray JsonExporter::toJson(const QList<Trace> &traces, const QString &scenario)
{
    QByteArray bytes;
    {
        ByteWriter out(bytes);
        out += "{\n  ";
        appendKey(out, "scenario");
        putJsonString(out, scenario);
        out += ",\n  ";
        appendKey(out, "runs");
        out += '[';
        for (qsizetype i = 0; i < traces.size(); ++i) {
            out += i ? ",\n    " : "\n    ";
            writeTrace(out, traces[i], "    ", nullptr, nullptr);
        }
        out += traces.isEmpty() ? "]\n}\n" : "\n  ]\n}\n";
    }
    return bytes;
}

} // namespace concviz
