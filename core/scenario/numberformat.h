#pragma once

#include <QString>

namespace concviz {

// A number as people and JSON write it: "90000000", "1.5", never "9e+07".
QString formatNumber(double value);
// A string as JSON writes it, quotes and escapes included: "a \"b\"".
QString jsonString(const QString &text);

} // namespace concviz
