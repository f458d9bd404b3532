#pragma once

#include "../async/clock.h"
#include "../async/task.h"
#include "field.h"

#include <QList>
#include <QString>

namespace concviz {

class Engine;
struct TaskSpec;

// Everything about one kind of task, declared once in its file under core/engine/kinds/ and
// registered there: its name, its fields, the asyncio code it stands for and how it runs. The
// reader, the writer, the editor's columns and the messages all come from it.
struct TaskKindDefinition
{
    QString name = {};
    int order = 0;           // its place in lists: simplest first
    QString summary = {};    // what it does, in a sentence
    QString asyncioCode = {}; // the asyncio code it stands for
    QList<Field> fields = {}; // its own fields, in the order files write them
    QString mainField = {};   // the field the editor's main column shows: "duration_ms", "url"
    bool network = false;     // it fetches over the network: the run needs an HTTP client
    // A kind that only waits duration_ms (sleep, fail) can run inside the task's own coroutine when
    // no timeout needs a coroutine of its own: this is what happens once the wait is over (raise, for
    // fail). Null for the other kinds.
    void (*afterWait)(const TaskSpec &spec) = nullptr;
    // One attempt of the task's body; throws TaskFailure when the attempt fails. Runs on both
    // clocks: on the virtual one, waits jump and real work is not done.
    Task<void> (*run)(Engine &engine, int task, const TaskSpec &spec) = nullptr;

    const Field *field(const QString &key) const;
    // A task of this kind as the editor adds it: every field at its default or example value.
    TaskSpec makeTask(const QString &name) const;
};

} // namespace concviz
