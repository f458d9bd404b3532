#include "jsonexporter.h"

#include "statistics.h"

#include <charconv>
#include <cmath>

namespace concviz {

namespace {

// A whole number, without a temporary string: a million tasks write a few million of them.
void appendInt(QByteArray &out, qint64 value)
{
    char buffer[24];
    const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
    out.append(buffer, static_cast<qsizetype>(result.ptr - buffer));
}

// A JSON string: quotes, backslashes and control characters escaped, the rest as UTF-8.
void appendString(QByteArray &out, const QString &text)
{
    out += '"';
    const QByteArray utf8 = text.toUtf8();
    for (const char c : utf8) {
        const auto u = static_cast<unsigned char>(c);
        if (c == '"' || c == '\\') {
            out += '\\';
            out += c;
        } else if (u < 0x20) {
            static const char hex[] = "0123456789abcdef";
            out += "\\u00";
            out += hex[u >> 4];
            out += hex[u & 0xF];
        } else {
            out += c;
        }
    }
    out += '"';
}

// Microseconds as milliseconds, exactly: 1500 → 1.5, 2000000 → 2000; null when unknown (-1).
void appendMs(QByteArray &out, Micros us)
{
    if (us < 0) {
        out += "null";
        return;
    }
    appendInt(out, us / 1000);
    if (Micros fraction = us % 1000; fraction != 0) {
        char digits[4] = {static_cast<char>('0' + fraction / 100), static_cast<char>('0' + fraction / 10 % 10),
                          static_cast<char>('0' + fraction % 10), 0};
        int length = 3;
        while (digits[length - 1] == '0')
            --length;
        out += '.';
        out.append(digits, length);
    }
}

// A number rounded to three decimals, as the statistics print it.
void appendRounded(QByteArray &out, double value)
{
    out += QByteArray::number(std::round(value * 1000.0) / 1000.0, 'g', 15);
}

void appendKey(QByteArray &out, const char *key)
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

void appendNullableString(QByteArray &out, const QString &text)
{
    if (text.isEmpty())
        out += "null";
    else
        appendString(out, text);
}

// `, "start_ms": …, "end_ms": …`: the times of a task, a phase, an attempt, a wait or a caller's step.
void appendSpan(QByteArray &out, Micros start, Micros end)
{
    out += ", ";
    appendKey(out, "start_ms");
    appendMs(out, start);
    out += ", ";
    appendKey(out, "end_ms");
    appendMs(out, end);
}

void appendTask(QByteArray &out, const TaskTrace &t)
{
    out += '{';
    appendKey(out, "name");
    appendString(out, t.name);
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
    appendInt(out, t.attempts.size());
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
        appendString(out, phaseName(p.kind));
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
        appendInt(out, a.number);
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
        appendInt(out, t.worker);
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
        appendString(out, x.httpDetail);
    }
    if (t.database) {
        out += ", ";
        appendKey(out, "database");
        out += "true";
    }
    if (!x.parent.isEmpty()) {
        out += ", ";
        appendKey(out, "parent");
        appendString(out, x.parent);
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
            appendString(out, a.on);
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

} // namespace

void JsonExporter::append(QByteArray &out, const Trace &trace, const QByteArray &indent, QIODevice *device, bool *failed)
{
    constexpr qsizetype flushAt = 1 << 20;
    auto flush = [&] {
        if (device && out.size() >= flushAt) {
            if (device->write(out) != out.size() && failed)
                *failed = true;
            out.clear(); // keeps its capacity for the next megabyte
        }
    };
    const QByteArray in = indent + "  ";
    const Statistics s = Statistics::of(trace);
    out += "{\n" + in;
    appendKey(out, "scenario");
    appendString(out, trace.scenario);
    out += ",\n" + in;
    appendKey(out, "strategy");
    appendString(out, trace.strategy);
    out += ",\n" + in;
    appendKey(out, "clock");
    appendString(out, clockKindName(trace.clock));
    out += ",\n" + in;
    appendKey(out, "makespan_ms");
    appendMs(out, trace.makespan());
    out += ",\n" + in;
    // What the state at an instant and the insights need again when the trace is read back.
    if (trace.concurrencyLimit > 0) {
        appendKey(out, "concurrency_limit");
        appendInt(out, trace.concurrencyLimit);
        out += ",\n" + in;
    }
    if (trace.dbPoolCapacity > 0) {
        appendKey(out, "db_pool_capacity");
        appendInt(out, trace.dbPoolCapacity);
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
    out.reserve(device ? flushAt + 4096 : out.size() + trace.tasks.size() * 220);
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
        appendString(out, markerName(m.kind));
        out += ", ";
        appendKey(out, "time_ms");
        appendMs(out, m.time);
        out += ", ";
        appendKey(out, "label");
        appendString(out, m.label);
        if (m.task >= 0 && m.task < trace.tasks.size()) {
            out += ", ";
            appendKey(out, "task");
            appendString(out, trace.tasks[m.task].name);
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
            appendString(out, c.label);
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
    QByteArray out = "{\n  ";
    appendKey(out, "scenario");
    appendString(out, scenario);
    out += ",\n  ";
    appendKey(out, "runs");
    out += '[';
    for (qsizetype i = 0; i < traces.size(); ++i) {
        out += i ? ",\n    " : "\n    ";
        append(out, traces[i], "    ");
    }
    out += traces.isEmpty() ? "]\n}\n" : "\n  ]\n}\n";
    return out;
}

} // namespace concviz
