#include "jsonstring.h"

namespace concviz {

void putJsonString(ByteWriter &out, const QString &text)
{
    out += '"';
    const QByteArray utf8 = text.toUtf8();
    out.reserve(utf8.size() + 1);
    for (const char c : utf8) {
        const auto u = static_cast<unsigned char>(c);
        if (c == '"' || c == '\\') {
            out += '\\';
            out += c;
        } else if (u < 0x20) {
            static const char hex[] = "0123456789abcdef";
            out += "\\u00";
            out += hex[u >> 4];
            out += hex[u & 0xF];
        } else {
            out += c;
        }
    }
    out += '"';
}

} // namespace concviz
