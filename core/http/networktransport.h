#pragma once

#include "httptransport.h"

#include <QNetworkAccessManager>

#include <chrono>
#include <functional>
#include <memory>
#include <vector>

namespace concviz {

// Requests over the network with QNetworkAccessManager, phases recorded as a browser's waterfall
// shows them, max_bytes enforced on the head and the decoded body as they arrive, a deadline for a
// request its task does not time, failures said in words.
//
// Qt before 6.5 opens at most six connections per host:port and manager and cannot be told
// otherwise, so for a larger limit the transport spreads requests over enough managers, least busy
// first; a smaller one is kept by the client's slots alone.
class NetworkTransport : public HttpTransport
{
public:
    // `resolve` turns the URL asked for into the one to fetch (the demo server's address for
    // http://demo/...); it may throw TaskFailure.
    NetworkTransport(int connectionsPerHost, std::function<QUrl(const QUrl &)> resolve);
    ~NetworkTransport() override;

    static constexpr qint64 defaultMaxBytes = 10 * 1024 * 1024;
    // How long a request whose task has no timeout_ms may take, from when it has a connection slot to
    // its last byte: without one, a server that never answers would keep the task waiting forever.
    // 60 s unless changed (the tests shorten it); it applies to the requests started after.
    static std::chrono::milliseconds defaultDeadline();
    static void setDefaultDeadline(std::chrono::milliseconds deadline);

    Task<HttpResult> exchange(const FetchRequest &request, HttpPhaseSink phase) override;

private:
    int pickManager();

    int m_connectionsPerHost;
    std::function<QUrl(const QUrl &)> m_resolve;
    std::vector<std::unique_ptr<QNetworkAccessManager>> m_managers;
    std::vector<int> m_inFlight;
};

} // namespace concviz
