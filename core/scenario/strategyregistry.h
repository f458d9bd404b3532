#pragma once

#include "registry.h"
#include "strategydefinition.h"

namespace concviz {

// Every strategy this build knows, each registered from its own file under core/engine/strategies/.
using StrategyRegistry = Registry<StrategyDefinition>;
using StrategyRegistration = StrategyRegistry::Registration;

} // namespace concviz
