#pragma once

#include "bytewriter.h"

#include <QString>

namespace concviz {

// A JSON string: quotes, backslashes and control characters escaped, the rest as UTF-8. Shared by
// the writers that write JSON straight into the bytes (the trace, the Chrome trace).
void putJsonString(ByteWriter &out, const QString &text);

} // namespace concviz
