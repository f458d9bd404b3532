// 1,000 GETs of /delay/0.2 at 100 at a time against the built-in demo server: ConcViz's makespan
// next to curl's (--parallel-max 100) on the same server in the same run. Ideal: 10 rounds, 2.0 s.
//
//   bench_http_delay [REQUESTS=1000] [CONCURRENCY=100] [SECONDS=0.2]

#include "engine/comparison.h"
#include "demo/demoserverhost.h"
#include "scenario/scenarioreader.h"
#include "trace/statistics.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryFile>

#include <cmath>
#include <cstdio>

using namespace concviz;

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const int requests = argc > 1 ? std::atoi(argv[1]) : 1000;
    const int concurrency = argc > 2 ? std::atoi(argv[2]) : 100;
    const double seconds = argc > 3 ? std::atof(argv[3]) : 0.2;
    QString error;
    const QUrl base = DemoServerHost::baseUrl(&error);
    if (base.isEmpty()) {
        std::fprintf(stderr, "demo server: %s\n", qPrintable(error));
        return 1;
    }
    const QString url = base.toString() + QStringLiteral("/delay/") + QString::number(seconds);

    const QByteArray json = "{\"concviz\": 1, \"name\": \"bench\", \"connections_per_host\": " + QByteArray::number(concurrency)
        + ", \"tasks\": [{\"name\": \"get\", \"kind\": \"http\", \"url\": \"" + url.toUtf8() + "\", \"count\": "
        + QByteArray::number(requests) + "}]}";
    const Scenario scenario = *ScenarioReader::read(json, QStringLiteral("bench")).scenario;
    QString strategyError;
    const StrategySpec strategy = *StrategySpec::parse(QStringLiteral("semaphore:%1").arg(concurrency), &strategyError);
    const Trace trace = Comparison::run(scenario, {strategy}, ClockKind::Real).value(0);
    const Statistics stats = Statistics::of(trace);

    // The peer: curl on the same server, the same number of transfers at once.
    QTemporaryFile config;
    config.open();
    for (int i = 0; i < requests; ++i)
        config.write("url = \"" + url.toUtf8() + "\"\noutput = \"/dev/null\"\n");
    config.flush();
    QProcess curl;
    QElapsedTimer wall;
    wall.start();
    curl.start(QStandardPaths::findExecutable(QStringLiteral("curl")),
               {QStringLiteral("-s"), QStringLiteral("--fail"), QStringLiteral("--parallel"), QStringLiteral("--parallel-max"),
                QString::number(concurrency), QStringLiteral("--config"), config.fileName()});
    // The server runs on its own thread; this loop only waits for curl.
    curl.waitForFinished(600000);
    const double curlSeconds = static_cast<double>(wall.nsecsElapsed()) / 1e9;

    std::printf("%d GETs of /delay/%g, %d at a time, built-in demo server\n", requests, seconds, concurrency);
    std::printf("  ConcViz   %.3f s   (%d ok, %d failed, at most %d at once)\n", static_cast<double>(stats.makespan) / 1e6, stats.ok,
                stats.failed + stats.timeout + stats.cancelled, stats.maxConcurrency);
    std::printf("  curl      %.3f s   (exit %d)\n", curlSeconds, curl.exitCode());
    std::printf("  ideal     %.3f s\n", std::ceil(static_cast<double>(requests) / concurrency) * seconds);
    return 0;
}
