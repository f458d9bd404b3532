#pragma once

#include "traceevent.h"

#include <QList>
#include <QSharedDataPointer>
#include <QString>

namespace concviz {

struct PhaseSpan
{
    PhaseKind kind;
    Micros start = 0;
    Micros end = -1; // -1 while open
};

struct AttemptSpan
{
    int number = 1;
    Micros start = 0;
    Micros end = -1;
    Outcome outcome = Outcome::Pending;
    QString error;
};

// What a recorded task awaited between two of its steps, and on what: on "sleep", detail
// "sleep 0.3 s"; on "task", detail "task fetch".
struct AwaitSpan
{
    QString on;
    QString detail;
    Micros start = 0;
    Micros end = -1;
};

// What only some tasks have: a response, a query's rows, a recorded program's parent and waits,
// an ideal. Kept out of line and shared between copies: a million sleeps have none of it.
struct TaskExtras : QSharedData
{
    int httpStatus = -1;     // the last response's status code (http tasks)
    qint64 bytes = -1;       // body bytes of the last response
    QString httpDetail;      // where it went: the URL and each redirect
    qint64 dbRows = -1;      // rows the last query returned or changed (db tasks on the real clock)
    QString dbFirstRow;      // the first of them, as a tuple: (1, 'Ada', 19.5)
    QString parent;          // the task that created it, in a recorded program; empty when not known
    Micros idealStart = -1;  // a real run's task on the virtual clock, its ideal: when it started and
    Micros idealEnd = -1;    // ended there; -1 when not known
    QList<AwaitSpan> awaited; // a recorded program's task: each wait between two of its steps, in time order

    bool isEmpty() const;
};

// Everything that happened to one task, times in microseconds from the start of the run. A million
// of them are kept at once: what every task has is inline, the rest in its extras.
struct TaskTrace
{
    QString name;
    Micros created = -1;
    Micros start = -1; // its first attempt's body started; -1 if it never did
    Micros end = -1;
    QString error;
    QList<AttemptSpan> attempts;
    QList<PhaseSpan> phases;
    int worker = -1; // the queue worker that ran it
    Outcome outcome = Outcome::Pending;
    bool database = false;   // a db task: what held the loop was a sync driver, not time.sleep
    bool thread = false;     // a recorded program's executor thread: its jobs, not a task of the loop

    // Its extras to read: the empty ones (everything unknown) when it has none.
    const TaskExtras &extras() const;
    // Its own extras to change, made on first use.
    TaskExtras &editExtras();
    // Takes these as its extras, or has none when they are empty.
    void setExtras(const TaskExtras &extras);

    // Whether a wait was inside a body: one for a thread, a connection or the loop always is; one
    // for a semaphore, the queue or a lock is when a recorded program awaited it in the middle of a
    // task, where a scenario's strategy makes a task wait for it before its body begins.
    bool waitsInBody(const PhaseSpan &phase) const;
    // Time spent waiting: from creation until the body started (or the task ended, if it never
    // did), plus the waits inside its bodies for a thread, a connection or a blocked loop.
    Micros waitTime() const;
    // Time the bodies of its attempts were at work, summed: waits inside a body (for an executor
    // thread, a connection, a blocked loop) are left out.
    Micros runTime() const;
    // Its waits between steps in a line, by what they were on: "sleep 3× (900 ms), task 1× (200 ms)";
    // empty for a task that was not recorded.
    QString awaitedSummary() const;
    // The wait between steps going on at `time`, or null. `awaited` is in time order.
    const AwaitSpan *awaitingAt(Micros time) const;
    // The time spent in phases of `kind`, summed (those still open count nothing).
    Micros timeIn(PhaseKind kind) const;
    // What it got back, in a line: "HTTP 200, 1,024 bytes", "3 rows, the first (1, 'Ada')"; empty
    // when nothing came back.
    QString resultSummary() const;

private:
    QSharedDataPointer<TaskExtras> m_extras;
};

struct Marker
{
    MarkerKind kind;
    Micros time = 0;
    int task = -1;
    QString label;
    int rank = 0; // Consumed: the place at which the caller took this result, from 1
};

// A stretch of the caller's own time: one of its steps, or a pause between batches.
struct CallerSpan
{
    QString label;
    bool holdsLoop = false; // blocking or CPU work, which holds the loop; else an await
    Micros start = 0;
    Micros end = -1; // -1 while it lasts
};

// The record of one run: the single source that the statistics, the timeline, the exporters and the
// terminal chart read. Built only by apply(), so a live view and a finished run see the same thing.
class Trace
{
public:
    QString scenario;
    QString strategy;
    ClockKind clock = ClockKind::Real;
    int concurrencyLimit = 0;
    int dbPoolCapacity = 0; // connections db tasks could hold at once; 0 when the run has no db task
    QList<TaskTrace> tasks; // one per task instance, named by the runner before the first event
    QList<Marker> markers;
    QList<CallerSpan> callerSpans;
    Micros end = -1; // when the run finished; -1 while it runs
    Micros ideal = -1; // a real run's makespan on the virtual clock, its ideal; -1 when not known

    void apply(const TraceEvent &event);
    bool isFinished() const { return end >= 0; }
    // The run's length: its end, or the latest time seen so far while it runs.
    Micros makespan() const;

private:
    Micros m_latest = 0;
};

} // namespace concviz
