#include "windowcommand.h"

#include "cli.h"
#include "appicon.h"
#include "mainwindow.h"
#include "playback/playbackbar.h"
#include "timeline/timelinewidget.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QEventLoop>
#include <QTimer>

#include <algorithm>

namespace concviz::cli {

bool hasDisplay()
{
#if defined(Q_OS_UNIX) && !defined(Q_OS_MACOS)
    return !qEnvironmentVariableIsEmpty("DISPLAY") || !qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY")
        || !qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM");
#else
    return true;
#endif
}

namespace {

QSize parseSize(const QString &text)
{
    const QStringList parts = text.toLower().split(QLatin1Char('x'));
    bool okW = false, okH = false;
    const int w = parts.value(0).toInt(&okW);
    const int h = parts.value(1).toInt(&okH);
    if (parts.size() != 2 || !okW || !okH || w < 320 || h < 240 || w > 10000 || h > 10000)
        throw UsageError{QStringLiteral("--size: must be WIDTHxHEIGHT, such as 1920x1080, not \"%1\"").arg(text)};
    return {w, h};
}

} // namespace

int windowCommand(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Opens the ConcViz window on FILE (the built-in demo when it is left out)."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("FILE"), QStringLiteral("A scenario file (.json)."), QStringLiteral("[FILE]"));
    parser.addOptions({
        {QStringLiteral("run"), QStringLiteral("Run the scenario at once, as F5 does.")},
        {QStringLiteral("screenshot"), QStringLiteral("Save a picture of the window to PATH (after the run with --run)."), QStringLiteral("PATH")},
        {QStringLiteral("quit"), QStringLiteral("Quit after the run and the screenshot.")},
        {QStringLiteral("theme"), QStringLiteral("system, light, dark or projector."), QStringLiteral("NAME")},
        {QStringLiteral("clock"), QStringLiteral("real or virtual."), QStringLiteral("real|virtual")},
        {QStringLiteral("size"), QStringLiteral("Window size, such as 1920x1080."), QStringLiteral("WxH")},
        {QStringLiteral("results"), QStringLiteral("The tab of results to show: statistics, insights, makespan, concurrency, waits or log."),
         QStringLiteral("TAB")},
        {QStringLiteral("present"), QStringLiteral("Open in presentation mode: the timeline, the lesson and the numbers, full screen (Esc leaves).")},
        {QStringLiteral("code"), QStringLiteral("Show the asyncio code of the scenario in front of the editor (with --present, in the timeline's place).")},
        {QStringLiteral("predict"), QStringLiteral("Run every compared strategy with these guesses of their makespans drawn beside them, "
                                                   "as Run ▸ Predict does: milliseconds, one per strategy, such as 3000,1500."),
         QStringLiteral("MS,...")},
        {QStringLiteral("predict-order"), QStringLiteral("With the run, the order the class thinks the tasks finish in under the "
                                                         "scenario's own strategy: task names, first first, such as B,C,A."),
         QStringLiteral("NAME,...")},
        {QStringLiteral("at"), QStringLiteral("Run the scenario, then play it back paused at MS milliseconds, as K and the arrows do: "
                                              "the state panel, the caller's line in the code, the future greyed."),
         QStringLiteral("MS")},
    });
    if (!parseCommand(parser, QStringLiteral("concviz"), arguments))
        return Success;
    if (parser.positionalArguments().size() > 1)
        throw UsageError{QStringLiteral("the window opens one scenario file, not %1").arg(parser.positionalArguments().size())};
    const QStringList themes{QStringLiteral("system"), QStringLiteral("light"), QStringLiteral("dark"), QStringLiteral("projector")};
    if (parser.isSet(QStringLiteral("theme")) && !themes.contains(parser.value(QStringLiteral("theme"))))
        throw UsageError{QStringLiteral("--theme: must be system, light, dark or projector, not \"%1\"").arg(parser.value(QStringLiteral("theme")))};
    const QSize size = parser.isSet(QStringLiteral("size")) ? parseSize(parser.value(QStringLiteral("size"))) : QSize();
    const bool scripted = parser.isSet(QStringLiteral("quit"));
    QList<double> guesses;
    if (parser.isSet(QStringLiteral("predict"))) {
        for (const QString &part : parser.value(QStringLiteral("predict")).split(QLatin1Char(','))) {
            bool ok = false;
            const double ms = part.trimmed().toDouble(&ok);
            if (!ok || ms < 0 || ms > 86400000)
                throw UsageError{QStringLiteral("--predict: \"%1\" is not a time in milliseconds from 0 to 86400000").arg(part.trimmed())};
            guesses << ms;
        }
    }

    QStringList order;
    if (parser.isSet(QStringLiteral("predict-order"))) {
        for (const QString &name : parser.value(QStringLiteral("predict-order")).split(QLatin1Char(',')))
            order << name.trimmed();
    }
    const bool playback = parser.isSet(QStringLiteral("at"));
    const Micros at = playback ? fromMs(millisOption(QStringLiteral("at"), parser.value(QStringLiteral("at")))) : -1;

    // The desktop entry (resources/concviz.desktop) names the icon a task bar shows.
    QGuiApplication::setDesktopFileName(QStringLiteral("concviz"));
    QApplication::setWindowIcon(applicationIcon());
    MainWindow window;
    window.setQuietErrors(scripted);
    if (parser.isSet(QStringLiteral("theme")))
        window.setThemeKind(Theme::kindFromName(parser.value(QStringLiteral("theme"))), false);
    if (parser.isSet(QStringLiteral("clock")))
        window.setClock(parseClock(parser.value(QStringLiteral("clock"))), false);
    if (size.isValid())
        window.resize(size);
    const QString file = parser.positionalArguments().value(0);
    if (!file.isEmpty() && !window.openFile(file) && scripted)
        throw UsageError{window.lastError()};
    // A large file is read on another thread; the run, the guesses and the picture need it on screen.
    const bool needsTheFile = scripted || parser.isSet(QStringLiteral("screenshot")) || parser.isSet(QStringLiteral("run"))
        || !guesses.isEmpty() || !order.isEmpty() || playback;
    if (window.isOpening() && needsTheFile) {
        window.show();
        QEventLoop reading;
        bool opened = false;
        QObject::connect(&window, &MainWindow::fileOpened, &reading, [&](bool ok) {
            opened = ok;
            reading.quit();
        });
        reading.exec();
        if (!opened && scripted)
            throw UsageError{window.lastError()};
    }
    for (const QString &name : order) {
        const QList<TaskInstance> instances = window.document()->scenario().instances();
        if (std::none_of(instances.begin(), instances.end(), [&name](const TaskInstance &i) { return i.name == name; }))
            throw UsageError{QStringLiteral("--predict-order: the scenario has no task named \"%1\"").arg(name)};
    }
    if (parser.isSet(QStringLiteral("results")) && !window.showResults(parser.value(QStringLiteral("results"))))
        throw UsageError{QStringLiteral("--results: must be statistics, insights, makespan, concurrency, waits or log, not \"%1\"")
                             .arg(parser.value(QStringLiteral("results")))};
    const bool code = parser.isSet(QStringLiteral("code"));
    const bool present = parser.isSet(QStringLiteral("present"));
    if (code && !present)
        window.showCode();
    window.show();
    if (present) {
        window.setPresenting(true);
        if (code)
            window.toggleCode(); // the code in the timeline's place, as C does
    }

    int status = Success;
    const QString screenshot = parser.value(QStringLiteral("screenshot"));
    auto finish = [&] {
        if (!screenshot.isEmpty()) {
            QString error;
            if (!window.saveScreenshot(screenshot, &error)) {
                printErr(QStringLiteral("concviz: %1\n").arg(error));
                status = BadInput;
            }
        }
        if (scripted)
            QApplication::quit();
    };
    if (playback && window.isShowingTrace() && !parser.isSet(QStringLiteral("run")) && guesses.isEmpty() && order.isEmpty()) {
        // A trace file is played back as it is: nothing runs over it.
        QTimer::singleShot(200, &window, [&] {
            if (window.startPlayback())
                window.playbackBar()->setPosition(at);
            QTimer::singleShot(300, &window, finish);
        });
    } else if (parser.isSet(QStringLiteral("run")) || !guesses.isEmpty() || !order.isEmpty() || playback) {
        // Let the finished run paint once before the picture is taken.
        QObject::connect(&window, &MainWindow::runsFinished, &window, [&] {
            if (playback && window.startPlayback())
                window.playbackBar()->setPosition(at);
            QTimer::singleShot(300, &window, finish);
        });
        QTimer::singleShot(200, &window, [&] {
            if (!guesses.isEmpty() || !order.isEmpty())
                window.runWithGuesses(guesses, order);
            else
                window.run(!window.document()->scenario().compare.isEmpty());
        });
    } else if (!screenshot.isEmpty() || scripted) {
        QTimer::singleShot(500, &window, finish);
    }
    const int loop = QApplication::exec();
    return status != Success ? status : loop;
}

} // namespace concviz::cli
