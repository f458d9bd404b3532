#include "taskkinddefinition.h"

#include "taskspec.h"

namespace concviz {

const Field *TaskKindDefinition::field(const QString &key) const
{
    for (const Field &f : fields)
        if (f.key == key)
            return &f;
    return nullptr;
}

TaskSpec TaskKindDefinition::makeTask(const QString &taskName) const
{
    TaskSpec t;
    t.name = taskName;
    t.kind = name;
    for (const Field &f : fields) {
        const QVariant value = f.example.isValid() ? f.example : f.defaultValue;
        if (value.isValid())
            t.fields.insert(f.key, value);
    }
    return t;
}

} // namespace concviz
