#include "taskspec.h"

#include "taskkindregistry.h"

namespace concviz {

const TaskKindDefinition *TaskSpec::definition() const
{
    return TaskKindRegistry::find(kind);
}

} // namespace concviz
