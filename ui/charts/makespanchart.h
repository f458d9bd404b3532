#pragma once

#include "../theme.h"
#include "trace/trace.h"

#include <QChartView>

namespace concviz {

// One bar per compared run: how long it took, labelled with its speedup.
class MakespanChart : public QChartView
{
    Q_OBJECT
public:
    explicit MakespanChart(QWidget *parent = nullptr);
    void setTraces(const QList<Trace> &traces);
    void setTheme(const Theme &theme);
};

} // namespace concviz
