#include "timelineviewport.h"

#include "timelinecoordinates.h"

#include <algorithm>

namespace concviz {

TimelineViewport::TimelineViewport(QObject *parent)
    : QObject(parent)
{
}

void TimelineViewport::setContentEnd(Micros end)
{
    m_contentEnd = std::max<Micros>(end, minimumSpan);
    if (m_fitted)
        apply(0, fittedEnd(), true);
}

Micros TimelineViewport::fittedEnd() const
{
    // A little air after the last bar, so its end mark is not on the edge.
    return m_contentEnd + m_contentEnd / 20;
}

void TimelineViewport::setRange(Micros start, Micros end)
{
    apply(start, end, false);
}

void TimelineViewport::zoomAround(Micros anchor, double factor)
{
    Micros start = m_start;
    Micros end = m_end;
    timeline::zoomAround(anchor, factor, &start, &end, minimumSpan);
    apply(start, end, false);
}

void TimelineViewport::pan(Micros delta)
{
    apply(m_start + delta, m_end + delta, false);
}

void TimelineViewport::fit()
{
    apply(0, fittedEnd(), true);
}

void TimelineViewport::toStart()
{
    const Micros span = m_end - m_start;
    apply(0, span, false);
}

void TimelineViewport::toEnd()
{
    const Micros span = m_end - m_start;
    apply(fittedEnd() - span, fittedEnd(), false);
}

void TimelineViewport::remember()
{
    // A hundred steps back is more than anyone retraces; the oldest go first.
    const View now{m_start, m_end, m_fitted};
    if (!m_history.isEmpty() && m_history.last() == now)
        return;
    m_history.append(now);
    if (m_history.size() > 100)
        m_history.removeFirst();
}

bool TimelineViewport::back()
{
    while (!m_history.isEmpty()) {
        const View view = m_history.takeLast();
        if (view == View{m_start, m_end, m_fitted})
            continue; // already there: one further back
        if (view.fitted)
            fit();
        else
            apply(view.start, view.end, false);
        return true;
    }
    return false;
}

void TimelineViewport::apply(Micros start, Micros end, bool fitted)
{
    if (end - start < minimumSpan)
        end = start + minimumSpan;
    // Time before the run and far after it is empty: keep at least part of the run in view.
    const Micros span = end - start;
    start = std::clamp<Micros>(start, -span / 2, std::max<Micros>(fittedEnd() - span / 2, 0));
    end = start + span;
    m_fitted = fitted;
    if (start == m_start && end == m_end)
        return;
    m_start = start;
    m_end = end;
    Q_EMIT rangeChanged(m_start, m_end);
}

} // namespace concviz
