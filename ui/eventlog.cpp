#include "eventlog.h"

#include "trace/timeformat.h"

#include <QTextBlock>
#include <QTextCursor>

namespace concviz {

namespace {
quint64 key(int run, int lane)
{
    return (static_cast<quint64>(run) << 32) | static_cast<quint32>(lane);
}

QString stamp(Micros t)
{
    return QString::number(static_cast<double>(t) / 1e6, 'f', 3).rightJustified(8) + QStringLiteral(" s  ");
}
} // namespace

EventLog::EventLog(QWidget *parent)
    : QPlainTextEdit(parent)
{
    setReadOnly(true);
    setAccessibleName(tr("Event log"));
    QFont mono(QStringLiteral("monospace"));
    mono.setStyleHint(QFont::Monospace);
    setFont(mono);
}

void EventLog::clearLog()
{
    clear();
    m_run = -1;
    m_firstLine.clear();
}

void EventLog::beginRun(const QString &strategy)
{
    ++m_run;
    m_linesThisRun = 0;
    appendPlainText(QStringLiteral("── %1 ──").arg(strategy));
}

void EventLog::addEvents(const QList<TraceEvent> &events, const Trace &trace)
{
    QStringList lines;
    auto nameOf = [&](int task) { return task >= 0 && task < trace.tasks.size() ? trace.tasks[task].name : QString(); };
    for (const TraceEvent &e : events) {
        if (m_linesThisRun >= maxLinesPerRun)
            break;
        QString line;
        switch (e.type) {
        case TraceEvent::Type::AttemptStarted:
            line = e.attempt == 1 ? tr("Start %1…").arg(nameOf(e.task)) : tr("Retry %1 (attempt %2)…").arg(nameOf(e.task)).arg(e.attempt);
            break;
        case TraceEvent::Type::TaskEnded:
            switch (e.outcome) {
            case Outcome::Ok:
                line = tr("%1 is ready!").arg(nameOf(e.task));
                break;
            case Outcome::Failed:
                line = tr("%1 failed: %2").arg(nameOf(e.task), e.text);
                break;
            case Outcome::Timeout:
                line = tr("%1 gave up: %2").arg(nameOf(e.task), e.text);
                break;
            case Outcome::Cancelled:
                line = tr("%1 was cancelled: %2").arg(nameOf(e.task), e.text);
                break;
            case Outcome::Pending:
                break;
            }
            break;
        case TraceEvent::Type::Marker:
            if (e.marker == MarkerKind::Consumed)
                line = tr("The caller takes %1's result (%2)").arg(nameOf(e.task), e.text);
            else
                line = QStringLiteral("▲ ") + e.text;
            break;
        default:
            break;
        }
        if (line.isEmpty())
            continue;
        if (e.task >= 0 && !m_firstLine.contains(key(m_run, e.task)))
            m_firstLine.insert(key(m_run, e.task), blockCount() + static_cast<int>(lines.size()));
        lines << stamp(e.time) + line;
        ++m_linesThisRun;
        if (m_linesThisRun == maxLinesPerRun)
            lines << tr("… later events of this run are in the timeline and the exports, not here");
    }
    if (!lines.isEmpty())
        appendPlainText(lines.join(QLatin1Char('\n')));
}

void EventLog::selectTask(int run, int lane)
{
    const int block = m_firstLine.value(key(run, lane), -1);
    if (block < 0)
        return;
    QTextCursor cursor(document()->findBlockByNumber(block));
    cursor.select(QTextCursor::LineUnderCursor);
    setTextCursor(cursor);
    centerCursor();
}

} // namespace concviz
