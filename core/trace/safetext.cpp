#include "safetext.h"

#include <algorithm>

namespace concviz {

QString escapeControls(const QString &text, bool keepNewlines)
{
    auto isControl = [keepNewlines](char16_t c) {
        if (keepNewlines && c == u'\n')
            return false;
        return c < 0x20 || (c >= 0x7F && c <= 0x9F);
    };
    // Most text has none: hand it back untouched.
    if (std::none_of(text.begin(), text.end(), [&](QChar c) { return isControl(c.unicode()); }))
        return text;
    QString out;
    out.reserve(text.size() + 8);
    for (const QChar c : text) {
        if (isControl(c.unicode()))
            out += QStringLiteral("\\x%1").arg(c.unicode(), 2, 16, QLatin1Char('0'));
        else
            out += c;
    }
    return out;
}

} // namespace concviz
