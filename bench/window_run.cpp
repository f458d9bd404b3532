// The window with a big virtual run, as a user meets it: how soon it is on screen, how long after F5
// the result shows, the longest the event loop was held meanwhile (a 1 ms timer as the probe: a gap
// between two of its ticks is a frame the window could not draw), and resident memory before the
// run, with its result, and after a new scenario replaced it. Then the same result written as a
// trace file and opened, as File ▸ Open Trace does: how soon it shows, and the longest hold. Last,
// a tenth as many sleeps of 1 s on the real clock, watched live: the longest hold while it runs,
// and how many lanes the timeline showed half way through.
//
//   bench_window_run [TASKS=1000000]
//
// Prints `figure NAME VALUE` lines, which tools/bench gathers into its table. Run it with a display
// (xvfb-run) or QT_QPA_PLATFORM=offscreen, and XDG_CONFIG_HOME pointing somewhere disposable.

#include "freedmemory.h"
#include "engine/comparison.h"
#include "mainwindow.h"
#include "timeline/timelinewidget.h"
#include "scenario/scenarioreader.h"
#include "trace/jsonexporter.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <cstdio>

#if defined(__GLIBC__)
#include <malloc.h>
#endif

using namespace concviz;

namespace {

double residentMiB()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray &line : status.readAll().split('\n'))
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').first().toDouble() / 1024.0;
    return 0;
}

// Milliseconds since the process started (the kernel's start time, to its 10 ms tick).
double sinceProcessStartMs()
{
    QFile stat(QStringLiteral("/proc/self/stat"));
    QFile uptime(QStringLiteral("/proc/uptime"));
    if (!stat.open(QIODevice::ReadOnly) || !uptime.open(QIODevice::ReadOnly))
        return 0;
    const QByteArray s = stat.readAll();
    const QList<QByteArray> fields = s.mid(s.lastIndexOf(')') + 2).split(' ');
    const double startTicks = fields.value(19).toDouble(); // field 22 of stat, counted after the name
    const double up = uptime.readAll().split(' ').first().toDouble();
    return (up - startTicks / 100.0) * 1000.0;
}

void figure(const char *name, double value)
{
    std::printf("figure %s %.1f\n", name, value);
    std::fflush(stdout);
}

// The longest gap between two ticks of a 1 ms timer while it runs: how long the loop was held.
class LoopProbe : public QObject
{
public:
    LoopProbe()
    {
        m_timer.setInterval(1);
        connect(&m_timer, &QTimer::timeout, this, [this] {
            m_longest = std::max(m_longest, m_since.restart());
        });
    }
    void start()
    {
        m_longest = 0;
        m_since.start();
        m_timer.start();
    }
    qint64 stop()
    {
        m_timer.stop();
        return std::max(m_longest, m_since.elapsed());
    }

private:
    QTimer m_timer;
    QElapsedTimer m_since;
    qint64 m_longest = 0;
};

Scenario scenarioOf(int tasks)
{
    const QByteArray json = QStringLiteral(R"({"concviz": 1, "name": "%1 sleeps", "strategy": "gather", "compare": ["gather"],
        "tasks": [{"name": "t", "kind": "sleep", "duration_ms": 1000, "count": %1}]})")
                                .arg(tasks)
                                .toUtf8();
    return *ScenarioReader::read(json, QStringLiteral("bench.json")).scenario;
}

} // namespace

int main(int argc, char **argv)
{
    keepFreedMemoryReturnable(); // as the program's own main() does
    QApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("ConcViz"));
    QCoreApplication::setApplicationName(QStringLiteral("concviz-bench"));
    const int tasks = argc > 1 ? std::atoi(argv[1]) : 1000000;

    MainWindow window;
    window.setClock(ClockKind::Virtual, false);
    window.resize(1920, 1080);
    window.show();
    if (!QTest::qWaitForWindowExposed(&window))
        return 1;
    figure("window_startup_ms", sinceProcessStartMs());

    window.openScenario(scenarioOf(tasks), QString());
    QTest::qWait(200);
    figure("window_rss_before_mib", residentMiB());

    LoopProbe probe;
    QSignalSpy finished(&window, &MainWindow::runsFinished);
    QElapsedTimer wall;
    probe.start();
    wall.start();
    window.run(false);
    if (!finished.wait(600000))
        return 1;
    // The result is shown once the window has drawn it: wait for the next frame.
    QTest::qWait(1);
    figure("window_result_s", static_cast<double>(wall.elapsed()) / 1000.0);
    figure("window_block_ms", static_cast<double>(probe.stop()));
    QTest::qWait(500);
    figure("window_rss_with_mib", residentMiB());
    QTemporaryDir dir;
    const QString tracePath = dir.filePath(QStringLiteral("run.json"));
    {
        QFile file(tracePath);
        if (!file.open(QIODevice::WriteOnly) || !JsonExporter::write(window.runs()->traces().first(), file))
            return 1;
    }

    window.openScenario(scenarioOf(10), QString());
    QTest::qWait(1000);
    figure("window_rss_after_mib", residentMiB());
#if defined(__GLIBC__)
    // What is still allocated, apart from what the allocator keeps free: memory held, not lost.
    figure("window_heap_in_use_after_mib", static_cast<double>(mallinfo2().uordblks) / 1048576.0);
#endif

    QSignalSpy opened(&window, &MainWindow::fileOpened);
    probe.start();
    wall.start();
    window.openFile(tracePath);
    if (!opened.wait(600000) || !opened.first().first().toBool())
        return 1;
    QTest::qWait(1);
    figure("window_trace_open_s", static_cast<double>(wall.elapsed()) / 1000.0);
    figure("window_trace_block_ms", static_cast<double>(probe.stop()));

    const int live = tasks / 10;
    window.setClock(ClockKind::Real, false);
    window.openScenario(scenarioOf(live), QString());
    QTest::qWait(500);
    finished.clear();
    probe.start();
    window.run(false);
    QTest::qWait(600);
    figure("window_live_lanes_mid", window.timeline()->totalLanes());
    if (!finished.wait(600000))
        return 1;
    figure("window_live_block_ms", static_cast<double>(probe.stop()));
    return 0;
}
