#pragma once

#include "scenario.h"

#include <optional>

namespace concviz {

// The caller's own steps as one line of text, for the editor: "prepare: blocking 300; main work:
// sleep 500". A step without a name is just "blocking 300".
QString callerStepsText(const QList<CallerStep> &steps);
// Reads that line back; on failure returns nothing and sets *error (when given) to what is wrong
// and where.
std::optional<QList<CallerStep>> parseCallerSteps(const QString &text, QString *error);

} // namespace concviz
