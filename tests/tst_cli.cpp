// The command line as a user types it: the real binary, its output and its exit status.

#include <QElapsedTimer>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

#ifdef Q_OS_UNIX
#include <csignal>
#endif

namespace {

struct Result
{
    int exitCode = -1;
    QString out;
    QString err;
};

Result concviz(const QStringList &args, int timeoutMs = 30000)
{
    QProcess p;
    p.start(QStringLiteral(CONCVIZ_BINARY), args);
    if (!p.waitForFinished(timeoutMs))
        qFatal("concviz %s did not finish", qPrintable(args.join(QLatin1Char(' '))));
    return {p.exitCode(), QString::fromUtf8(p.readAllStandardOutput()), QString::fromUtf8(p.readAllStandardError())};
}

QString example(const char *name)
{
    return QStringLiteral(CONCVIZ_SOURCE_DIR "/resources/scenarios/") + QLatin1String(name);
}

} // namespace

class TestCli : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void runPrintsTheDemoAsAGanttChart();
    void runPrintsJsonWithTheExactTimes();
    void runWritesCsvToAFile();
    void runWritesAChromeTrace();
    void compareShowsEveryStrategyOnOneAxis();
    void compareAcceptsStrategiesWithParameters();
    void validateReportsEachFile();
    void badInputExitsWithTwoAndSaysWhy_data();
    void badInputExitsWithTwoAndSaysWhy();
    void helpExitsWithZero();
    void serveClosesIdleConnectionsWhenTold();
    void ctrlCStopsARunAndStillPrintsIt();
    void ctrlCStopsAQueueRunWhileATaskEnds();
    void renderDrawsTheComparisonWithNoWindow_data();
    void renderDrawsTheComparisonWithNoWindow();
    void renderAtAnInstantDrawsWhatWasTrueThen();
    void theWindowRefusesAGuessedOrderOfTasksItDoesNotHave();
    void viewShowsATraceWrittenBefore();
    void theWindowRunsAndTakesAScreenshot();
};

void TestCli::runPrintsTheDemoAsAGanttChart()
{
    const Result r = concviz({QStringLiteral("run"), QStringLiteral("--clock"), QStringLiteral("virtual")});
    QCOMPARE(r.exitCode, 0);
    QVERIFY(r.err.isEmpty());
    QVERIFY(r.out.startsWith(QStringLiteral("Async demo · gather · virtual clock")));
    QVERIFY(r.out.contains(QStringLiteral("makespan 2.000 s · work 4.500 s · speedup 2.25×")));
    QVERIFY(r.out.contains(QStringLiteral("B        ") + QString(QChar(0x2588)).repeated(60) + QStringLiteral(" 2.000 s ✓ ok")));
}

void TestCli::runPrintsJsonWithTheExactTimes()
{
    const Result r = concviz({QStringLiteral("run"), example("semaphore.json"), QStringLiteral("--clock=virtual"),
                              QStringLiteral("--format"), QStringLiteral("json")});
    QCOMPARE(r.exitCode, 0);
    const QJsonObject o = QJsonDocument::fromJson(r.out.toUtf8()).object();
    QCOMPARE(o.value(QLatin1String("strategy")).toString(), QStringLiteral("semaphore:3"));
    QCOMPARE(o.value(QLatin1String("makespan_ms")).toDouble(), 4000.0);
    QCOMPARE(o.value(QLatin1String("stats")).toObject().value(QLatin1String("max_concurrency")).toInt(), 3);
    const QJsonArray tasks = o.value(QLatin1String("tasks")).toArray();
    QCOMPARE(tasks.size(), 10);
    QCOMPARE(tasks[9].toObject().value(QLatin1String("start_ms")).toDouble(), 3000.0);
}

