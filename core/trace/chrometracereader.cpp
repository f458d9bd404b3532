#include "chrometracereader.h"

#include <QFileInfo>
#include <QHash>
#include <QJsonArray>
#include <QJsonObject>

#include <algorithm>
#include <cmath>
#include <limits>
#include <optional>
#include <tuple>

namespace concviz {

namespace {

constexpr double maxMicros = 365.0 * 24 * 3600 * 1e6; // a year either side of the start

struct BadEvent
{
    qsizetype index;
    QString field;
    QString what;
};

// A lane: a thread (pid, tid) or an async id (pid, cat, id).
struct Lane
{
    QString name;
    double sortIndex = std::numeric_limits<double>::infinity();
    qsizetype firstSeen = 0;
    QList<AttemptSpan> slices;
    QList<PhaseSpan> waits;
    QList<std::pair<double, double>> open; // B or b events not yet ended: start, and nothing else
    QString pid;
    QString tid;
};

QString idOf(const QJsonValue &v, qsizetype index, const char *field)
{
    if (v.isUndefined() || v.isNull())
        return {};
    if (v.isString())
        return v.toString().left(200);
    if (v.isDouble())
        return QString::number(v.toDouble(), 'g', 17);
    throw BadEvent{index, QString::fromLatin1(field), QStringLiteral("must be a number or text")};
}

double micros(const QJsonObject &e, qsizetype index, const char *field, bool needed)
{
    const QJsonValue v = e.value(QLatin1String(field));
    if (v.isUndefined() && !needed)
        return 0;
    const double t = v.toDouble(std::numeric_limits<double>::quiet_NaN());
    if (!v.isDouble() || !std::isfinite(t) || std::abs(t) > maxMicros)
        throw BadEvent{index, QString::fromLatin1(field), QStringLiteral("must be microseconds, a number within a year")};
    return t;
}

QString textOf(const QJsonObject &e, qsizetype index, const char *field)
{
    const QJsonValue v = e.value(QLatin1String(field));
    if (v.isUndefined() || v.isNull())
        return {};
    if (!v.isString())
        throw BadEvent{index, QString::fromLatin1(field), QStringLiteral("must be text")};
    const QString s = v.toString();
    if (!s.isValidUtf16())
        throw BadEvent{index, QString::fromLatin1(field), QStringLiteral("must be valid Unicode text")};
    return s.left(1000);
}

std::optional<PhaseKind> phaseNamed(const QString &description)
{
    for (int k = 0; k <= static_cast<int>(PhaseKind::WaitSync); ++k)
        if (phaseDescription(static_cast<PhaseKind>(k)) == description)
            return static_cast<PhaseKind>(k);
    return std::nullopt;
}

Outcome outcomeNamed(const QString &name)
{
    for (Outcome o : {Outcome::Ok, Outcome::Failed, Outcome::Timeout, Outcome::Cancelled})
        if (outcomeName(o) == name)
            return o;
    return Outcome::Ok;
}

} // namespace

bool ChromeTraceReader::recognises(const QJsonDocument &document)
{
    return document.isArray() || (document.isObject() && document.object().contains(QStringLiteral("traceEvents")));
}

TraceReadResult ChromeTraceReader::read(const QJsonDocument &document, const QString &source)
{
    TraceReadResult result;
    const QJsonArray events = document.isArray() ? document.array() : document.object().value(QStringLiteral("traceEvents")).toArray();
    if (document.isObject() && !document.object().value(QStringLiteral("traceEvents")).isArray()) {
        result.error = QStringLiteral("%1: traceEvents: must be a list of events").arg(source);
        return result;
    }
    if (events.size() > maxEvents) {
        result.error = QStringLiteral("%1: traceEvents: holds more than %2 events").arg(source, QString::number(maxEvents));
        return result;
    }
    QList<Lane> lanes;
    QHash<QString, int> laneOf;
    QHash<QString, QString> processNames;
    QList<std::tuple<double, QString, QString>> instants; // time, label, category
    double earliest = std::numeric_limits<double>::infinity();
    double latest = -std::numeric_limits<double>::infinity();
    auto lane = [&](const QString &key, qsizetype index) -> Lane & {
        auto it = laneOf.constFind(key);
        if (it != laneOf.constEnd())
            return lanes[*it];
        if (lanes.size() >= maxLanes)
            throw BadEvent{index, QStringLiteral("tid"), QStringLiteral("makes more than %1 lanes").arg(maxLanes)};
        laneOf.insert(key, static_cast<int>(lanes.size()));
        lanes.append(Lane{});
        lanes.last().firstSeen = index;
        return lanes.last();
    };
    auto seen = [&](double t) {
        earliest = std::min(earliest, t);
        latest = std::max(latest, t);
    };
    try {
        for (qsizetype i = 0; i < events.size(); ++i) {
            if (!events[i].isObject())
                throw BadEvent{i, {}, QStringLiteral("must be an object")};
            const QJsonObject e = events[i].toObject();
            const QString ph = textOf(e, i, "ph");
            const QString name = textOf(e, i, "name");
            const QString pid = idOf(e.value(QStringLiteral("pid")), i, "pid");
            const QString tid = idOf(e.value(QStringLiteral("tid")), i, "tid");
            const QString threadKey = QStringLiteral("t:%1:%2").arg(pid, tid);
            if (ph == QLatin1String("M")) {
                const QJsonObject args = e.value(QStringLiteral("args")).toObject();
                if (name == QLatin1String("process_name")) {
                    processNames.insert(pid, args.value(QStringLiteral("name")).toString().left(200));
                } else if (name == QLatin1String("thread_name")) {
                    Lane &l = lane(threadKey, i);
                    l.name = args.value(QStringLiteral("name")).toString().left(1000);
                    l.pid = pid;
                    l.tid = tid;
                } else if (name == QLatin1String("thread_sort_index")) {
                    Lane &l = lane(threadKey, i);
                    l.sortIndex = args.value(QStringLiteral("sort_index")).toDouble(l.sortIndex);
                }
                continue;
            }
            if (ph == QLatin1String("X")) {
                const double ts = micros(e, i, "ts", true);
                const double dur = micros(e, i, "dur", false);
                if (dur < 0)
                    throw BadEvent{i, QStringLiteral("dur"), QStringLiteral("must not be negative")};
                seen(ts);
                seen(ts + dur);
                Lane &l = lane(threadKey, i);
                l.pid = pid;
                l.tid = tid;
                const QString category = textOf(e, i, "cat");
                const std::optional<PhaseKind> wait = category == QLatin1String("wait") ? phaseNamed(name) : std::nullopt;
                if (wait) {
                    l.waits.append({*wait, static_cast<Micros>(std::llround(ts)), static_cast<Micros>(std::llround(ts + dur))});
                } else {
                    const QJsonObject args = e.value(QStringLiteral("args")).toObject();
                    AttemptSpan a;
                    a.number = static_cast<int>(l.slices.size()) + 1;
                    a.start = std::llround(ts);
                    a.end = std::llround(ts + dur);
                    a.outcome = outcomeNamed(args.value(QStringLiteral("state")).toString());
                    a.error = args.value(QStringLiteral("error")).toString().left(1000);
                    l.slices.append(a);
                    if (l.name.isEmpty())
                        l.name = name;
                }
            } else if (ph == QLatin1String("B") || ph == QLatin1String("E") || ph == QLatin1String("b") || ph == QLatin1String("e")) {
                const double ts = micros(e, i, "ts", true);
                seen(ts);
                const bool async = ph == QLatin1String("b") || ph == QLatin1String("e");
                const QString key = async ? QStringLiteral("a:%1:%2:%3").arg(pid, textOf(e, i, "cat"), idOf(e.value(QStringLiteral("id")), i, "id"))
                                          : threadKey;
                Lane &l = lane(key, i);
                if (l.name.isEmpty() && !name.isEmpty())
                    l.name = async ? QStringLiteral("%1 (%2)").arg(name, idOf(e.value(QStringLiteral("id")), i, "id")) : name;
                l.pid = pid;
                l.tid = async ? QString() : tid;
                if (ph == QLatin1String("B") || ph == QLatin1String("b")) {
                    l.open.append({ts, 0});
                } else if (!l.open.isEmpty()) { // an end with no beginning is passed over
                    const double start = l.open.takeLast().first;
                    l.slices.append({static_cast<int>(l.slices.size()) + 1, std::llround(start), std::llround(std::max(start, ts)), Outcome::Ok, {}});
                }
            } else if (ph == QLatin1String("i") || ph == QLatin1String("I") || ph == QLatin1String("n")) {
                const double ts = micros(e, i, "ts", true);
                seen(ts);
                instants.append({ts, name, textOf(e, i, "cat")});
            }
            // Counters, flows, samples, objects: nothing a lane of tasks shows.
        }
    } catch (const BadEvent &bad) {
        const QString where = bad.field.isEmpty() ? QStringLiteral("traceEvents[%1]").arg(bad.index)
                                                  : QStringLiteral("traceEvents[%1].%2").arg(QString::number(bad.index), bad.field);
        result.error = QStringLiteral("%1: %2: %3").arg(source, where, bad.what);
        return result;
    }

    // ConcViz times run from 0 to a year: so must the trace, from its earliest event.
    if (std::isfinite(earliest) && latest - earliest > maxMicros) {
        result.error = QStringLiteral("%1: traceEvents: spans more than a year, from %2 µs to %3 µs")
                           .arg(source, QString::number(earliest, 'f', 0), QString::number(latest, 'f', 0));
        return result;
    }
    Trace trace;
    trace.scenario = QFileInfo(source).fileName();
    trace.strategy = QStringLiteral("chrome trace");
    if (processNames.size() == 1)
        trace.strategy = processNames.begin().value();
    trace.clock = ClockKind::Real;
    const double origin = std::isfinite(earliest) ? earliest : 0;
    const Micros shift = std::llround(origin);
    trace.end = std::isfinite(latest) ? std::llround(latest) - shift : 0;
    // Threads in their sort order, then in the order they first appeared.
    QList<int> order;
    for (int l = 0; l < lanes.size(); ++l)
        if (!lanes[l].slices.isEmpty() || !lanes[l].waits.isEmpty() || !lanes[l].open.isEmpty())
            order << l;
    std::stable_sort(order.begin(), order.end(), [&lanes](int a, int b) {
        return lanes[a].sortIndex != lanes[b].sortIndex ? lanes[a].sortIndex < lanes[b].sortIndex : lanes[a].firstSeen < lanes[b].firstSeen;
    });
    for (int l : order) {
        Lane &lane = lanes[l];
        // A beginning never ended lasts to the end of the trace.
        for (const auto &open : lane.open)
            lane.slices.append({static_cast<int>(lane.slices.size()) + 1, std::llround(open.first), std::llround(latest), Outcome::Pending, {}});
        TaskTrace t;
        t.name = !lane.name.isEmpty() ? lane.name : QStringLiteral("pid %1, thread %2").arg(lane.pid, lane.tid);
        std::sort(lane.slices.begin(), lane.slices.end(), [](const AttemptSpan &a, const AttemptSpan &b) { return a.start < b.start; });
        // A thread runs one thing at a time: slices nested in another (a call inside a call) are
        // part of it, so overlapping slices make one bar.
        for (const AttemptSpan &a : lane.slices) {
            if (!t.attempts.isEmpty() && a.start - shift < t.attempts.last().end) {
                // A slice inside one never ended (Pending) leaves it never ended.
                t.attempts.last().end = std::max(t.attempts.last().end, a.end - shift);
                continue;
            }
            AttemptSpan moved = a;
            moved.number = static_cast<int>(t.attempts.size()) + 1;
            moved.start -= shift;
            moved.end -= shift;
            t.attempts.append(moved);
        }
        for (PhaseSpan &p : lane.waits) {
            p.start -= shift;
            p.end -= shift;
            t.phases.append(p);
        }
        Micros first = std::numeric_limits<Micros>::max();
        Micros last = 0;
        for (const AttemptSpan &a : t.attempts) {
            first = std::min(first, a.start);
            last = std::max(last, a.end);
        }
        for (const PhaseSpan &p : t.phases) {
            first = std::min(first, p.start);
            last = std::max(last, p.end);
        }
        t.created = first;
        t.start = t.attempts.isEmpty() ? -1 : t.attempts.first().start;
        t.end = last;
        t.outcome = t.attempts.isEmpty() ? Outcome::Ok : t.attempts.last().outcome;
        t.error = t.attempts.isEmpty() ? QString() : t.attempts.last().error;
        if (t.outcome == Outcome::Pending)
            t.end = -1;
        trace.tasks.append(t);
    }
    // Instants are marks of the whole run: tied to a task, a mark would say the caller resumed
    // because that task ended.
    for (const auto &[time, label, category] : instants) {
        Marker m;
        m.time = std::llround(time) - shift;
        m.label = label;
        m.kind = MarkerKind::CallerResumed;
        for (MarkerKind k : {MarkerKind::Consumed, MarkerKind::Deadline, MarkerKind::Stopped})
            if (markerName(k) == category)
                m.kind = k;
        trace.markers.append(m);
    }
    if (trace.tasks.isEmpty() && trace.markers.isEmpty()) {
        result.error = QStringLiteral("%1: traceEvents: holds no slice, instant or async event to show").arg(source);
        return result;
    }
    result.traces.append(trace);
    return result;
}

} // namespace concviz
