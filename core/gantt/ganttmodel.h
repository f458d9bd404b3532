#pragma once

#include "finishorder.h"
#include "../trace/statistics.h"
#include "../trace/trace.h"

#include <QList>

#include <array>
#include <functional>
#include <optional>
#include <QString>

namespace concviz {

// The Gantt chart of the runs being compared, the one model every renderer draws (the window's
// painter and the terminal chart): one group per run, every task a lane with its spans in one flat
// array, in paint order. Rebuilt from the traces; never edited.
class GanttModel
{
public:
    enum class SpanType : quint8 { Running, Phase };

    // Whether a phase of this kind happens inside an attempt's body (a thread, a connection, the
    // network) rather than before or between attempts (a permit, the queue, backoff): drawn on top
    // of the attempt's bar, not beside it.
    static bool isInsideAttempt(PhaseKind kind);

    struct Span
    {
        Micros start;
        Micros end; // -1 while open: drawn up to "now"
        SpanType type;
        PhaseKind phase = PhaseKind::Backoff;      // when type == Phase
        Outcome outcome = Outcome::Pending;        // when type == Running: how that attempt ended
    };

    // A span as the folded rows read it: 8 bytes where a Span takes 32, so that a million of them
    // stream through the cache four times as fast on every frame. Times in microseconds; the top
    // bit of `end` marks a span that is not running (a wait or a phase); an open one ends at
    // `openEnd`.
    struct PackedSpan
    {
        static constexpr quint32 notRunning = 0x80000000u;
        static constexpr quint32 openEnd = 0x7FFFFFFFu;
        quint32 start;
        quint32 end;
    };
    // The spans packed, one for one; empty when a time does not fit in 31 bits (a run longer than
    // 35 minutes, or one before 0), which the folded rows then read from the spans themselves.
    static QList<PackedSpan> pack(const QList<Span> &spans);

    struct Lane
    {
        QString name;
        Outcome outcome = Outcome::Pending;
        QString error;
        Micros created = -1;
        Micros start = -1;
        Micros end = -1;
        Micros runTime = 0; // time its bodies ran, summed over attempts
        int attempts = 0;
        int worker = -1;
        bool thread = false; // an executor thread of a recorded program: its attempts are jobs
        Micros idealStart = -1; // the same task on the virtual clock, drawn as a ghost bar; -1 when unknown
        Micros idealEnd = -1;
        int place = 0;        // with a guess of the finish order: where it finished, from 1 (ties share)
        int guessedPlace = 0; // and where the class put it; 0 without a guess
        bool placeGuessedRight = false;
        int firstSpan = 0;
        int spanCount = 0;
        int task = 0;       // its index among the run's tasks, which stays when lanes are hidden
        bool waited = false; // it spent time waiting (a permit, the queue, a thread or connection, backoff)
    };

    struct Group
    {
        QString strategy;
        QString scenario;
        ClockKind clock = ClockKind::Real;
        bool finished = false;
        Micros makespan = 0;    // stats.makespan, at hand: every renderer scales by it
        Statistics stats;
        int concurrencyLimit = 0;
        Micros deadline = -1;
        Micros guess = -1; // the class's prediction of the makespan, drawn beside it; -1 for none
        QList<Lane> lanes;
        QList<Span> spans; // by lane, each lane's spans in time order
        QList<PackedSpan> packed; // the same spans, packed; see pack()
        QList<Marker> markers;
        QList<CallerSpan> callerSpans; // the caller's own steps and pauses, on its row
    };

    // Rebuilds everything from the traces, one group per trace, in order. `deadlineMs` draws the
    // scenario's deadline line in every group.
    void setTraces(const QList<Trace> &traces, std::optional<double> deadlineMs = std::nullopt);
    // What the class predicted each run's makespan to be (Run ▸ Predict), by run; -1 for none.
    void setGuesses(const QList<Micros> &guesses);
    // What the class guessed of the order one run's tasks finish in, beside the order they did:
    // each lane of that group gets its place and its guessed place.
    void setFinishOrder(int group, const FinishOrder &order);
    void clear()
    {
        m_groups.clear();
        m_latest = 0;
        m_shown.reset();
    }
    // Hides the lanes `keep` turns down, in every group. What a group says of its run as a whole
    // (makespan, statistics, the caller's markers) stays; markers about a hidden task go.
    void keepLanes(const std::function<bool(const Lane &)> &keep);

    const QList<Group> &groups() const { return m_groups; }
    int laneCount() const;
    qsizetype spanCount() const;
    // The latest time anything reaches: the fit range.
    Micros latest() const { return m_latest; }

    // What the runs show, so that a legend names only that. Worked out on first use and kept until
    // the model changes: a legend drawn every frame must not walk a million spans each time.
    struct Shown
    {
        std::array<bool, static_cast<std::size_t>(PhaseKind::WaitSync) + 1> phases{}; // a wait of some time of that kind
        std::array<bool, 5> ended{}; // by Outcome
        bool callerAwaits = false;
        bool callerHoldsLoop = false;
        bool ideal = false;
    };
    const Shown &shown() const;

private:
    QList<Group> m_groups;
    Micros m_latest = 0;
    mutable std::optional<Shown> m_shown;
};

} // namespace concviz
