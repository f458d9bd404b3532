#pragma once

#include <QObject>

namespace concviz {

// The answers the demo server holds unsent, over all its connections. A client that asks for
// large answers and never reads them must not make the server hold gigabytes: a large body is
// written only while there is room, and waits (as its client does) until others drain.
class DemoOutputBudget : public QObject
{
    Q_OBJECT
public:
    explicit DemoOutputBudget(qint64 limit, QObject *parent = nullptr);

    qint64 limit() const { return m_limit; }
    void setLimit(qint64 limit) { m_limit = limit; }
    qint64 used() const { return m_used; }
    bool isExhausted() const { return m_used >= m_limit; }
    // Bytes handed to a socket and not yet to the operating system.
    void take(qint64 bytes) { m_used += bytes; }
    void give(qint64 bytes);

Q_SIGNALS:
    // The budget was exhausted and has room again: bodies waiting for it can go on.
    void roomFreed();

private:
    qint64 m_limit;
    qint64 m_used = 0;
};

} // namespace concviz
