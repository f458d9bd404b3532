#pragma once

#include "../async/clock.h"
#include "../async/semaphore.h"
#include "../async/task.h"
#include "../trace/traceevent.h"
#include "fetchrequest.h"

#include <QNetworkAccessManager>
#include <QStringList>
#include <QUrl>

#include <functional>
#include <map>
#include <memory>
#include <vector>

namespace concviz {

struct HttpResult
{
    int status = -1;
    qint64 bytes = 0;
    QStringList hops; // the URL asked for, then every redirect
};

// The HTTP side of a run: at most `connectionsPerHost` requests in flight to one host:port (waiting
// for a slot is the "waiting for a connection" phase), phases recorded as a browser's waterfall
// shows them, limits enforced while the body arrives, and every failure said in words.
//
// Qt before 6.5 opens at most six connections per host:port and manager and cannot be told
// otherwise, so for a larger limit the client spreads requests over enough managers, least busy
// first; a smaller one is kept by the slots alone.
class HttpClient
{
public:
    using PhaseSink = std::function<void(PhaseKind kind, bool began)>;

    // `demoBase` replaces the host of http://demo/... URLs; empty when the demo server is not used.
    HttpClient(Clock &clock, int connectionsPerHost, QUrl demoBase, QString demoError);
    ~HttpClient();
    HttpClient(const HttpClient &) = delete;
    HttpClient &operator=(const HttpClient &) = delete;

    static constexpr qint64 defaultMaxBytes = 10 * 1024 * 1024;

    // Fetches the request's URL. Throws TaskFailure with a readable reason when it fails.
    Task<HttpResult> fetch(const FetchRequest &request, PhaseSink phase);

private:
    Task<HttpResult> fetchReal(const FetchRequest &request, const QUrl &url, PhaseSink phase);
    Task<HttpResult> simulate(const QUrl &url, PhaseSink phase);
    Semaphore &slotsFor(const QUrl &url);
    int pickManager();

    Clock &m_clock;
    int m_connectionsPerHost;
    QUrl m_demoBase;
    QString m_demoError;
    std::vector<std::unique_ptr<QNetworkAccessManager>> m_managers;
    std::vector<int> m_inFlight;
    std::map<QString, std::unique_ptr<Semaphore>> m_hosts;
};

} // namespace concviz
