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
    Micros delay = 0;        // wait this long before answering
    Micros dripDuration = 0; // send the body in pieces spread over this long
};

// The endpoints, in the spirit of httpbin: /delay/{s}, /status/{code}, /bytes/{n},
// /drip?numbytes=&duration=, /json, /users/{name}, /post, /close, /reset, and / listing them.
class DemoRoutes
{
public:
    static constexpr double maxDelaySeconds = 60;
    static constexpr qint64 maxBytes = 50 * 1024 * 1024;

    static DemoResponse route(const HttpRequest &request);
};

} // namespace concviz
