#pragma once

#include "../async/clock.h"

#include <QString>

namespace concviz {

// Milliseconds as a JSON/CSV number: "1500", or "1500.25" when the time is not whole.
QString msNumber(Micros us);
// For people: "850 ms", "1.500 s", "2 min 5.0 s".
QString humanDuration(Micros us);

} // namespace concviz
