#pragma once

#include "../theme.h"
#include "trace/statistics.h"
#include "trace/trace.h"

#include <QChartView>

namespace concviz {

// One bar per compared run: how long it took, labelled with its speedup.
class MakespanChart : public QChartView
{
    Q_OBJECT
public:
    explicit MakespanChart(QWidget *parent = nullptr);
    // `stats` are the runs' statistics, one per trace in the same order, worked out once elsewhere.
    void setTraces(const QList<Trace> &traces, const QList<Statistics> &stats);
    void setTheme(const Theme &theme);
};

} // namespace concviz
