#pragma once

#include <QString>
#include <QUrl>

namespace concviz {

// The demo server of this process for scenarios that fetch http://demo/...: started on first use,
// on a thread of its own (a run that blocks its loop must not block the server), on a free port of
// 127.0.0.1, and shared by every run until the program ends.
class DemoServerHost
{
public:
    // The server's address, starting it if needed; empty with *error when it cannot start.
    static QUrl baseUrl(QString *error);
    // Whether `url` names the built-in server: its host is "demo".
    static bool isDemoUrl(const QUrl &url);
    // http://demo/delay/1 -> http://127.0.0.1:PORT/delay/1; other URLs are returned unchanged.
    static QUrl resolve(const QUrl &url, const QUrl &base);
    // The URL to fetch for `url`: a demo URL goes to this process's server, started on first use.
    // Throws TaskFailure when the server cannot start.
    static QUrl resolveStarting(const QUrl &url);
};

} // namespace concviz
