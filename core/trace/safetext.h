#pragma once

#include <QString>

namespace concviz {

// Text from a scenario or a server (names, errors, labels, messages quoting them) as a terminal may
// show it: every control character — C0, DEL and C1, escape and bell among them — is written out as
// \xHH, so the text cannot move the cursor, retitle the window or clear the screen. With
// `keepNewlines`, line breaks stay (for messages of several lines).
QString escapeControls(const QString &text, bool keepNewlines = false);

} // namespace concviz
