#pragma once

#include "../trace/trace.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace concviz {

// What was true in a run at one instant, recomputed from its trace alone (so stepping back is as
// exact as stepping forward, and a recorded trace plays back too). "At" an instant means after
// everything that happened at that instant: a task that ends at 1 s is done at 1 s, and the permit
// it gave back is already held by the next one.
class RunState
{
public:
    // A task and what it is doing, or did.
    struct TaskAt
    {
        int task = -1;
        QString detail; // "waiting for a semaphore permit", "done at 1.000 s"; may be empty
    };

    // Something a limited number of tasks can hold at once: permits, connections, threads.
    struct Limit
    {
        bool applies = false;  // the run uses it at all
        int capacity = 0;      // how many at once; 0 when the trace does not say
        QList<int> holders;    // tasks holding one now, in the order they took it
    };

    struct Section
    {
        QString title;
        QStringList lines;
    };

    static RunState at(const Trace &trace, Micros time);

    Micros time = 0;
    bool over = false;        // the run had ended by then
    QList<TaskAt> running;    // an attempt is open: its body has started and not yet ended
    QList<TaskAt> waiting;    // created and not done, but not in a body: for a permit, in the queue, backing off
    QList<TaskAt> done;       // ended, in the order they ended
    int notCreated = 0;       // not created yet (a queue's producer has not put them)
    QString loop;             // what the event loop is doing: held by blocking work, or idle in select()
    QString caller;           // where the code running the strategy is
    int callerSpan = -1;      // the caller's step or pause going on, an index into trace.callerSpans
    Limit permits;            // the semaphore's permits
    QList<int> queue;         // tasks in the queue, first in first
    QList<TaskAt> workers;    // the queue's workers busy now: detail "worker 2"
    Limit database;           // connections of the database pool
    Limit http;               // HTTP requests with a connection of their own (connecting, on the wire)
    Limit executor;           // executor threads busy with a task's work

    // The state in lines a person reads, one section each for the clock, the loop, the caller, each
    // limit in use, and the tasks running, waiting and done; lists longer than `maxNames` end in
    // "… and N more". Names are the trace's own: escape them before a terminal sees them.
    QList<Section> sections(const Trace &trace, int maxNames = 12) const;
};

} // namespace concviz
