#pragma once

#include "trace/trace.h"

#include <QList>
#include <QString>

namespace concviz {

// What the timeline draws, laid out for fast painting: the runs being compared, one group each,
// every task a lane with its spans in one flat array. Rebuilt from the traces; never edited.
class TimelineModel
{
public:
    enum class SpanType : quint8 { Running, Phase };

    struct Span
    {
        Micros start;
        Micros end; // -1 while open: drawn up to "now"
        SpanType type;
        PhaseKind phase = PhaseKind::Backoff;      // when type == Phase
        Outcome outcome = Outcome::Pending;        // when type == Running: how that attempt ended
    };

    struct Lane
    {
        QString name;
        Outcome outcome = Outcome::Pending;
        QString error;
        Micros created = -1;
        Micros start = -1;
        Micros end = -1;
        int attempts = 0;
        int worker = -1;
        int firstSpan = 0;
        int spanCount = 0;
    };

    struct Group
    {
        QString strategy;
        QString scenario;
        bool finished = false;
        Micros makespan = 0;
        Micros work = 0;        // body time, summed
        Micros longestTask = 0;
        double speedup = 0;
        int maxConcurrency = 0;
        int concurrencyLimit = 0;
        Micros deadline = -1;
        QList<Lane> lanes;
        QList<Span> spans; // by lane, each lane's spans in time order
        QList<Marker> markers;
    };

    // Rebuilds everything from the traces, one group per trace, in order. `deadlineMs` draws the
    // scenario's deadline line in every group.
    void setTraces(const QList<Trace> &traces, std::optional<double> deadlineMs = std::nullopt);
    void clear() { m_groups.clear(); m_latest = 0; }

    const QList<Group> &groups() const { return m_groups; }
    int laneCount() const;
    qsizetype spanCount() const;
    // The latest time anything reaches: the fit range.
    Micros latest() const { return m_latest; }

private:
    QList<Group> m_groups;
    Micros m_latest = 0;
};

} // namespace concviz
