#pragma once

#include "../async/clock.h"
#include "httprequestparser.h"

namespace concviz {

// What the demo server does with a request, decided before anything is sent.
struct DemoResponse
{
    enum class Action { Respond, Close, Reset };

    Action action = Action::Respond;
    int status = 200;
    QByteArray contentType = "application/json";
    QByteArray body;
    // A body of this many filler bytes instead, made piece by piece as it is sent (up to 50 MiB:
    // never held whole).
    qint64 fillerBytes = 0;
    Micros delay = 0;        // wait this long before answering
    Micros dripDuration = 0; // send the body in pieces spread over this long

    qint64 bodySize() const { return body.size() + fillerBytes; }
    // `length` bytes of the body from `offset` on.
    QByteArray bodyPiece(qint64 offset, qint64 length) const;
};

// The endpoints, in the spirit of httpbin: /delay/{s}, /status/{code}, /bytes/{n},
// /drip?numbytes=&duration=, /json, /users/{name}, /post, /close, /reset, and / listing them. Any of
// them takes ?delay=S to answer S seconds later (a slow server that fails: /status/503?delay=0.2).
class DemoRoutes
{
public:
    static constexpr double maxDelaySeconds = 60;
    static constexpr qint64 maxBytes = 50 * 1024 * 1024;

    static DemoResponse route(const HttpRequest &request);
    // The answer without the ?delay= that route() adds.
    static DemoResponse endpoint(const HttpRequest &request);
    // The filler bytes of /bytes and /drip from `offset` on: a repeated sentence.
    static QByteArray filler(qint64 offset, qint64 length);
};

} // namespace concviz
