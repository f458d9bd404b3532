#pragma once

#include <QObject>

namespace concviz::cli {

// Turns Ctrl-C into a call on the event loop, so a run can be stopped cleanly and still print
// what it recorded. Only one instance at a time.
class InterruptWatcher : public QObject
{
    Q_OBJECT
public:
    explicit InterruptWatcher(QObject *parent = nullptr);
    ~InterruptWatcher() override;
    bool wasInterrupted() const { return m_interrupted; }

Q_SIGNALS:
    void interrupted();

private:
    bool m_interrupted = false;
};

} // namespace concviz::cli
