#pragma once

#include "../theme.h"
#include "trace/trace.h"

#include <QChartView>

namespace concviz {

// A histogram of how long tasks waited and how long they ran, for the last run shown.
class DistributionChart : public QChartView
{
    Q_OBJECT
public:
    explicit DistributionChart(QWidget *parent = nullptr);
    void setTrace(const Trace &trace);
    void setTheme(const Theme &theme);

    static constexpr int buckets = 10;
};

} // namespace concviz
