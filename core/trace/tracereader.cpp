#include "tracereader.h"

#include "chrometracereader.h"

#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <cmath>
#include <tuple>
#include <utility>

namespace concviz {

namespace {

constexpr double maxMs = 365.0 * 24 * 3600 * 1000; // a year: no run is longer, and the microseconds fit

struct BadField
{
    QString path;
    QString what;
};

QString at(const QString &path, const QString &key)
{
    return path.isEmpty() ? key : path + u'.' + key;
}

QString at(const QString &path, qsizetype index)
{
    return QStringLiteral("%1[%2]").arg(path).arg(index);
}

QJsonValue required(const QJsonObject &o, const QString &path, const QString &key)
{
    const QJsonValue v = o.value(key);
    if (v.isUndefined())
        throw BadField{at(path, key), QStringLiteral("is missing")};
    return v;
}

QString text(const QJsonObject &o, const QString &path, const QString &key, bool needed, bool nullable = false)
{
    const QJsonValue v = needed ? required(o, path, key) : o.value(key);
    if (v.isUndefined() || (nullable && v.isNull()))
        return {};
    if (!v.isString())
        throw BadField{at(path, key), nullable ? QStringLiteral("must be text or null") : QStringLiteral("must be text")};
    const QString s = v.toString();
    // A lone surrogate ("\ud800") is no character: it could not be written back as it was read.
    if (!s.isValidUtf16())
        throw BadField{at(path, key), QStringLiteral("must be valid Unicode text")};
    return s;
}

// Milliseconds from the start of the run, as microseconds; -1 for null or left out.
Micros millis(const QJsonObject &o, const QString &path, const QString &key, bool needed)
{
    const QJsonValue v = needed ? required(o, path, key) : o.value(key);
    if (v.isUndefined() || v.isNull())
        return -1;
    const double ms = v.toDouble(-1);
    if (!v.isDouble() || !std::isfinite(ms) || ms < 0 || ms > maxMs)
        throw BadField{at(path, key), QStringLiteral("must be milliseconds from 0 to a year (%1), or null").arg(maxMs, 0, 'f', 0)};
    return fromMs(ms);
}

qint64 bigCount(const QJsonObject &o, const QString &path, const QString &key)
{
    const QJsonValue v = o.value(key);
    if (v.isUndefined() || v.isNull())
        return -1;
    const double n = v.toDouble(-1);
    if (!v.isDouble() || n != std::floor(n) || n < 0 || n > 1e15)
        throw BadField{at(path, key), QStringLiteral("must be a whole number from 0 to 10^15, or null")};
    return static_cast<qint64>(n);
}

int count(const QJsonObject &o, const QString &path, const QString &key, int lowest, int highest, int otherwise)
{
    const QJsonValue v = o.value(key);
    if (v.isUndefined() || v.isNull())
        return otherwise;
    const double n = v.toDouble(-1);
    if (!v.isDouble() || n != std::floor(n) || n < lowest || n > highest)
        throw BadField{at(path, key), QStringLiteral("must be a whole number from %1 to %2").arg(lowest).arg(highest)};
    return static_cast<int>(n);
}

QJsonArray array(const QJsonObject &o, const QString &path, const QString &key, bool needed)
{
    const QJsonValue v = needed ? required(o, path, key) : o.value(key);
    if (v.isUndefined())
        return {};
    if (!v.isArray())
        throw BadField{at(path, key), QStringLiteral("must be a list")};
    return v.toArray();
}

QJsonObject object(const QJsonValue &v, const QString &path)
{
    if (!v.isObject())
        throw BadField{path, QStringLiteral("must be an object")};
    return v.toObject();
}

Outcome outcome(const QJsonObject &o, const QString &path, const QString &key)
{
    const QString name = text(o, path, key, true);
    for (Outcome x : {Outcome::Pending, Outcome::Ok, Outcome::Failed, Outcome::Timeout, Outcome::Cancelled})
        if (outcomeName(x) == name)
            return x;
    throw BadField{at(path, key), QStringLiteral("must be pending, ok, failed, timeout or cancelled, not \"%1\"").arg(name.left(40))};
}

PhaseKind phase(const QJsonObject &o, const QString &path)
{
    const QString name = text(o, path, QStringLiteral("phase"), true);
    for (int k = 0; k <= static_cast<int>(PhaseKind::WaitSync); ++k)
        if (phaseName(static_cast<PhaseKind>(k)) == name)
            return static_cast<PhaseKind>(k);
    throw BadField{at(path, QStringLiteral("phase")), QStringLiteral("is no phase ConcViz knows: \"%1\"").arg(name.left(40))};
}

MarkerKind markerKind(const QJsonObject &o, const QString &path)
{
    const QString name = text(o, path, QStringLiteral("kind"), true);
    for (MarkerKind k : {MarkerKind::CallerResumed, MarkerKind::Consumed, MarkerKind::Deadline, MarkerKind::Stopped})
        if (markerName(k) == name)
            return k;
    throw BadField{at(path, QStringLiteral("kind")), QStringLiteral("is no marker ConcViz knows: \"%1\"").arg(name.left(40))};
}

// A span must not end before it starts: the timeline would draw it backwards.
void checkOrder(Micros start, Micros end, const QString &path)
{
    if (start >= 0 && end >= 0 && end < start)
        throw BadField{at(path, QStringLiteral("end_ms")), QStringLiteral("is before start_ms")};
}

// The start_ms and end_ms of a phase, a wait or an attempt: it began (null is no start), and ended
// after it began or not yet (null).
std::pair<Micros, Micros> span(const QJsonObject &o, const QString &path)
{
    const Micros start = millis(o, path, QStringLiteral("start_ms"), true);
    const Micros end = millis(o, path, QStringLiteral("end_ms"), true);
    if (start < 0)
        throw BadField{at(path, QStringLiteral("start_ms")), QStringLiteral("must be milliseconds, not null")};
    checkOrder(start, end, path);
    return {start, end};
}

TaskTrace task(const QJsonObject &o, const QString &path)
{
    TaskTrace t;
    t.name = text(o, path, QStringLiteral("name"), true);
    t.outcome = outcome(o, path, QStringLiteral("state"));
    t.start = millis(o, path, QStringLiteral("start_ms"), true);
    t.end = millis(o, path, QStringLiteral("end_ms"), true);
    checkOrder(t.start, t.end, path);
    t.created = millis(o, path, QStringLiteral("created_ms"), false);
    if (t.created < 0)
        t.created = t.start; // an exported program records no creation: it started when made
    if (t.created >= 0 && t.start >= 0 && t.start < t.created)
        throw BadField{at(path, QStringLiteral("start_ms")), QStringLiteral("is before created_ms")};
    t.error = text(o, path, QStringLiteral("error"), false, true);
    t.worker = count(o, path, QStringLiteral("worker"), 0, 1000000, -1);
    // What only some tasks have goes into their extras, made only for those.
    TaskExtras x;
    x.httpStatus = count(o, path, QStringLiteral("http_status"), 0, 999, -1);
    x.httpDetail = text(o, path, QStringLiteral("url"), false, true);
    x.bytes = bigCount(o, path, QStringLiteral("bytes"));
    const QJsonValue database = o.value(QStringLiteral("database"));
    if (!database.isUndefined() && !database.isBool())
        throw BadField{at(path, QStringLiteral("database")), QStringLiteral("must be true or false")};
    t.database = database.toBool();
    x.parent = text(o, path, QStringLiteral("parent"), false, true);
    const QJsonValue thread = o.value(QStringLiteral("thread"));
    if (!thread.isUndefined() && !thread.isBool())
        throw BadField{at(path, QStringLiteral("thread")), QStringLiteral("must be true or false")};
    t.thread = thread.toBool();
    x.idealStart = millis(o, path, QStringLiteral("ideal_start_ms"), false);
    x.idealEnd = millis(o, path, QStringLiteral("ideal_end_ms"), false);
    checkOrder(x.idealStart, x.idealEnd, at(path, QStringLiteral("ideal")));
    x.dbRows = bigCount(o, path, QStringLiteral("rows"));
    x.dbFirstRow = text(o, path, QStringLiteral("first_row"), false, true);
    const QJsonArray phases = array(o, path, QStringLiteral("phases"), false);
    for (qsizetype i = 0; i < phases.size(); ++i) {
        const QString p = at(at(path, QStringLiteral("phases")), i);
        const QJsonObject po = object(phases[i], p);
        const PhaseKind kind = phase(po, p);
        const auto [start, end] = span(po, p);
        t.phases.append({kind, start, end});
    }
    const QJsonArray waits = array(o, path, QStringLiteral("waits"), false);
    for (qsizetype i = 0; i < waits.size(); ++i) {
        const QString p = at(at(path, QStringLiteral("waits")), i);
        const QJsonObject wo = object(waits[i], p);
        AwaitSpan w{text(wo, p, QStringLiteral("on"), true).left(40), text(wo, p, QStringLiteral("detail"), false, true).left(200)};
        std::tie(w.start, w.end) = span(wo, p);
        x.awaited.append(w);
    }
    // In time order, as a task's waits come one after another: the one at an instant is then found by halving.
    std::stable_sort(x.awaited.begin(), x.awaited.end(), [](const AwaitSpan &a, const AwaitSpan &b) { return a.start < b.start; });
    const QJsonArray attempts = array(o, path, QStringLiteral("attempt_spans"), false);
    for (qsizetype i = 0; i < attempts.size(); ++i) {
        const QString p = at(at(path, QStringLiteral("attempt_spans")), i);
        const QJsonObject ao = object(attempts[i], p);
        AttemptSpan a;
        a.number = count(ao, p, QStringLiteral("attempt"), 1, 1000000, static_cast<int>(i) + 1);
        a.outcome = outcome(ao, p, QStringLiteral("state"));
        std::tie(a.start, a.end) = span(ao, p);
        a.error = text(ao, p, QStringLiteral("error"), false, true);
        t.attempts.append(a);
    }
    // A file that gives only a task's times (an exported program's) ran it as one attempt.
    if (attempts.isEmpty() && t.start >= 0)
        t.attempts.append({1, t.start, t.end, t.outcome, t.error});
    t.setExtras(x);
    return t;
}

Trace run(const QJsonObject &o, const QString &path, qsizetype &tasksSoFar)
{
    Trace trace;
    trace.scenario = text(o, path, QStringLiteral("scenario"), false, true);
    trace.strategy = text(o, path, QStringLiteral("strategy"), true);
    const QString clock = text(o, path, QStringLiteral("clock"), false, true);
    if (clock == QLatin1String("virtual"))
        trace.clock = ClockKind::Virtual;
    else if (clock.isEmpty() || clock == QLatin1String("real") || clock == QLatin1String("asyncio"))
        trace.clock = ClockKind::Real;
    else
        throw BadField{at(path, QStringLiteral("clock")), QStringLiteral("must be real, virtual or asyncio, not \"%1\"").arg(clock.left(40))};
    trace.end = millis(o, path, QStringLiteral("makespan_ms"), true);
    if (trace.end < 0)
        throw BadField{at(path, QStringLiteral("makespan_ms")), QStringLiteral("must be milliseconds, not null: a trace is of a finished run")};
    trace.concurrencyLimit = count(o, path, QStringLiteral("concurrency_limit"), 0, 100000000, 0);
    trace.dbPoolCapacity = count(o, path, QStringLiteral("db_pool_capacity"), 0, 100000000, 0);
    trace.ideal = millis(o, path, QStringLiteral("ideal_ms"), false);
    const QString tasksPath = at(path, QStringLiteral("tasks"));
    const QJsonArray tasks = array(o, path, QStringLiteral("tasks"), true);
    tasksSoFar += tasks.size();
    if (tasksSoFar > TraceReader::maxTasks)
        throw BadField{tasksPath, QStringLiteral("holds more than %1 tasks in all").arg(TraceReader::maxTasks)};
    trace.tasks.reserve(tasks.size());
    for (qsizetype i = 0; i < tasks.size(); ++i) {
        TaskTrace t = task(object(tasks[i], at(tasksPath, i)), at(tasksPath, i));
        // Nothing happens after the run: the timeline and playback end at its makespan.
        Micros latest = std::max({t.created, t.start, t.end});
        for (const PhaseSpan &p : t.phases)
            latest = std::max({latest, p.start, p.end});
        for (const AttemptSpan &a : t.attempts)
            latest = std::max({latest, a.start, a.end});
        for (const AwaitSpan &a : t.extras().awaited)
            latest = std::max({latest, a.start, a.end});
        if (latest > trace.end)
            throw BadField{at(at(tasksPath, i), t.end > trace.end ? QStringLiteral("end_ms") : QStringLiteral("its times")),
                           QStringLiteral("is after the run's makespan_ms")};
        trace.tasks.append(std::move(t));
    }
    // Marks name their task: looked up once each, not by going through every task for every mark.
    QHash<QString, int> taskNamed;
    for (int t = static_cast<int>(trace.tasks.size()) - 1; t >= 0; --t)
        taskNamed.insert(trace.tasks[t].name, t);
    const QJsonArray markers = array(o, path, QStringLiteral("markers"), false);
    for (qsizetype i = 0; i < markers.size(); ++i) {
        const QString p = at(at(path, QStringLiteral("markers")), i);
        const QJsonObject mo = object(markers[i], p);
        Marker m;
        m.kind = markerKind(mo, p);
        m.time = millis(mo, p, QStringLiteral("time_ms"), true);
        if (m.time < 0 || m.time > trace.end)
            throw BadField{at(p, QStringLiteral("time_ms")), QStringLiteral("must be milliseconds within the run's makespan_ms")};
        m.label = text(mo, p, QStringLiteral("label"), false, true);
        m.rank = count(mo, p, QStringLiteral("rank"), 0, 2000000, 0);
        const QString taskName = text(mo, p, QStringLiteral("task"), false, true);
        m.task = taskName.isEmpty() ? -1 : taskNamed.value(taskName, -1);
        trace.markers.append(m);
    }
    const QJsonArray caller = array(o, path, QStringLiteral("caller"), false);
    for (qsizetype i = 0; i < caller.size(); ++i) {
        const QString p = at(at(path, QStringLiteral("caller")), i);
        const QJsonObject co = object(caller[i], p);
        CallerSpan c;
        c.label = text(co, p, QStringLiteral("label"), false, true);
        const QJsonValue holds = co.value(QStringLiteral("holds_loop"));
        if (!holds.isUndefined() && !holds.isBool())
            throw BadField{at(p, QStringLiteral("holds_loop")), QStringLiteral("must be true or false")};
        c.holdsLoop = holds.toBool();
        c.start = millis(co, p, QStringLiteral("start_ms"), true);
        c.end = millis(co, p, QStringLiteral("end_ms"), true);
        if (c.start < 0 || c.start > trace.end || c.end > trace.end)
            throw BadField{at(p, QStringLiteral("start_ms")), QStringLiteral("must be milliseconds within the run's makespan_ms")};
        checkOrder(c.start, c.end, p);
        trace.callerSpans.append(c);
    }
    return trace;
}

} // namespace

TraceReadResult TraceReader::read(const QByteArray &json, const QString &source)
{
    TraceReadResult result;
    if (json.size() > maxBytes) {
        result.error = QStringLiteral("%1: larger than %2 MiB; ConcViz reads traces up to that size").arg(source, QString::number(maxBytes >> 20));
        return result;
    }
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        // The line of the offset, for people: JSON's own message says what, this says where.
        const qsizetype line = json.left(parseError.offset).count('\n') + 1;
        result.error = QStringLiteral("%1:%2: not JSON: %3").arg(source, QString::number(line), parseError.errorString());
        return result;
    }
    return read(document, source);
}

