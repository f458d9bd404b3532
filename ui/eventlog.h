#pragma once

#include "trace/trace.h"

#include <QHash>
#include <QPlainTextEdit>

namespace concviz {

// What a lesson's program would print as it runs: "0.000 s  Start Rice…", "5.000 s  Rice is ready!",
// one block per run, in the order things happened.
class EventLog : public QPlainTextEdit
{
    Q_OBJECT
public:
    explicit EventLog(QWidget *parent = nullptr);

    void clearLog();
    void beginRun(const QString &strategy);
    // Writes the lines for `events` of the current run; `trace` names the tasks.
    void addEvents(const QList<TraceEvent> &events, const Trace &trace);
    // Selects the first line about task `lane` of run `run`.
    void selectTask(int run, int lane);

    static constexpr int maxLinesPerRun = 2000;

private:
    int m_run = -1;
    int m_linesThisRun = 0;
    QHash<quint64, int> m_firstLine; // (run, lane) -> block number
};

} // namespace concviz
