#pragma once

#include <QString>

namespace concviz {

// A number as people and JSON write it: "90000000", "1.5", never "9e+07".
QString formatNumber(double value);

} // namespace concviz
