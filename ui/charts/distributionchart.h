#pragma once

#include "../theme.h"
#include "trace/trace.h"

#include <QChartView>

namespace concviz {

// A histogram of how long tasks waited, one colour per run compared: where the strategies differ.
class DistributionChart : public QChartView
{
    Q_OBJECT
public:
    explicit DistributionChart(QWidget *parent = nullptr);
    void setTraces(const QList<Trace> &traces);
    void setTheme(const Theme &theme);
    // The runs the chart shows, one bar set each (for the tests).
    int runsShown() const { return m_runs; }

    // Few and short categories, so that the axis labels are whole even on a projector.
    static constexpr int buckets = 6;

private:
    int m_runs = 0;
};

} // namespace concviz