void TestCli::runWritesCsvToAFile()
{
    QTemporaryDir dir;
    const QString out = dir.filePath(QStringLiteral("trace.csv"));
    const Result r = concviz({QStringLiteral("run"), example("cooking.json"), QStringLiteral("--strategy"), QStringLiteral("sequential"),
                              QStringLiteral("--clock"), QStringLiteral("virtual"), QStringLiteral("--format"), QStringLiteral("csv"),
                              QStringLiteral("--out"), out});
    QCOMPARE(r.exitCode, 0);
    QVERIFY(r.out.isEmpty());
    QFile f(out);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QStringList lines = QString::fromUtf8(f.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 4);
    QCOMPARE(lines[3], QStringLiteral("Curry,1,ok,8000,8000,16000,8000,0,,"));
}

void TestCli::runWritesAChromeTrace()
{
    const Result r = concviz({QStringLiteral("run"), example("as_completed.json"), QStringLiteral("--clock"), QStringLiteral("virtual"),
                              QStringLiteral("--format"), QStringLiteral("chrome-trace")});
    QCOMPARE(r.exitCode, 0);
    const QJsonObject o = QJsonDocument::fromJson(r.out.toUtf8()).object();
    QVERIFY(o.value(QLatin1String("traceEvents")).toArray().size() > 10);
}

void TestCli::compareShowsEveryStrategyOnOneAxis()
{
    const Result r = concviz({QStringLiteral("compare"), QStringLiteral("--clock"), QStringLiteral("virtual")});
    QCOMPARE(r.exitCode, 0);
    QVERIFY(r.out.contains(QStringLiteral("sequential  4.500 s      1.00×")));
    QVERIFY(r.out.contains(QStringLiteral("gather      2.000 s      2.25×    2.25× faster")));
    QVERIFY(r.out.contains(QStringLiteral("── sequential — 4.500 s")));
    QVERIFY(r.out.contains(QStringLiteral("── gather — 2.000 s")));
}

void TestCli::compareAcceptsStrategiesWithParameters()
{
    const Result r = concviz({QStringLiteral("compare"), example("semaphore.json"), QStringLiteral("--clock"), QStringLiteral("virtual"),
                              QStringLiteral("--strategies"), QStringLiteral("sequential,queue:3,maxsize=5,batches:5,concurrency=2"),
                              QStringLiteral("--format"), QStringLiteral("json")});
    QCOMPARE(r.exitCode, 0);
    const QJsonArray runs = QJsonDocument::fromJson(r.out.toUtf8()).object().value(QLatin1String("runs")).toArray();
    QCOMPARE(runs.size(), 3);
    QCOMPARE(runs[1].toObject().value(QLatin1String("strategy")).toString(), QStringLiteral("queue:3,maxsize=5"));
    QCOMPARE(runs[1].toObject().value(QLatin1String("makespan_ms")).toDouble(), 4000.0);
    QCOMPARE(runs[2].toObject().value(QLatin1String("strategy")).toString(), QStringLiteral("batches:5,concurrency=2"));
    QCOMPARE(runs[2].toObject().value(QLatin1String("makespan_ms")).toDouble(), 6000.0);
}

void TestCli::validateReportsEachFile()
{
    QTemporaryDir dir;
    const QString bad = dir.filePath(QStringLiteral("bad.json"));
    QFile f(bad);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(R"({"concviz": 1, "tasks": [{"kind": "sleep", "duration_ms": -1}, {"kind": "warp"},
                {"kind": "http", "url": "http://demo/json", "headers": {"X-A": "b\r\nInjected: 1"}}]})");
    f.close();
    const Result r = concviz({QStringLiteral("validate"), example("cooking.json"), bad});
    QCOMPARE(r.exitCode, 2);
    QVERIFY(r.out.contains(QStringLiteral("cooking.json: ok (3 tasks, strategy gather)")));
    QVERIFY(r.err.contains(bad + QStringLiteral(": tasks[0].duration_ms: must be a non-negative number")));
    QVERIFY(r.err.contains(bad + QStringLiteral(": tasks[1].kind: unknown kind \"warp\"")));
    QVERIFY(r.err.contains(bad + QStringLiteral(": tasks[2].headers.X-A: a header value must not hold a line break (CR or LF)")));

    const Result good = concviz({QStringLiteral("validate"), example("cooking.json"), example("semaphore.json")});
    QCOMPARE(good.exitCode, 0);
}

