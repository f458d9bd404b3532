#pragma once

#include "theme.h"
#include "gantt/ganttmodel.h"

#include <QSize>
#include <QString>

namespace concviz {

// Writes the whole timeline (every run, fitted to the size) as PNG, SVG or PDF, chosen by the
// file's suffix. Atomic: on failure the old file stays and *error says why.
bool exportTimeline(const GanttModel &model, const Theme &theme, const QString &path, QSize size, QString *error);

// A size that fits the model's lanes at the theme's lane height, `width` wide, within sane bounds.
QSize naturalExportSize(const GanttModel &model, const Theme &theme, int width);

} // namespace concviz
