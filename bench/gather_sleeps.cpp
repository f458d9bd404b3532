// N sleep tasks of 1 s under gather on the real clock: how long the run takes on the wall clock,
// next to Python asyncio doing the same in the same run. The ideal is 1 s; one QTimer per task
// took 27 s for 100,000 here.
//
//   bench_gather_sleeps [N=100000] [SECONDS=1]

#include "engine/comparison.h"
#include "scenario/scenarioreader.h"
#include "trace/statistics.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QProcess>
#include <QStandardPaths>

#include <cstdio>

#ifdef Q_OS_UNIX
#include <sys/resource.h>
#endif

using namespace concviz;

namespace {

long peakMemoryMiB()
{
#ifdef Q_OS_UNIX
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_maxrss / 1024;
#else
    return -1;
#endif
}

QString asyncioSeconds(int n, double seconds)
{
    const QString python = QStandardPaths::findExecutable(QStringLiteral("python3"));
    if (python.isEmpty())
        return QStringLiteral("(python3 not found)");
    QProcess p;
    p.start(python, {QStringLiteral(CONCVIZ_SOURCE_DIR "/bench/asyncio_sleeps.py"), QString::number(n), QString::number(seconds)});
    p.waitForFinished(600000);
    return QString::fromUtf8(p.readAllStandardOutput()).trimmed();
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const int n = argc > 1 ? std::atoi(argv[1]) : 100000;
    const double seconds = argc > 2 ? std::atof(argv[2]) : 1.0;
    const QByteArray json = "{\"concviz\": 1, \"name\": \"bench\", \"tasks\": [{\"name\": \"t\", \"kind\": \"sleep\", \"duration_ms\": "
        + QByteArray::number(seconds * 1000) + ", \"count\": " + QByteArray::number(n) + "}]}";
    const ScenarioReadResult read = ScenarioReader::read(json, QStringLiteral("bench"));
    if (!read.scenario) {
        std::fprintf(stderr, "%s\n", qPrintable(read.errors.join(QLatin1Char('\n'))));
        return 2;
    }
    StrategySpec gather;
    gather.name = QStringLiteral("gather");

    QElapsedTimer wall;
    wall.start();
    const Trace trace = Comparison::run(*read.scenario, {gather}, ClockKind::Real).value(0);
    const double concvizSeconds = static_cast<double>(wall.nsecsElapsed()) / 1e9;
    const Statistics stats = Statistics::of(trace);

    std::printf("%d sleep tasks of %.3f s under gather, real clock\n", n, seconds);
    std::printf("  ConcViz          %.3f s wall  (makespan in trace %.3f s, %d ok, peak memory %ld MiB)\n", concvizSeconds,
                static_cast<double>(stats.makespan) / 1e6, stats.ok, peakMemoryMiB());
    std::printf("  Python asyncio   %s s wall\n", qPrintable(asyncioSeconds(n, seconds)));
    std::printf("  ideal            %.3f s\n", seconds);
    return 0;
}
