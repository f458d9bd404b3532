#pragma once

#include "../../scenario/field.h"

namespace concviz {

// Fields that several task kinds declare alike, written once.

// duration_ms: how long the task waits or works.
inline Field durationField(const QString &help)
{
    return Field{.key = QStringLiteral("duration_ms"),
                 .type = Field::Type::Millis,
                 .required = true,
                 .help = help,
                 .unit = QStringLiteral("ms"),
                 .example = 1000.0};
}

// offload: run the work in the executor's threads (run_in_executor) instead of on the loop.
inline Field offloadField()
{
    return Field{.key = QStringLiteral("offload"),
                 .type = Field::Type::Bool,
                 .defaultValue = false,
                 .help = QStringLiteral("Run it in the executor's threads, like loop.run_in_executor, instead of on the loop."),
                 .misplaced = QStringLiteral("can be offloaded")};
}

} // namespace concviz
