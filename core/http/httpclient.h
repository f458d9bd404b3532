#pragma once

#include "../async/semaphore.h"
#include "httptransport.h"

#include <map>
#include <memory>

namespace concviz {

// The HTTP side of a run, whatever carries the bytes: at most `connectionsPerHost` requests in
// flight to one host:port and `totalConnections` in all (0: no total limit), as aiohttp's
// TCPConnector(limit, limit_per_host) keeps them (waiting for either is the "waiting for a
// connection" phase), and the status judged against what the task expects, every failure said in words.
class HttpClient
{
public:
    HttpClient(int connectionsPerHost, int totalConnections, std::unique_ptr<HttpTransport> transport);
    ~HttpClient();
    HttpClient(const HttpClient &) = delete;
    HttpClient &operator=(const HttpClient &) = delete;

    // Fetches the request's URL. Throws TaskFailure with a readable reason when it fails.
    Task<HttpResult> fetch(const FetchRequest &request, HttpPhaseSink phase);

private:
    Semaphore &slotsFor(const QString &url);

    int m_connectionsPerHost;
    std::unique_ptr<Semaphore> m_total; // null when only the per-host limit counts
    std::unique_ptr<HttpTransport> m_transport;
    std::map<QString, std::unique_ptr<Semaphore>> m_hosts;
};

} // namespace concviz