void TestCli::badInputExitsWithTwoAndSaysWhy_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("message");
    QTest::newRow("missing file") << QStringList{QStringLiteral("run"), QStringLiteral("/no/such.json")}
                                  << "concviz: /no/such.json: cannot be read";
    QTest::newRow("unknown strategy") << QStringList{QStringLiteral("run"), QStringLiteral("--strategy"), QStringLiteral("fastest")}
                                      << "concviz: --strategy: unknown strategy \"fastest\"";
    QTest::newRow("unknown format") << QStringList{QStringLiteral("run"), QStringLiteral("--format"), QStringLiteral("yaml")}
                                    << "concviz: --format: must be text, json, csv or chrome-trace, not \"yaml\"";
    QTest::newRow("unknown clock") << QStringList{QStringLiteral("compare"), QStringLiteral("--clock"), QStringLiteral("wall")}
                                   << "concviz: --clock: must be real or virtual, not \"wall\"";
    QTest::newRow("unknown option") << QStringList{QStringLiteral("run"), QStringLiteral("--fast")} << "concviz: Unknown option 'fast'.";
    QTest::newRow("bad list") << QStringList{QStringLiteral("compare"), QStringLiteral("--strategies"), QStringLiteral("gather,semaphore")}
                              << "concviz: --strategies: semaphore needs its number of permits";
    QTest::newRow("validate without files") << QStringList{QStringLiteral("validate")} << "concviz: validate needs at least one scenario file";
    QTest::newRow("unknown command") << QStringList{QStringLiteral("fly")} << "concviz: unknown command \"fly\"";
    QTest::newRow("a guess that is no time") << QStringList{QStringLiteral("--predict"), QStringLiteral("3000,soon")}
                                             << "concviz: --predict: \"soon\" is not a time in milliseconds from 0 to 86400000";
    QTest::newRow("serve without room") << QStringList{QStringLiteral("serve"), QStringLiteral("--max-connections"), QStringLiteral("0")}
                                        << "concviz: --max-connections: must be a whole number from 1 to 100000, not \"0\"";
}

void TestCli::badInputExitsWithTwoAndSaysWhy()
{
    QFETCH(QStringList, args);
    QFETCH(QString, message);
    const Result r = concviz(args);
    QCOMPARE(r.exitCode, 2);
    // The window's options are read after Qt's GUI has started, which may warn about the session first.
    QVERIFY2(r.err.startsWith(message) || r.err.contains(QLatin1Char('\n') + message), qPrintable(r.err));
    QVERIFY(r.out.isEmpty());
}

void TestCli::serveClosesIdleConnectionsWhenTold()
{
    QProcess serve;
    serve.start(QStringLiteral(CONCVIZ_BINARY), {QStringLiteral("serve"), QStringLiteral("--idle-timeout"), QStringLiteral("1")});
    QVERIFY(serve.waitForReadyRead(10000));
    const QByteArray banner = serve.readLine();
    const auto port = static_cast<quint16>(banner.mid(banner.lastIndexOf(':') + 1).split('/').first().toUInt());
    QTcpSocket silent;
    silent.connectToHost(QHostAddress::LocalHost, port);
    QVERIFY(silent.waitForConnected(5000));
    QElapsedTimer timer;
    timer.start();
    const bool closed = silent.state() == QAbstractSocket::UnconnectedState || silent.waitForDisconnected(10000);
    const qint64 elapsed = timer.elapsed();
    serve.terminate();
    serve.waitForFinished(5000);
    QVERIFY2(closed, "the silent connection was kept past the idle timeout");
    QVERIFY2(elapsed >= 900 && elapsed < 8000, QByteArray::number(elapsed)); // 1 s, not the default 15
}

void TestCli::helpExitsWithZero()
{
    const Result r = concviz({QStringLiteral("--help")});
    QCOMPARE(r.exitCode, 0);
    QVERIFY(r.out.contains(QStringLiteral("compare [FILE]")));
    const Result runHelp = concviz({QStringLiteral("run"), QStringLiteral("--help")});
    QCOMPARE(runHelp.exitCode, 0);
    QVERIFY(runHelp.out.contains(QStringLiteral("--strategy")));
}

