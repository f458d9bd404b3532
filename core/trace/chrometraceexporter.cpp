#include "chrometraceexporter.h"

#include "bytewriter.h"
#include "jsonstring.h"

namespace concviz {

namespace {

// Each event is written straight into the bytes, keys in the order a QJsonDocument sorts them
// into, without one: a million tasks make four million events.
class EventWriter
{
public:
    explicit EventWriter(ByteWriter &out)
        : m_out(out)
    {
    }

    // {"args":{"KEY":VALUE},"name":NAME,"ph":"M","pid":1,"tid":TID}
    template<typename Value>
    void metadata(const char *name, int tid, const char *key, const Value &value)
    {
        begin();
        m_out += "{\"args\":{\"";
        m_out += key;
        m_out += "\":";
        put(value);
        m_out += "},\"name\":\"";
        m_out += name;
        m_out += "\",\"ph\":\"M\",\"pid\":1,\"tid\":";
        m_out.putNumber(tid);
        m_out += '}';
    }

    // {"args":{...},"cat":CATEGORY,"dur":…,"name":NAME,"ph":"X","pid":1,"tid":TID,"ts":START}; an
    // attempt's args are its number, its error if any and how it ended.
    void slice(const QString &name, const QString &category, int tid, Micros start, Micros end, const AttemptSpan *attempt = nullptr)
    {
        begin();
        m_out += '{';
        if (attempt) {
            m_out += "\"args\":{\"attempt\":";
            m_out.putNumber(attempt->number);
            if (!attempt->error.isEmpty()) {
                m_out += ",\"error\":";
                putJsonString(m_out, attempt->error);
            }
            m_out += ",\"state\":";
            putJsonString(m_out, outcomeName(attempt->outcome));
            m_out += "},";
        }
        m_out += "\"cat\":";
        putJsonString(m_out, category);
        m_out += ",\"dur\":";
        m_out.putNumber(end - start);
        m_out += ",\"name\":";
        putJsonString(m_out, name);
        m_out += ",\"ph\":\"X\",\"pid\":1,\"tid\":";
        m_out.putNumber(tid);
        m_out += ",\"ts\":";
        m_out.putNumber(start);
        m_out += '}';
    }

    // {"cat":KIND,"name":LABEL,"ph":"i","pid":1,"s":"g","tid":0,"ts":TIME}
    void instant(const Marker &m)
    {
        begin();
        m_out += "{\"cat\":";
        putJsonString(m_out, markerName(m.kind));
        m_out += ",\"name\":";
        putJsonString(m_out, m.label);
        m_out += ",\"ph\":\"i\",\"pid\":1,\"s\":\"g\",\"tid\":0,\"ts\":";
        m_out.putNumber(m.time);
        m_out += '}';
    }

private:
    void begin()
    {
        if (!m_first)
            m_out += ',';
        m_first = false;
    }
    void put(const QString &text) { putJsonString(m_out, text); }
    void put(int number) { m_out.putNumber(number); }

    ByteWriter &m_out;
    bool m_first = true;
};

} // namespace

namespace {

// The whole trace, handed to `device` a megabyte at a time when there is one; false when it took less.
bool writeEvents(ByteWriter &out, const Trace &trace, QIODevice *device)
{
    bool written = true;
    out.reserve(device ? (1 << 20) + 4096 : trace.tasks.size() * 360);
    out += "{\"displayTimeUnit\":\"ms\",\"traceEvents\":[";
    EventWriter events(out);
    events.metadata("process_name", 0, "name", QStringLiteral("%1 — %2").arg(trace.scenario, trace.strategy));
    const Micros end = trace.makespan();
    const QString wait = QStringLiteral("wait");
    for (int i = 0; i < trace.tasks.size(); ++i) {
        const TaskTrace &t = trace.tasks[i];
        const int tid = i + 1; // tid 0 holds the caller's markers
        events.metadata("thread_name", tid, "name", t.name);
        events.metadata("thread_sort_index", tid, "sort_index", tid);
        for (const PhaseSpan &p : t.phases)
            events.slice(phaseDescription(p.kind), wait, tid, p.start, p.end >= 0 ? p.end : end);
        for (const AttemptSpan &a : t.attempts) {
            const QString name = t.attempts.size() > 1 ? QStringLiteral("%1 (attempt %2)").arg(t.name).arg(a.number) : t.name;
            events.slice(name, outcomeName(a.outcome), tid, a.start, a.end >= 0 ? a.end : end, &a);
        }
        written = out.flushTo(device) && written;
    }
    for (const Marker &m : trace.markers)
        events.instant(m);
    out += "]}";
    return written;
}

} // namespace

QByteArray ChromeTraceExporter::toJson(const Trace &trace)
{
    return ByteWriter::bytesOf([&](ByteWriter &out, QIODevice *device) { return writeEvents(out, trace, device); });
}

bool ChromeTraceExporter::write(const Trace &trace, QIODevice &device)
{
    return ByteWriter::streamTo(device, [&](ByteWriter &out, QIODevice *to) { return writeEvents(out, trace, to); });
}

} // namespace concviz
