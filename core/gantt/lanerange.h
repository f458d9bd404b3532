#pragma once

#include <QString>

namespace concviz {

// The name of a run of lanes shown together when each is too thin for its own label: "request#1–4"
// for numbered copies of one task, "fetch … parse" for different ones, the name itself for one.
QString laneRangeName(const QString &first, const QString &last);

} // namespace concviz
