#pragma once

#include "../theme.h"
#include "trace/statistics.h"
#include "trace/trace.h"

#include <QChartView>

namespace concviz {

// How many tasks run at each moment, one step line per compared run, with the strategy's limit
// (semaphore, queue, batches) drawn as a dashed line.
class ConcurrencyChart : public QChartView
{
    Q_OBJECT
public:
    explicit ConcurrencyChart(QWidget *parent = nullptr);
    // `stats` are the runs' statistics, one per trace in the same order, worked out once elsewhere.
    void setTraces(const QList<Trace> &traces, const QList<Statistics> &stats);
    void setTheme(const Theme &theme);
};

} // namespace concviz
