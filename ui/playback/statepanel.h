#pragma once

#include "trace/trace.h"

#include <QScrollArea>

class QLabel;

namespace concviz {

// What is true at playback's instant, for each run (core/gantt/runstate): the event loop's step,
// where the caller is, the permits in use and who holds them, the queue, the pools' busy
// connections, and the tasks running, waiting (for what) and done.
class StatePanel : public QScrollArea
{
    Q_OBJECT
public:
    explicit StatePanel(QWidget *parent = nullptr);

    void setTraces(const QList<Trace> &traces);
    void setTime(Micros time);
    // The panel's text as shown, for the tests.
    QString text() const;

private:
    void refresh();

    QList<Trace> m_traces;
    Micros m_time = 0;
    QLabel *m_label;
};

} // namespace concviz
