#pragma once

#include "strategydefinition.h"

#include <QList>

namespace concviz {

// Every strategy this build knows. Each file under core/engine/strategies/ registers its own
// definition at start-up with a StrategyRegistration; the engine library is linked whole so that
// none is left out.
class StrategyRegistry
{
public:
    // Adds a definition; a second one with the same name is a programming error and aborts.
    static void add(const StrategyDefinition &definition);
    // The definition of that name, or null.
    static const StrategyDefinition *find(const QString &name);
    // Every definition, in their `order`.
    static QList<const StrategyDefinition *> all();
};

// A file-scope object of this type registers one strategy when the program starts.
struct StrategyRegistration
{
    explicit StrategyRegistration(const StrategyDefinition &definition) { StrategyRegistry::add(definition); }
};

} // namespace concviz
