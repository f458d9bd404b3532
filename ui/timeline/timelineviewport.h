#pragma once

#include "async/clock.h"

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

    static constexpr Micros minimumSpan = 100; // 0.1 ms across the whole width

Q_SIGNALS:
    void rangeChanged(concviz::Micros start, concviz::Micros end);

private:
    void apply(Micros start, Micros end, bool fitted);
    Micros fittedEnd() const;

    Micros m_start = 0;
    Micros m_end = 1000000;
    Micros m_contentEnd = 1000000;
    bool m_fitted = true;
};

} // namespace concviz