TraceReadResult TraceReader::read(const QJsonDocument &document, const QString &source)
{
    TraceReadResult result;
    if (ChromeTraceReader::recognises(document))
        return ChromeTraceReader::read(document, source);
    try {
        const QJsonObject top = object(document.isObject() ? QJsonValue(document.object()) : QJsonValue(), QStringLiteral("the top level"));
        qsizetype tasks = 0;
        if (top.contains(QStringLiteral("runs"))) {
            const QJsonArray runs = array(top, {}, QStringLiteral("runs"), true);
            if (runs.isEmpty())
                throw BadField{QStringLiteral("runs"), QStringLiteral("holds no run")};
            for (qsizetype i = 0; i < runs.size(); ++i)
                result.traces.append(run(object(runs[i], at(QStringLiteral("runs"), i)), at(QStringLiteral("runs"), i), tasks));
        } else {
            result.traces.append(run(top, {}, tasks));
        }
    } catch (const BadField &bad) {
        result.traces.clear();
        result.error = QStringLiteral("%1: %2: %3").arg(source, bad.path, bad.what);
    }
    return result;
}

TraceReadResult TraceReader::readFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {{}, QStringLiteral("%1: cannot be read: %2").arg(path, file.errorString())};
    // Read with a bound, not by the size the file says it has: a pipe or a device says 0.
    const QByteArray bytes = file.read(maxBytes + 1);
    if (bytes.size() > maxBytes)
        return {{}, QStringLiteral("%1: larger than %2 MiB; ConcViz reads traces up to that size").arg(path, QString::number(maxBytes >> 20))};
    return read(bytes, path);
}

} // namespace concviz