void TestCli::ctrlCStopsARunAndStillPrintsIt()
{
#ifdef Q_OS_UNIX
    QProcess p;
    p.start(QStringLiteral(CONCVIZ_BINARY), {QStringLiteral("run"), example("cooking.json")}); // 8 s on the real clock
    QVERIFY(p.waitForStarted());
    QTest::qWait(700);
    ::kill(static_cast<pid_t>(p.processId()), SIGINT);
    QVERIFY(p.waitForFinished(5000));
    QCOMPARE(p.exitCode(), 130);
    const QString out = QString::fromUtf8(p.readAllStandardOutput());
    QVERIFY(out.contains(QStringLiteral("⊘ cancelled: stopped by the user")));
    QVERIFY(out.contains(QStringLiteral("▲")));
    QVERIFY(QString::fromUtf8(p.readAllStandardError()).contains(QStringLiteral("interrupted")));
#else
    QSKIP("sending Ctrl-C to another process is done here with POSIX signals");
#endif
}

void TestCli::ctrlCStopsAQueueRunWhileATaskEnds()
{
#ifdef Q_OS_UNIX
    // Ctrl-C comes while B holds the loop and F's failure falls due meanwhile: once B lets go, the
    // failure and the Stop are handled together. The run must stop then, not wait for A or forever.
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("queue.json"));
    QFile f(file);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(R"({"concviz": 1, "name": "queue", "strategy": "queue:3", "tasks": [
        {"name": "A", "kind": "sleep", "duration_ms": 20000},
        {"name": "F", "kind": "fail", "duration_ms": 10},
        {"name": "B", "kind": "blocking", "duration_ms": 3000}]})");
    f.close();
    QElapsedTimer timer;
    timer.start();
    QProcess p;
    p.start(QStringLiteral(CONCVIZ_BINARY), {QStringLiteral("run"), file});
    QVERIFY(p.waitForStarted());
    QTest::qWait(1000);
    ::kill(static_cast<pid_t>(p.processId()), SIGINT);
    QVERIFY2(p.waitForFinished(30000), "the run did not stop");
    QVERIFY2(timer.elapsed() < 15000, QByteArray::number(timer.elapsed())); // well before A's 20 s
    QCOMPARE(p.exitCode(), 130);
    const QString out = QString::fromUtf8(p.readAllStandardOutput());
    QVERIFY2(out.contains(QStringLiteral("⊘ cancelled: stopped by the user")), qPrintable(out));
    QVERIFY2(out.contains(QStringLiteral("✓ ok")), qPrintable(out));
#else
    QSKIP("sending Ctrl-C to another process is done here with POSIX signals");
#endif
}

void TestCli::renderDrawsTheComparisonWithNoWindow_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QByteArray>("magic");
    QTest::newRow("png") << "chart.png" << QByteArray("\x89PNG");
    QTest::newRow("svg") << "chart.svg" << QByteArray("<?xml");
    QTest::newRow("pdf") << "chart.pdf" << QByteArray("%PDF");
}

void TestCli::renderDrawsTheComparisonWithNoWindow()
{
    QFETCH(QString, name);
    QFETCH(QByteArray, magic);
    QTemporaryDir dir;
    const QString out = dir.filePath(name);
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("QT_QPA_PLATFORM")); // render must not need a display or a platform chosen for it
    env.remove(QStringLiteral("DISPLAY"));
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(CONCVIZ_BINARY), {QStringLiteral("render"), example("semaphore.json"), QStringLiteral("--out"), out,
                                             QStringLiteral("--width"), QStringLiteral("1000")});
    QVERIFY(p.waitForFinished(30000));
    QCOMPARE(p.exitCode(), 0);
    QFile f(out);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QVERIFY(f.read(magic.size()) == magic);
    if (name.endsWith(QLatin1String(".png"))) {
        const QImage image(out);
        QCOMPARE(image.width(), 1000);
        QVERIFY(image.height() > 300); // three runs of ten lanes
    }
    const Result bad = concviz({QStringLiteral("render"), QStringLiteral("--out"), dir.filePath(QStringLiteral("chart.txt"))});
    QCOMPARE(bad.exitCode, 2);
    QVERIFY(bad.err.contains(QStringLiteral("must end in .png, .svg or .pdf")));
}

