#include "servecommand.h"

#include "cli.h"
#include "interrupt.h"
#include "demo/demoserver.h"

#include <QCommandLineParser>
#include <QCoreApplication>

namespace concviz::cli {

int serveCommand(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Runs the built-in demo HTTP server: /delay/{s}, /status/{code}, /bytes/{n}, /drip?numbytes=&duration=, /json, "
        "/users/{name}, /post, /close, /reset; any of them with ?delay=S answers S seconds later."));
    parser.addHelpOption();
    parser.addOptions({
        {QStringLiteral("port"), QStringLiteral("Port to listen on (default: a free one)."), QStringLiteral("N"), QStringLiteral("0")},
        {QStringLiteral("listen"), QStringLiteral("Address to listen on (default 127.0.0.1: this machine only)."), QStringLiteral("ADDRESS"),
         QStringLiteral("127.0.0.1")},
        {QStringLiteral("max-connections"),
         QStringLiteral("Connections served at once at most, from 1 to 100000 (default 512, fewer if the process may open too few "
                        "files). Past it, an idle connection makes room, or the new client is answered 503."),
         QStringLiteral("N"), QString::number(DemoServer::defaultMaxConnections)},
        {QStringLiteral("idle-timeout"),
         QStringLiteral("Seconds a connection may wait for its first or next request, from 1 to 3600 (default 15)."), QStringLiteral("S"),
         QStringLiteral("15")},
    });
    if (!parseCommand(parser, QStringLiteral("concviz serve"), arguments))
        return Success;
    const int port = intOption(QStringLiteral("port"), parser.value(QStringLiteral("port")), 0, 65535);
    const QHostAddress address(parser.value(QStringLiteral("listen")));
    if (address.isNull())
        throw UsageError{QStringLiteral("--listen: \"%1\" is not an IP address").arg(parser.value(QStringLiteral("listen")))};
    DemoServer server;
    server.setMaxConnections(intOption(QStringLiteral("max-connections"), parser.value(QStringLiteral("max-connections")), 1, 100000));
    server.setIdleTimeout(Micros{intOption(QStringLiteral("idle-timeout"), parser.value(QStringLiteral("idle-timeout")), 1, 3600)} * 1000 * 1000);
    QString error;
    if (!server.listen(address, static_cast<quint16>(port), &error))
        throw UsageError{error};
    QUrl url = server.baseUrl();
    if (address != QHostAddress::LocalHost)
        url.setHost(address.toString());
    printOut(QStringLiteral("ConcViz demo server on %1/ (Ctrl-C stops it)\n").arg(url.toString()));
    InterruptWatcher watcher;
    QObject::connect(&watcher, &InterruptWatcher::interrupted, QCoreApplication::instance(), &QCoreApplication::quit);
    QCoreApplication::exec();
    printOut(QStringLiteral("served %1 requests\n").arg(server.requestsServed()));
    return Success;
}

} // namespace concviz::cli
