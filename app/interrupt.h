#pragma once

#include <QObject>
#include <QString>

namespace concviz::cli {

// Turns Ctrl-C (SIGINT), SIGTERM and SIGHUP into a call on the event loop, so a run can be stopped
// cleanly and still print what it recorded, whichever way it was asked to end. Only one instance
// at a time.
class InterruptWatcher : public QObject
{
    Q_OBJECT
public:
    explicit InterruptWatcher(QObject *parent = nullptr);
    ~InterruptWatcher() override;
    bool wasInterrupted() const { return m_signal != 0; }
    // The signal that came first, or 0.
    int signal() const { return m_signal; }

Q_SIGNALS:
    void interrupted();

private:
    int m_signal = 0;
};

// How a run that a signal stopped ends: the exit status a shell expects (128 + the signal: 130 for
// Ctrl-C, 143 for SIGTERM, 129 for SIGHUP) and the words for it.
int interruptedExitCode(int signal);
QString interruptedBy(int signal);

} // namespace concviz::cli