void TestCli::renderAtAnInstantDrawsWhatWasTrueThen()
{
    QTemporaryDir dir;
    const QString svg = dir.filePath(QStringLiteral("at.svg"));
    const Result r = concviz({QStringLiteral("render"), example("semaphore.json"), QStringLiteral("--at"), QStringLiteral("1200"),
                              QStringLiteral("--out"), svg});
    QCOMPARE(r.exitCode, 0);
    QFile f(svg);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QString text = QString::fromUtf8(f.readAll());
    // The playhead's time, and under the runs the state at it: the semaphore's holders in its run.
    QVERIFY(text.contains(QStringLiteral(">1.200 s<")));
    QVERIFY(text.contains(QStringLiteral("semaphore:3 at 1.200 s")));
    QVERIFY(text.contains(QStringLiteral("Semaphore: 3 of 3 permits in use:")));
    QVERIFY(text.contains(QStringLiteral("request#4 · request#5 · request#6")));
    // A picture of an instant is taller than one of the run alone: the state is under it.
    const QString plain = dir.filePath(QStringLiteral("plain.png"));
    const QString at = dir.filePath(QStringLiteral("at.png"));
    QCOMPARE(concviz({QStringLiteral("render"), example("semaphore.json"), QStringLiteral("--out"), plain}).exitCode, 0);
    QCOMPARE(concviz({QStringLiteral("render"), example("semaphore.json"), QStringLiteral("--at"), QStringLiteral("0"), QStringLiteral("--out"), at}).exitCode, 0);
    QVERIFY(QImage(at).height() > QImage(plain).height() + 100);
    const Result bad = concviz({QStringLiteral("render"), example("semaphore.json"), QStringLiteral("--at"), QStringLiteral("soon"),
                                QStringLiteral("--out"), at});
    QCOMPARE(bad.exitCode, 2);
    QVERIFY2(bad.err.contains(QStringLiteral("--at: must be a time in milliseconds from 0 to 86400000, not \"soon\"")), qPrintable(bad.err));
}

void TestCli::theWindowRefusesAGuessedOrderOfTasksItDoesNotHave()
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(CONCVIZ_BINARY), {example("cooking.json"), QStringLiteral("--predict-order"), QStringLiteral("Rice,Soup"),
                                             QStringLiteral("--quit")});
    QVERIFY(p.waitForFinished(30000));
    QCOMPARE(p.exitCode(), 2);
    const QString err = QString::fromUtf8(p.readAllStandardError());
    QVERIFY2(err.contains(QStringLiteral("--predict-order: the scenario has no task named \"Soup\"")), qPrintable(err));
}

