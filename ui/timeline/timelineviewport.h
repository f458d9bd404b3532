#pragma once

#include "async/clock.h"

#include <QList>
#include <QObject>

namespace concviz {

// The visible time window of the timeline: what zoom, pan, fit and rubber-band selection change.
// Views listen to rangeChanged() and never keep a copy of their own.
class TimelineViewport : public QObject
{
    Q_OBJECT
public:
    explicit TimelineViewport(QObject *parent = nullptr);

    Micros start() const { return m_start; }
    Micros end() const { return m_end; }
    // The extent of the content, which fit() shows; it grows while a run is live.
    Micros contentEnd() const { return m_contentEnd; }
    bool isFitted() const { return m_fitted; }

    void setContentEnd(Micros end);
    void setRange(Micros start, Micros end);
    void zoomAround(Micros anchor, double factor);
    void pan(Micros delta);
    // Shows all content; stays fitted (following a live run) until the user zooms or pans.
    void fit();
    // Shows the same span from the run's start, or ending at its end.
    void toStart();
    void toEnd();

    // Navigation history, for "back" (Alt+Left): the view as it is now, kept before a change.
    void remember();
    // Goes back to the view last remembered; false when there is none.
    bool back();
    int historySize() const { return static_cast<int>(m_history.size()); }

    static constexpr Micros minimumSpan = 100; // 0.1 ms across the whole width

Q_SIGNALS:
    void rangeChanged(concviz::Micros start, concviz::Micros end);

private:
    void apply(Micros start, Micros end, bool fitted);
    Micros fittedEnd() const;

    struct View
    {
        Micros start;
        Micros end;
        bool fitted;
        bool operator==(const View &) const = default;
    };
    QList<View> m_history;
    Micros m_start = 0;
    Micros m_end = 1000000;
    Micros m_contentEnd = 1000000;
    bool m_fitted = true;
};

} // namespace concviz
