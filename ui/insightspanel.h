#pragma once

#include "gantt/insights.h"
#include "trace/trace.h"

#include <QScrollArea>

class QLabel;

namespace concviz {

// What happened in each run, in words (core/gantt/insights), a line each under the run's name; a
// line names the tasks it is about, and choosing it marks the first of them on the timeline.
class InsightsPanel : public QScrollArea
{
    Q_OBJECT
public:
    explicit InsightsPanel(QWidget *parent = nullptr);

    void setTraces(const QList<Trace> &traces);
    // The same, worked out on another thread and shown when ready: a million tasks take a fifth of
    // a second. A later call of either wins over one still being worked out.
    void setTracesInBackground(const QList<Trace> &traces);
    // The panel's text as shown, for the tests.
    QString text() const;

Q_SIGNALS:
    void taskChosen(int group, int task);

private:
    void show(const QStringList &strategies, const QList<QList<Insight>> &insights);

    QLabel *m_label;
    quint64 m_generation = 0;
};

} // namespace concviz
