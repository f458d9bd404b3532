#pragma once

#include "scenario.h"

#include <QByteArray>
#include <QString>

namespace concviz {

// Writes format version 1 with the known fields in a fixed, readable order (one task per line)
// and unknown fields after them, so that save -> load -> save gives the same bytes.
class ScenarioWriter
{
public:
    static QByteArray toJson(const Scenario &scenario);
    // Writes atomically: the old file stays whole if anything fails. Returns false and sets *error.
    static bool writeFile(const Scenario &scenario, const QString &path, QString *error);
};

} // namespace concviz
