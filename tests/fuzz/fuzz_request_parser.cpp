// The demo server's request parser faces any local process: any bytes, arriving in any pieces,
// must give requests, a refusal or a wait for more, never a crash or a buffer past its limits.

#include "demo/httprequestparser.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    using concviz::HttpRequestParser;
    if (size == 0)
        return 0;
    // The first byte decides the size of the pieces the rest arrives in, as a network would cut it.
    const qsizetype piece = 1 + data[0] % 64;
    const QByteArray bytes(reinterpret_cast<const char *>(data + 1), static_cast<qsizetype>(size - 1));
    HttpRequestParser parser;
    for (qsizetype at = 0; at < bytes.size(); at += piece) {
        HttpRequestParser::State state = parser.feed(bytes.mid(at, piece));
        // Pipelined requests: take each one that is whole, then let the parser look at the rest.
        for (int taken = 0; state == HttpRequestParser::State::Ready && taken < 10000; ++taken) {
            const concviz::HttpRequest request = parser.takeRequest();
            if (request.body.size() > HttpRequestParser::maxBodyBytes)
                __builtin_trap();
            state = parser.feed(QByteArray());
        }
        if (state != HttpRequestParser::State::NeedMore && state != HttpRequestParser::State::Ready)
            break; // refused: the server answers and closes
    }
    return 0;
}