void TestCli::viewShowsATraceWrittenBefore()
{
    QTemporaryDir dir;
    const QString written = dir.filePath(QStringLiteral("run.json"));
    QCOMPARE(concviz({QStringLiteral("run"), example("semaphore.json"), QStringLiteral("--clock"), QStringLiteral("virtual"),
                      QStringLiteral("--format"), QStringLiteral("json"), QStringLiteral("--out"), written}).exitCode, 0);
    // Read and written again, the same file.
    const Result again = concviz({QStringLiteral("view"), written, QStringLiteral("--format"), QStringLiteral("json")});
    QCOMPARE(again.exitCode, 0);
    QFile f(written);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(again.out.toUtf8(), f.readAll());
    // As text: the chart, the statistics and the insights, as run prints them.
    const Result text = concviz({QStringLiteral("view"), written});
    QCOMPARE(text.exitCode, 0);
    QVERIFY2(text.out.contains(QStringLiteral("A semaphore of 3 · semaphore:3 · virtual clock")), qPrintable(text.out));
    QVERIFY(text.out.contains(QStringLiteral("makespan 4.000 s")));
    QVERIFY(text.out.contains(QStringLiteral("that limit set the pace")));
    // A comparison's file: every run, or one with --run; CSV needs one.
    const QString compared = dir.filePath(QStringLiteral("compare.json"));
    QCOMPARE(concviz({QStringLiteral("compare"), example("semaphore.json"), QStringLiteral("--clock"), QStringLiteral("virtual"),
                      QStringLiteral("--format"), QStringLiteral("json"), QStringLiteral("--out"), compared}).exitCode, 0);
    QVERIFY(concviz({QStringLiteral("view"), compared}).out.contains(QStringLiteral("gather")));
    const Result csv = concviz({QStringLiteral("view"), compared, QStringLiteral("--format"), QStringLiteral("csv")});
    QCOMPARE(csv.exitCode, 2);
    QVERIFY2(csv.err.contains(QStringLiteral("choose one with --run N")), qPrintable(csv.err));
    const Result second = concviz({QStringLiteral("view"), compared, QStringLiteral("--run"), QStringLiteral("3"),
                                   QStringLiteral("--format"), QStringLiteral("csv")});
    QCOMPARE(second.exitCode, 0);
    QCOMPARE(second.out.count(QLatin1Char('\n')), 11); // a heading and ten tasks of one attempt
    // A Chrome trace: the same lanes as the run that wrote it.
    const QString chrome = dir.filePath(QStringLiteral("run.trace.json"));
    QCOMPARE(concviz({QStringLiteral("run"), example("semaphore.json"), QStringLiteral("--clock"), QStringLiteral("virtual"),
                      QStringLiteral("--format"), QStringLiteral("chrome-trace"), QStringLiteral("--out"), chrome}).exitCode, 0);
    const Result lanes = concviz({QStringLiteral("view"), chrome});
    QCOMPARE(lanes.exitCode, 0);
    QVERIFY2(lanes.out.contains(QStringLiteral("request#10")) && lanes.out.contains(QStringLiteral("makespan 4.000 s")), qPrintable(lanes.out));
    // A broken file: what and where, exit 2.
    const QString broken = dir.filePath(QStringLiteral("broken.json"));
    QFile b(broken);
    QVERIFY(b.open(QIODevice::WriteOnly));
    b.write(R"({"strategy": "gather", "makespan_ms": 5, "tasks": [{"name": "A", "state": "ok", "start_ms": 0, "end_ms": 9}]})");
    b.close();
    const Result bad = concviz({QStringLiteral("view"), broken});
    QCOMPARE(bad.exitCode, 2);
    QVERIFY2(bad.err.contains(broken + QStringLiteral(": tasks[0].end_ms: is after the run's makespan_ms")), qPrintable(bad.err));
}

void TestCli::theWindowRunsAndTakesAScreenshot()
{
    QTemporaryDir dir;
    const QString shot = dir.filePath(QStringLiteral("window.png"));
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), dir.path()); // leave the user's settings alone
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(CONCVIZ_BINARY), {example("cooking.json"), QStringLiteral("--run"), QStringLiteral("--clock"), QStringLiteral("virtual"),
                                             QStringLiteral("--screenshot"), shot, QStringLiteral("--quit"), QStringLiteral("--size"),
                                             QStringLiteral("1280x800")});
    QVERIFY(p.waitForFinished(30000));
    QCOMPARE(p.exitCode(), 0);
    const QImage image(shot);
    QCOMPARE(image.size(), QSize(1280, 800));

    // A broken file with --quit is bad input, said on stderr, and no picture is taken.
    const QString broken = dir.filePath(QStringLiteral("broken.json"));
    QFile f(broken);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("{\"concviz\": 1, \"tasks\": 5}");
    f.close();
    QProcess q;
    q.setProcessEnvironment(env);
    q.start(QStringLiteral(CONCVIZ_BINARY), {broken, QStringLiteral("--screenshot"), dir.filePath(QStringLiteral("no.png")), QStringLiteral("--quit")});
    QVERIFY(q.waitForFinished(30000));
    QCOMPARE(q.exitCode(), 2);
    QVERIFY(QString::fromUtf8(q.readAllStandardError()).contains(broken + QStringLiteral(": tasks: must be a list of tasks")));
    QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("no.png"))));
}

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
