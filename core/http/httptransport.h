#pragma once

#include "../async/task.h"
#include "fetchrequest.h"

#include <QStringList>
#include <QUrl>

#include <functional>

namespace concviz {

// The parts of a request a browser's waterfall shows, as a transport reports them.
enum class HttpPhase {
    WaitConnection,   // for a free connection in the client's pool
    Connecting,       // opening a new connection (kept-alive ones skip it)
    WaitingFirstByte, // the request is out, no answer yet
    Downloading,      // the answer is arriving
};

// What came back: the status, the body's size, and every URL on the way.
struct HttpResult
{
    int status = -1;
    qint64 bytes = 0;
    QStringList hops; // the URL asked for, then every redirect
};

// Called as each phase begins (true) and ends (false).
using HttpPhaseSink = std::function<void(HttpPhase phase, bool began)>;

// How one request is carried out once the client has a connection slot for it: over the network
// (NetworkTransport), or worked out without a socket on the virtual clock (SimulatedDemoTransport).
class HttpTransport
{
public:
    virtual ~HttpTransport();
    // Carries out the request; throws TaskFailure with a readable reason when there is no answer.
    // A status of any value is an answer: the client judges it.
    virtual Task<HttpResult> exchange(const FetchRequest &request, HttpPhaseSink phase) = 0;
    // The address requests to `url` share connections by: scheme, host and port.
    static QString hostKey(const QUrl &url);
};

} // namespace concviz
