#pragma once

#include "theme.h"
#include "gantt/ganttmodel.h"

#include <QSize>
#include <QString>

namespace concviz {

// An instant of playback to draw: the runs greyed after it, and under them what was true then.
struct PlaybackInstant
{
    Micros time = -1; // -1: the whole run, no playback
    QList<Trace> traces;
};

// Writes the whole timeline (every run, fitted to the size) as PNG, SVG or PDF, chosen by the
// file's suffix, and with an instant, the state at it below. Atomic: on failure the old file stays
// and *error says why.
bool exportTimeline(const GanttModel &model, const Theme &theme, const QString &path, QSize size, QString *error,
                    const PlaybackInstant &instant = {});

// A size that fits the model's lanes at the theme's lane height, `width` wide, within sane bounds,
// and the state at the instant when there is one.
QSize naturalExportSize(const GanttModel &model, const Theme &theme, int width, const PlaybackInstant &instant = {});

} // namespace concviz
