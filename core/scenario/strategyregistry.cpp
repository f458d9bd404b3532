#include "strategyregistry.h"

#include <algorithm>
#include <deque>

namespace concviz {

namespace {
// A deque keeps the addresses handed out by find() valid while later files register.
std::deque<StrategyDefinition> &definitions()
{
    static std::deque<StrategyDefinition> list;
    return list;
}
} // namespace

void StrategyRegistry::add(const StrategyDefinition &definition)
{
    if (find(definition.name))
        qFatal("strategy \"%s\" is registered twice", qPrintable(definition.name));
    definitions().push_back(definition);
}

const StrategyDefinition *StrategyRegistry::find(const QString &name)
{
    for (const StrategyDefinition &d : definitions())
        if (d.name == name)
            return &d;
    return nullptr;
}

QList<const StrategyDefinition *> StrategyRegistry::all()
{
    QList<const StrategyDefinition *> out;
    for (const StrategyDefinition &d : definitions())
        out.append(&d);
    std::stable_sort(out.begin(), out.end(), [](auto *a, auto *b) { return a->order < b->order; });
    return out;
}

} // namespace concviz
