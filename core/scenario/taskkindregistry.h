#pragma once

#include "registry.h"
#include "taskkinddefinition.h"

#include <QStringList>

namespace concviz {

// Every task kind this build knows, each registered from its own file under core/engine/kinds/.
using TaskKindRegistry = Registry<TaskKindDefinition>;
using TaskKindRegistration = TaskKindRegistry::Registration;

// "sleep, fail, blocking, cpu, http": the kinds' names, for messages.
QString taskKindNames();
// "required for an http task": what a task of `kind` missing a required field is told.
QString requiredSentence(const TaskKindDefinition &kind);
// "only blocking and cpu tasks can be offloaded": what a task is told that has a field its kind does
// not declare but another does; empty when no kind declares `key`, or when `value` is that field's
// default (an "offload": false on a sleep changes nothing, so it is let be).
QString misplacedSentence(const QString &key, const QVariant &value);

} // namespace concviz
