// The window as a user meets it: open each example, run it, see one lane per task; a broken file
// changes nothing; a live run keeps the window responsive; edits mark the title.

#include "autosave.h"
#include "charts/concurrencychart.h"
#include "charts/distributionchart.h"
#include "editor/scenarioeditor.h"
#include "editor/tasktablemodel.h"
#include "eventlog.h"
#include "findbar.h"
#include "lessonbar.h"
#include "shortcuts.h"
#include "shortcutsdialog.h"
#include "insightspanel.h"
#include "codepanel.h"
#include "mainwindow.h"
#include "playback/playbackbar.h"
#include "playback/statepanel.h"
#include "predictdialog.h"
#include "engine/comparison.h"
#include "engine/pythonprogram.h"
#include "scenario/examples.h"
#include "scenario/scenarioreader.h"
#include "testsupport.h"
#include "trace/jsonexporter.h"
#include "timeline/timelinewidget.h"

#include <QApplication>
#include <QComboBox>
#include <QClipboard>
#include <QDockWidget>
#include <QFile>
#include <QLabel>
#include <QLineSeries>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QElapsedTimer>
#include <QImage>
#include <QItemSelectionModel>
#include <QProgressBar>
#include <QLocale>
#include <QPushButton>
#include <QScrollArea>
#include <QScopeGuard>
#include <QScreen>
#include <QScrollBar>
#include <QSettings>
#include <QSignalSpy>
#include <QSlider>
#include <QStatusBar>
#include <QStandardPaths>
#include <QTableView>
#include <QTimer>
#include <QTemporaryDir>

using namespace concviz;
using namespace concviz::test;

class TestMainWindow : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void opensOnTheDemo();
    void everyExampleOpensAndRunsWithOneLanePerTask_data();
    void everyExampleOpensAndRunsWithOneLanePerTask();
    void aBrokenFileLeavesTheScenarioAsItWas();
    void aLiveRunDrawsWhileItGoesAndCanBeStopped();
    void aHundredThousandTaskRunKeepsTheWindowDrawing();
    void aHundredThousandTaskRunStopsAtOnce();
    void anEditMarksTheTitleAndUndoClearsIt();
    void clickingABarSelectsTheTaskInTheEditor();
    void theScreenshotIsThePictureOfTheWindow();
    void resultsFromBeforeAnEditAreMarkedStale();
    void presentationModeShowsTheLessonAndEscLeaves();
    void ctrlFFiltersTheLanes();
    void everyDockCanBeShownAgainFromTheViewMenu();
    void theCodePanelShowsTheAsyncioCodeAsTheScenarioChanges();
    void aPredictionIsDrawnBesideTheTruth();
    void closingWhilePresentingKeepsTheDocksForNextTime();
    void theShortcutListNamesEveryKey();
    void theTimelinesKeysComeBeforeTheWindows();
    void chartsCoverEveryRunAndTabsDoNotMoveTheDock();
    void theEditorShowsALongStrategyWholeOnAProjector();
    void theEditorShowsTheCountWholeBesideALongUrl();
    void theWindowFitsTheScreenInEveryTheme_data();
    void theWindowFitsTheScreenInEveryTheme();
    void playbackStepsThroughARunAndBack();
    void aTraceFromAFileIsShownAndPlaysBack();
    void aLargeFileIsReadWhileTheWindowGoesOn();
    void aBigRealRunIsDrawnAsItRuns();
};

void TestMainWindow::initTestCase()
{
    // Keep the tests' settings apart from a real user's.
    QCoreApplication::setOrganizationName(QStringLiteral("ConcVizTests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_mainwindow"));
    QStandardPaths::setTestModeEnabled(true);
}

void TestMainWindow::init()
{
    // Each test starts as a clean start would: no unsaved work, layout or theme left by the test
    // before (nor by a run of the tests that stopped half-way).
    Autosave::discard();
    QSettings().clear();
}

void TestMainWindow::opensOnTheDemo()
{
    MainWindow w;
    // Its own icon, at the sizes a task bar and the About box ask for.
    QVERIFY(w.windowIcon().availableSizes().contains(QSize(256, 256)));
    QVERIFY(w.windowIcon().availableSizes().contains(QSize(16, 16)));
    QCOMPARE(w.document()->scenario().name, QStringLiteral("Async demo"));
    QVERIFY(w.windowTitle().contains(QStringLiteral("Async demo")));
    QVERIFY(w.statisticsText().contains(QStringLiteral("F5")));
    // On a first start it fits the screen it opens on, however small (the offscreen one is 800×800).
    const QSize room = w.screen()->availableGeometry().size();
    QVERIFY2(w.width() <= room.width() && w.height() <= room.height(),
             qPrintable(QStringLiteral("%1×%2 on a screen of %3×%4").arg(w.width()).arg(w.height()).arg(room.width()).arg(room.height())));
}

void TestMainWindow::everyExampleOpensAndRunsWithOneLanePerTask_data()
{
    QTest::addColumn<QString>("path");
    for (const QString &path : examplePaths())
        QTest::newRow(qPrintable(QFileInfo(path).fileName())) << path;
}

void TestMainWindow::everyExampleOpensAndRunsWithOneLanePerTask()
{
    QFETCH(QString, path);
    MainWindow w;
    w.setQuietErrors(true);
    w.setClock(ClockKind::Virtual);
    w.resize(1400, 900);
    w.show();
    QVERIFY(w.openFile(path));
    const Scenario s = *ScenarioReader::readFile(path).scenario;
    QSignalSpy finished(&w, &MainWindow::runsFinished);
    w.run(true);
    QVERIFY(finished.wait(20000));
    const QList<StrategySpec> strategies = s.compareOrDefault();
    const GanttModel &model = w.timeline()->model();
    QCOMPARE(model.groups().size(), strategies.size());
    for (int g = 0; g < strategies.size(); ++g) {
        QCOMPARE(model.groups()[g].strategy, strategies[g].toString());
        QCOMPARE(model.groups()[g].lanes.size(), s.instances().size());
        QVERIFY(model.groups()[g].finished);
        // The exact virtual-clock makespan is what the statistics show.
        const Trace expected = Comparison::run(s, {strategies[g]}, ClockKind::Virtual).value(0);
        QCOMPARE(model.groups()[g].makespan, expected.makespan());
    }
    QVERIFY(w.statisticsText().contains(strategies.first().toString()));
    QVERIFY(!w.eventLog()->toPlainText().isEmpty());
}

void TestMainWindow::aBrokenFileLeavesTheScenarioAsItWas()
{
    QTemporaryDir dir;
    const QString broken = dir.filePath(QStringLiteral("broken.json"));
    QFile f(broken);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(R"({"concviz": 1, "tasks": [{"kind": "sleep", "duration_ms": -3}]})");
    f.close();
    MainWindow w;
    w.setQuietErrors(true);
    const Scenario before = w.document()->scenario();
    QVERIFY(!w.openFile(broken));
    QCOMPARE(w.document()->scenario(), before);
    QCOMPARE(w.lastError(), broken + QStringLiteral(": tasks[0].duration_ms: must be a non-negative number"));
}

void TestMainWindow::aHundredThousandTaskRunKeepsTheWindowDrawing()
{
    // A 1 ms timer stands for the window's frames: the longest gap between two of its ticks is the
    // longest the window could not draw. The bound is generous for a loaded machine; bench_window_run
    // holds the strict one. Meanwhile the status bar's progress bar counts the tasks done.
    const QLocale before;
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    const auto restore = qScopeGuard([&] { QLocale::setDefault(before); });
    MainWindow w;
    w.setClock(ClockKind::Virtual, false);
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    w.openScenario(scenarioFrom(R"({"concviz": 1, "name": "many", "strategy": "gather",
        "tasks": [{"name": "t", "kind": "sleep", "duration_ms": 1000, "count": 100000}]})"),
                   QString());
    auto *progress = w.findChild<QProgressBar *>(QStringLiteral("runProgress"));
    QVERIFY(progress && !progress->isVisible());
    qint64 longest = 0;
    int progressSeen = 0;
    QElapsedTimer since;
    QTimer probe;
    probe.setInterval(1);
    connect(&probe, &QTimer::timeout, this, [&] {
        longest = std::max(longest, since.restart());
        if (progress->isVisible() && progress->maximum() == 100000)
            ++progressSeen;
    });
    QSignalSpy finished(&w, &MainWindow::runsFinished);
    since.start();
    probe.start();
    w.run(false);
    QVERIFY(finished.wait(120000));
    probe.stop();
    QVERIFY2(longest < 2000, qPrintable(QStringLiteral("the window was held for %1 ms").arg(longest)));
    QVERIFY(progressSeen > 0);
    QVERIFY(!progress->isVisible());
    QCOMPARE(w.timeline()->totalLanes(), 100000);
    QCOMPARE(w.timeline()->model().groups().first().makespan, fromMs(1000));
    // The statistics read out a hundred thousand as such: tasks at once, ok and the speedup.
    QTRY_VERIFY2(w.statisticsText().contains(QStringLiteral("100,000.00×")), qPrintable(w.statisticsText()));
    QCOMPARE(w.statisticsText().count(QStringLiteral(">100,000<")), 2);
    // The insights, worked out on another thread, come too.
    const InsightsPanel *insights = w.findChild<InsightsPanel *>();
    QTRY_VERIFY2(insights->text().contains(QStringLiteral("<b>gather</b>")) && insights->text().contains(QStringLiteral("nothing to point out")),
                 qPrintable(insights->text()));
}

void TestMainWindow::aHundredThousandTaskRunStopsAtOnce()
{
    // Esc in the middle of a big run: the run ends soon, what had not ended is cancelled, and the
    // window was never held long meanwhile.
    MainWindow w;
    w.setClock(ClockKind::Virtual, false);
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    w.openScenario(scenarioFrom(R"({"concviz": 1, "name": "many", "strategy": "queue:10",
        "tasks": [{"name": "t", "kind": "sleep", "duration_ms": 1000, "count": 100000}]})"),
                   QString());
    auto *progress = w.findChild<QProgressBar *>(QStringLiteral("runProgress"));
    QVERIFY(progress);
    QSignalSpy finished(&w, &MainWindow::runsFinished);
    // Esc as soon as the progress bar counts the first tasks done, while the run surely goes on:
    // on a busy machine a poll of the bar could come after the run's end.
    QElapsedTimer held;
    connect(progress, &QProgressBar::valueChanged, &w, [&](int done) {
        if (done > 0 && !held.isValid() && w.isRunning()) {
            held.start();
            QTest::keyClick(w.timeline(), Qt::Key_Escape);
        }
    });
    w.run(false);
    QVERIFY(finished.wait(60000));
    QVERIFY(held.isValid());
    QVERIFY2(held.elapsed() < 5000, qPrintable(QStringLiteral("the run took %1 ms to stop").arg(held.elapsed())));
    const GanttModel::Group &g = w.timeline()->model().groups().first();
    QCOMPARE(g.lanes.size(), 100000);
    QVERIFY(g.stats.ok > 0);
    QVERIFY(g.stats.cancelled > 0);
    QCOMPARE(g.stats.ok + g.stats.cancelled, 100000);
    QVERIFY(g.makespan < fromMs(10000.0 * 1000));
}

void TestMainWindow::aLiveRunDrawsWhileItGoesAndCanBeStopped()
{
    MainWindow w;
    w.setQuietErrors(true);
    w.setClock(ClockKind::Real);
    w.show();
    w.openScenario(scenarioFrom(R"({"concviz": 1, "name": "live", "tasks": [{"name": "slow", "kind": "sleep", "duration_ms": 5000},
        {"name": "quick", "kind": "sleep", "duration_ms": 100}]})"),
                   QString());
    QSignalSpy finished(&w, &MainWindow::runsFinished);
    w.run(false);
    // While it runs, the timeline shows the run so far and the window answers.
    QTRY_VERIFY_WITH_TIMEOUT(!w.timeline()->model().groups().isEmpty()
                                 && w.timeline()->model().groups().first().lanes[1].outcome == Outcome::Ok,
                             3000);
    QVERIFY(w.isRunning());
    QVERIFY(!w.timeline()->model().groups().first().finished);
    w.stop();
    QVERIFY(finished.wait(3000));
    const GanttModel::Group &g = w.timeline()->model().groups().first();
    QCOMPARE(g.lanes[0].outcome, Outcome::Cancelled);
    QVERIFY(g.makespan < 4000000);
}

void TestMainWindow::anEditMarksTheTitleAndUndoClearsIt()
{
    MainWindow w;
    QVERIFY(!w.isWindowModified());
    TaskTableModel *model = w.editor()->model();
    QVERIFY(model->setData(model->index(0, TaskTableModel::Name), QStringLiteral("Alpha"), Qt::EditRole));
    QVERIFY(w.isWindowModified());
    w.document()->undoStack()->undo();
    QVERIFY(!w.isWindowModified());
}

void TestMainWindow::clickingABarSelectsTheTaskInTheEditor()
{
    MainWindow w;
    w.setClock(ClockKind::Virtual);
    w.show();
    QSignalSpy finished(&w, &MainWindow::runsFinished);
    w.run(true);
    QVERIFY(finished.wait(5000));
    Q_EMIT w.timeline()->taskClicked(1, 2); // gather, task C
    const QModelIndexList rows = w.editor()->table()->selectionModel()->selectedRows();
    QCOMPARE(rows.size(), 1);
    QCOMPARE(rows.first().row(), 2);
    QVERIFY(w.eventLog()->textCursor().selectedText().contains(QStringLiteral("C")));
}

void TestMainWindow::theScreenshotIsThePictureOfTheWindow()
{
    QTemporaryDir dir;
    MainWindow w;
    w.resize(1200, 800);
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    const QString path = dir.filePath(QStringLiteral("window.png"));
    QString error;
    QVERIFY2(w.saveScreenshot(path, &error), qPrintable(error));
    const QImage image(path);
    QCOMPARE(image.size(), w.size() * w.devicePixelRatio());
}

void TestMainWindow::resultsFromBeforeAnEditAreMarkedStale()
{
    MainWindow w;
    w.setClock(ClockKind::Virtual, false);
    QVERIFY(w.timeline()->model().groups().isEmpty());
    QVERIFY(w.timeline()->notice().isEmpty());
    QSignalSpy finished(&w, &MainWindow::runsFinished);
    w.run(true);
    QVERIFY(finished.wait(20000));
    QVERIFY(w.timeline()->notice().isEmpty());
    // An edit after the run: the picture no longer shows this scenario, and says so.
    TaskTableModel *model = w.editor()->model();
    QVERIFY(model->setData(model->index(0, TaskTableModel::Duration), 2500, Qt::EditRole));
    QVERIFY(w.timeline()->notice().contains(QStringLiteral("changed since this run")));
    // Until the next run.
    w.run(true);
    QVERIFY(w.timeline()->notice().isEmpty());
    QVERIFY(finished.wait(20000));
    QVERIFY(w.timeline()->notice().isEmpty());
}

void TestMainWindow::presentationModeShowsTheLessonAndEscLeaves()
{
    MainWindow w;
    w.setClock(ClockKind::Virtual, false);
    w.resize(1280, 720);
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    QVERIFY(w.openFile(QStringLiteral(CONCVIZ_SOURCE_DIR "/resources/scenarios/semaphore.json")));
    auto *editorDock = w.findChild<QDockWidget *>(QStringLiteral("ScenarioDock"));
    QVERIFY(editorDock && editorDock->isVisible());
    QTest::keyClick(w.timeline(), Qt::Key_P);
    QVERIFY(w.isPresenting());
    QVERIFY(!editorDock->isVisible());
    QVERIFY(!w.menuBar()->isVisible());
    QVERIFY(w.lessonBar()->isVisible());
    QVERIFY(w.lessonBar()->text().contains(QStringLiteral("waves of three")));
    // A run shows its headline in the room's words.
    QSignalSpy finished(&w, &MainWindow::runsFinished);
    QTest::keyClick(w.timeline(), Qt::Key_F5);
    QVERIFY(finished.wait(20000));
    QVERIFY2(w.lessonBar()->text().contains(QStringLiteral("sequential 10.000 s, semaphore:3 4.000 s (2.50× faster), gather 1.000 s (10.00× faster)")),
             qPrintable(w.lessonBar()->text()));
    // C puts the asyncio code in the timeline's place, large, and back.
    QTest::keyClick(w.timeline(), Qt::Key_C);
    QVERIFY(w.isPresentingCode());
    auto *presented = w.findChild<CodePanel *>(QStringLiteral("presentedCode"));
    QVERIFY(presented && presented->isVisible() && !w.timeline()->isVisible());
    QVERIFY(presented->code().contains(QStringLiteral("asyncio.Semaphore(3)")));
    QTest::keyClick(presented, Qt::Key_C);
    QVERIFY(!w.isPresentingCode());
    QVERIFY(w.timeline()->isVisible());
    QTest::keyClick(w.timeline(), Qt::Key_C);
    QTest::keyClick(presented, Qt::Key_Escape);
    QVERIFY(!w.isPresenting());
    QVERIFY(w.timeline()->isVisible() && !presented->isVisible());
    QVERIFY(editorDock->isVisible());
    QVERIFY(w.menuBar()->isVisible());
    QVERIFY(!w.lessonBar()->isVisible());
}

void TestMainWindow::ctrlFFiltersTheLanes()
{
    MainWindow w;
    w.setClock(ClockKind::Virtual, false);
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    QVERIFY(w.openFile(QStringLiteral(CONCVIZ_SOURCE_DIR "/resources/scenarios/gather_failure.json")));
    QSignalSpy finished(&w, &MainWindow::runsFinished);
    w.run(true);
    QVERIFY(finished.wait(20000));
    const int all = w.timeline()->shownLanes();
    QTest::keyClick(&w, Qt::Key_F, Qt::ControlModifier);
    QVERIFY(w.findBar()->isVisible());
    QTest::keyClicks(w.findBar()->field(), QStringLiteral("failed"));
    const int failed = w.timeline()->shownLanes();
    QVERIFY2(failed > 0 && failed < all, qPrintable(QStringLiteral("%1 of %2").arg(failed).arg(all)));
    for (const GanttModel::Group &g : w.timeline()->model().groups())
        for (const GanttModel::Lane &lane : g.lanes)
            QCOMPARE(lane.outcome, Outcome::Failed);
    QVERIFY(w.findBar()->findChild<QLabel *>() != nullptr);
    QTest::keyClick(w.findBar(), Qt::Key_Escape);
    QVERIFY(!w.findBar()->isVisible());
    QCOMPARE(w.timeline()->shownLanes(), all);
}

void TestMainWindow::theCodePanelShowsTheAsyncioCodeAsTheScenarioChanges()
{
    MainWindow w;
    w.resize(1280, 720);
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    QVERIFY(w.openFile(QStringLiteral(CONCVIZ_SOURCE_DIR "/resources/scenarios/semaphore.json")));
    auto *dock = w.findChild<QDockWidget *>(QStringLiteral("CodeDock"));
    auto *code = w.findChild<CodePanel *>();
    QVERIFY(dock && code);
    // Behind the editor, one tab away, until asked for.
    QVERIFY(w.tabifiedDockWidgets(dock).contains(w.findChild<QDockWidget *>(QStringLiteral("ScenarioDock"))));
    w.showCode();
    QVERIFY(dock->isVisible());
    QVERIFY2(code->code().contains(QStringLiteral("asyncio.Semaphore(3)")), qPrintable(code->code()));
    QVERIFY(code->code().contains(QStringLiteral("async def request():\n    await asyncio.sleep(1.0)")));
    // An edit of the strategy rewrites it, and undo brings the old code back.
    Scenario s = w.document()->scenario();
    s.strategy = strategy(QStringLiteral("gather"));
    w.document()->edit(s, QStringLiteral("Change strategy"));
    QVERIFY(!code->code().contains(QStringLiteral("Semaphore")));
    QVERIFY2(code->code().contains(QStringLiteral("asyncio.gather(")), qPrintable(code->code()));
    w.document()->undoStack()->undo();
    QVERIFY(code->code().contains(QStringLiteral("asyncio.Semaphore(3)")));
    // Copy gives the whole program, ready for python3.
    code->copy();
    const QString copied = QGuiApplication::clipboard()->text();
    QVERIFY(copied.startsWith(QStringLiteral("#!/usr/bin/env python3")));
    QVERIFY(copied.contains(QStringLiteral("asyncio.Semaphore(3)")));
    QVERIFY(copied.contains(QStringLiteral("async def run_task(")));  // the bookkeeping the panel leaves out
    QVERIFY(copied.contains(QStringLiteral("if __name__ == \"__main__\":")));
    // A thousand tasks of their own, as a trace read back gives: the panel shows the first fifty
    // and says how many more the whole program has, which still has every one.
    s = w.document()->scenario();
    s.tasks.clear();
    for (int i = 0; i < 1000; ++i) {
        TaskSpec t;
        t.name = QStringLiteral("T%1").arg(i);
        t.fields.insert(QStringLiteral("duration_ms"), 100 + i);
        s.tasks.append(t);
    }
    w.document()->edit(s, QStringLiteral("A thousand tasks"));
    QCOMPARE(code->code().count(QStringLiteral("async def t")), PythonProgram::essentialTasks);
    QVERIFY2(code->code().contains(QStringLiteral("# ... and 950 more tasks")), qPrintable(code->code().right(2000)));
    QVERIFY(code->code().contains(QStringLiteral("asyncio.Semaphore(3)")));
    code->copy();
    QCOMPARE(QGuiApplication::clipboard()->text().count(QStringLiteral("await asyncio.sleep(1.099)")), 1); // T999's
}

void TestMainWindow::aPredictionIsDrawnBesideTheTruth()
{
    // The dialog: the slider and the typed seconds stay in step.
    PredictDialog dialog({strategy(QStringLiteral("sequential")), strategy(QStringLiteral("gather"))}, 10000);
    auto *slider = dialog.findChildren<QSlider *>().value(1);
    QVERIFY(slider);
    slider->setValue(250); // a quarter of the way along 10 s
    QCOMPARE(dialog.guessesMs(), (QList<double>{0, 2500}));
    dialog.setGuessMs(0, 4000);
    QCOMPARE(dialog.findChildren<QSlider *>().value(0)->value(), 400);

    MainWindow w;
    w.setClock(ClockKind::Virtual, false);
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    QVERIFY(w.openFile(QStringLiteral(CONCVIZ_SOURCE_DIR "/resources/scenarios/semaphore.json")));
    QSignalSpy finished(&w, &MainWindow::runsFinished);
    w.runWithGuesses({6000, 3000, 2500});
    QVERIFY(finished.wait(20000));
    const QList<GanttModel::Group> &groups = w.timeline()->model().groups();
    QCOMPARE(groups.size(), 3);
    QCOMPARE(groups[0].guess, fromMs(6000));
    QCOMPARE(groups[2].guess, fromMs(2500));
    QVERIFY2(w.statisticsText().contains(QStringLiteral("gather guessed 2.500 s, took 1.000 s")), qPrintable(w.statisticsText()));
    // The guess is drawn: its colour is on the timeline where the gather run's lanes are.
    const QImage picture = w.timeline()->grab().toImage();
    const QColor guess = w.timeline()->theme().guess;
    int dots = 0;
    for (int y = 0; y < picture.height(); ++y)
        for (int x = 0; x < picture.width(); ++x)
        {
            const QColor c = picture.pixelColor(x, y);
            dots += std::abs(c.red() - guess.red()) + std::abs(c.green() - guess.green()) + std::abs(c.blue() - guess.blue()) < 30;
        }
    QVERIFY2(dots > 20, qPrintable(QString::number(dots)));
    // The finish order, guessed for the scenario's own strategy and marked after its lanes.
    QVERIFY(w.openFile(QStringLiteral(CONCVIZ_SOURCE_DIR "/resources/scenarios/cooking.json")));
    PredictDialog ordering({strategy(QStringLiteral("sequential")), strategy(QStringLiteral("gather"))}, 20000);
    QVERIFY(ordering.finishOrder().isEmpty()); // not offered
    ordering.offerFinishOrder(QStringLiteral("gather"), {QStringLiteral("Noodles"), QStringLiteral("Rice"), QStringLiteral("Curry")});
    QVERIFY(ordering.finishOrder().isEmpty()); // offered, left off
    ordering.setFinishOrder({});
    // Down moves the chosen task one place later, as dragging it would.
    for (QPushButton *b : ordering.findChildren<QPushButton *>())
        if (b->text() == QStringLiteral("Do&wn"))
            b->click();
    QCOMPARE(ordering.finishOrder(), (QStringList{QStringLiteral("Rice"), QStringLiteral("Noodles"), QStringLiteral("Curry")}));
    ordering.setFinishOrder({QStringLiteral("Rice")});
    QCOMPARE(ordering.finishOrder(), (QStringList{QStringLiteral("Rice"), QStringLiteral("Noodles"), QStringLiteral("Curry")}));
    w.runWithGuesses({16000, 6000}, ordering.finishOrder());
    QVERIFY(finished.wait(20000));
    QVERIFY2(w.statisticsText().contains(QStringLiteral("Finish order under gather: 1 of 3 in their place; first to finish: Noodles (you said Rice)")),
             qPrintable(w.statisticsText()));
    const GanttModel::Group &gather = w.timeline()->model().groups()[1];
    QCOMPARE(gather.lanes[0].place, 1);
    QCOMPARE(gather.lanes[0].guessedPlace, 2);
    QVERIFY(gather.lanes[2].placeGuessedRight); // Curry last, as guessed
    QCOMPARE(w.timeline()->model().groups()[0].lanes[0].guessedPlace, 0); // the other run has no order guessed
    // A plain run after it has no guesses left.
    w.run(true);
    QVERIFY(finished.wait(20000));
    QCOMPARE(w.timeline()->model().groups()[0].guess, -1);
    QVERIFY(!w.statisticsText().contains(QStringLiteral("guessed")));
    QVERIFY(!w.statisticsText().contains(QStringLiteral("Finish order")));
    QCOMPARE(w.timeline()->model().groups()[1].lanes[0].guessedPlace, 0);
}

void TestMainWindow::closingWhilePresentingKeepsTheDocksForNextTime()
{
    {
        MainWindow w;
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        w.setPresenting(true);
        QVERIFY(!w.findChild<QDockWidget *>(QStringLiteral("ScenarioDock"))->isVisible());
        QVERIFY(w.close());
    }
    MainWindow next;
    next.show();
    QVERIFY(QTest::qWaitForWindowExposed(&next));
    QVERIFY(!next.isPresenting());
    QVERIFY(next.findChild<QDockWidget *>(QStringLiteral("ScenarioDock"))->isVisible());
    QVERIFY(next.findChild<QDockWidget *>(QStringLiteral("ResultsDock"))->isVisible());
}

void TestMainWindow::everyDockCanBeShownAgainFromTheViewMenu()
{
    MainWindow w;
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    QMenu *view = nullptr;
    for (QAction *a : w.menuBar()->actions())
        if (a->text() == QStringLiteral("&View"))
            view = a->menu();
    QVERIFY(view);
    for (QDockWidget *dock : w.findChildren<QDockWidget *>()) {
        dock->close();
        QVERIFY(!dock->isVisible());
        QVERIFY(view->actions().contains(dock->toggleViewAction()));
        dock->toggleViewAction()->trigger();
        QVERIFY(dock->isVisible());
        dock->close();
    }
    w.resetLayout();
    for (QDockWidget *dock : w.findChildren<QDockWidget *>())
        QVERIFY(dock->isVisible());
}

void TestMainWindow::theShortcutListNamesEveryKey()
{
    // The overlay (? or F1) and the README list the same keys.
    QFile readme(QStringLiteral(CONCVIZ_SOURCE_DIR "/README.md"));
    QVERIFY(readme.open(QIODevice::ReadOnly));
    const QString text = QString::fromUtf8(readme.readAll());
    const ShortcutsDialog dialog;
    for (const auto &[group, shortcuts] : Shortcuts::groups()) {
        for (const Shortcut &s : shortcuts) {
            QVERIFY2(dialog.text().contains(s.keys.toHtmlEscaped()), qPrintable(s.keys));
            QVERIFY2(text.contains(QStringLiteral("| %1 | %2 |").arg(s.keys, s.what)), qPrintable(s.keys));
        }
    }
}

void TestMainWindow::theTimelinesKeysComeBeforeTheWindows()
{
    // Ctrl+Shift+Z is the editor's redo, but on the timeline it goes back to the view before.
    MainWindow w;
    w.setClock(ClockKind::Virtual, false);
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    QSignalSpy finished(&w, &MainWindow::runsFinished);
    w.run(true);
    QVERIFY(finished.wait(20000));
    TaskTableModel *model = w.editor()->model();
    QVERIFY(model->setData(model->index(0, TaskTableModel::Name), QStringLiteral("Alpha"), Qt::EditRole));
    w.document()->undoStack()->undo(); // something to redo
    QVERIFY(w.document()->undoStack()->canRedo());
    w.timeline()->setFocus();
    const Micros fittedEnd = w.timeline()->viewport()->end();
    QTest::keyClick(w.timeline(), Qt::Key_W);
    QVERIFY(w.timeline()->viewport()->end() < fittedEnd);
    QTest::keyClick(w.timeline(), Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
    QCOMPARE(w.timeline()->viewport()->end(), fittedEnd);
    QVERIFY(w.document()->undoStack()->canRedo()); // the edit was not redone
}

void TestMainWindow::chartsCoverEveryRunAndTabsDoNotMoveTheDock()
{
    MainWindow w;
    w.setClock(ClockKind::Virtual, false);
    w.setThemeKind(Theme::Kind::Projector, false);
    w.resize(1280, 720);
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    QVERIFY(w.openFile(QStringLiteral(CONCVIZ_SOURCE_DIR "/resources/scenarios/semaphore.json")));
    QSignalSpy finished(&w, &MainWindow::runsFinished);
    w.run(true);
    QVERIFY(finished.wait(20000));
    auto *waits = w.findChild<DistributionChart *>();
    QVERIFY(waits);
    QCOMPARE(waits->runsShown(), 3); // every run compared, not the last only
    auto *dock = w.findChild<QDockWidget *>(QStringLiteral("ResultsDock"));
    const int height = dock->height();
    for (const QString &tab : {QStringLiteral("insights"), QStringLiteral("makespan"), QStringLiteral("concurrency"), QStringLiteral("waits"),
                               QStringLiteral("log"), QStringLiteral("statistics")}) {
        QVERIFY(w.showResults(tab));
        QTest::qWait(20);
        QCOMPARE(dock->height(), height);
    }
    // A chart keeps room for its plot under the projector's large text; the tab scrolls instead.
    QVERIFY(waits->height() >= QFontMetrics(w.timeline()->theme().font).height() * 13);
    QVERIFY(!w.showResults(QStringLiteral("pie")));
    // Each run says what held it up: the semaphore's waits, and the strategy's name above them.
    auto *insights = w.findChild<InsightsPanel *>();
    QVERIFY(insights);
    QVERIFY2(insights->text().contains(QStringLiteral("that limit set the pace (3 at once)")), qPrintable(insights->text()));
    QVERIFY(insights->text().contains(QStringLiteral("<b>semaphore:3</b>")));
}

void TestMainWindow::theEditorShowsALongStrategyWholeOnAProjector()
{
    MainWindow w;
    w.setThemeKind(Theme::Kind::Projector, false);
    w.resize(1280, 720);
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    QVERIFY(w.openFile(QStringLiteral(CONCVIZ_SOURCE_DIR "/resources/scenarios/batches.json")));
    QTest::qWait(20);
    auto *strategy = w.editor()->findChild<QComboBox *>();
    QVERIFY(strategy);
    QCOMPARE(strategy->currentText(), QStringLiteral("batches:50,concurrency=10,pause=100"));
    // The labels go above the fields when beside them the fields would be too narrow.
    const int needed = strategy->fontMetrics().horizontalAdvance(strategy->currentText());
    QVERIFY2(strategy->lineEdit()->width() >= needed, qPrintable(QStringLiteral("%1 < %2").arg(strategy->lineEdit()->width()).arg(needed)));
}

void TestMainWindow::theEditorShowsTheCountWholeBesideALongUrl()
{
    // Nearly a million of a task on a projector's 720p: the count shows whole, not "99900" cut off at the
    // table's edge by the URL before it.
    MainWindow w;
    w.setThemeKind(Theme::Kind::Projector, false);
    w.resize(1280, 720);
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    QVERIFY(w.openFile(QStringLiteral(CONCVIZ_SOURCE_DIR "/resources/scenarios/fetch_multiple.json")));
    QAbstractItemModel *model = w.editor()->model();
    QVERIFY(model->setData(model->index(0, TaskTableModel::Count), 999000, Qt::EditRole));
    QTest::qWait(20);
    QTableView *table = w.editor()->table();
    const QRect count = table->visualRect(model->index(0, TaskTableModel::Count));
    const int needed = table->fontMetrics().horizontalAdvance(QStringLiteral("999000"));
    QVERIFY2(count.width() >= needed, qPrintable(QStringLiteral("%1 < %2").arg(count.width()).arg(needed)));
    QVERIFY2(count.left() >= 0 && count.right() < table->viewport()->width(),
             qPrintable(QStringLiteral("%1..%2 in %3").arg(count.left()).arg(count.right()).arg(table->viewport()->width())));
}

void TestMainWindow::theWindowFitsTheScreenInEveryTheme_data()
{
    QTest::addColumn<QSize>("screen");
    QTest::addColumn<int>("theme");
    for (const QSize size : {QSize(1280, 720), QSize(1920, 1080)}) {
        for (Theme::Kind kind : {Theme::Kind::System, Theme::Kind::Light, Theme::Kind::Dark, Theme::Kind::Projector}) {
            const QString row = QStringLiteral("%1x%2 %3").arg(size.width()).arg(size.height()).arg(Theme::kindName(kind));
            QTest::newRow(qPrintable(row)) << size << static_cast<int>(kind);
        }
    }
}

void TestMainWindow::theWindowFitsTheScreenInEveryTheme()
{
    // A projector's screen, full: the window is no taller than it, and after a two-strategy
    // comparison the whole table of statistics shows without scrolling.
    QFETCH(QSize, screen);
    QFETCH(int, theme);
    MainWindow w;
    w.setQuietErrors(true);
    w.setClock(ClockKind::Virtual, false);
    w.setThemeKind(static_cast<Theme::Kind>(theme), false);
    w.resize(screen);
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    QVERIFY2(w.minimumSizeHint().height() <= screen.height(), QByteArray::number(w.minimumSizeHint().height()));
    QVERIFY2(w.minimumSizeHint().width() <= screen.width(), QByteArray::number(w.minimumSizeHint().width()));
    QCOMPARE(w.size(), screen);
    QVERIFY(w.openFile(QStringLiteral(CONCVIZ_SOURCE_DIR "/resources/scenarios/async_demo.json")));
    QCOMPARE(w.document()->scenario().compareOrDefault().size(), 2);
    QSignalSpy finished(&w, &MainWindow::runsFinished);
    w.run(true);
    QVERIFY(finished.wait(20000));
    QTest::qWait(50); // the docks take their new sizes
    auto *statistics = w.findChild<QScrollArea *>(QStringLiteral("statisticsScroll"));
    QVERIFY(statistics);
    const QRect inWindow(statistics->mapTo(&w, QPoint(0, 0)), statistics->size());
    QVERIFY2(w.rect().contains(inWindow), qPrintable(QStringLiteral("%1,%2 %3x%4").arg(inWindow.x()).arg(inWindow.y()).arg(inWindow.width()).arg(inWindow.height())));
    QVERIFY2(!statistics->verticalScrollBar()->isVisible() || statistics->verticalScrollBar()->maximum() == 0,
             qPrintable(QStringLiteral("the statistics scroll by %1 px").arg(statistics->verticalScrollBar()->maximum())));
}

void TestMainWindow::playbackStepsThroughARunAndBack()
{
    MainWindow w;
    w.setClock(ClockKind::Virtual, false);
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    QVERIFY(w.openFile(QStringLiteral(CONCVIZ_SOURCE_DIR "/resources/scenarios/semaphore.json")));
    QVERIFY(!w.startPlayback()); // nothing to play back yet
    QVERIFY2(w.statusBar()->currentMessage().contains(QStringLiteral("Run the scenario first")), qPrintable(w.statusBar()->currentMessage()));
    QSignalSpy finished(&w, &MainWindow::runsFinished);
    w.run(true);
    QVERIFY(finished.wait(20000));
    const QImage before = w.timeline()->grab().toImage();

    QVERIFY(w.startPlayback());
    QVERIFY(w.playbackBar()->isVisible());
    QCOMPARE(w.timeline()->playhead(), 0);
    // At the start the future is all greyed.
    QVERIFY(w.timeline()->grab().toImage() != before);
    w.timeline()->setFocus();
    QTest::keyClick(w.timeline(), Qt::Key_Right);
    QCOMPARE(w.playbackBar()->position(), fromMs(1000));
    QCOMPARE(w.timeline()->playhead(), fromMs(1000));
    QVERIFY2(w.statusBar()->currentMessage().contains(QStringLiteral("request#1 done in 1.000 s")), qPrintable(w.statusBar()->currentMessage()));
    const QString state = w.statePanel()->text();
    QVERIFY2(state.contains(QStringLiteral("Semaphore: 3 of 3 permits in use:</b> request#4 · request#5 · request#6")), qPrintable(state));
    QVERIFY2(state.contains(QStringLiteral("Done (3 of 10)")), qPrintable(state));
    // The code marks where the caller is: awaiting the gather of the limited tasks.
    const int line = w.codePanel()->callerLine();
    QVERIFY(line >= 0);
    QVERIFY2(w.codePanel()->code().split(u'\n').at(line).contains(QStringLiteral("await asyncio.gather(")), qPrintable(w.codePanel()->code()));
    QTest::keyClick(w.timeline(), Qt::Key_Right);
    QCOMPARE(w.playbackBar()->position(), fromMs(2000));
    QTest::keyClick(w.timeline(), Qt::Key_Left);
    QTest::keyClick(w.timeline(), Qt::Key_Left);
    QCOMPARE(w.playbackBar()->position(), 0);
    // In the editor the arrows stay the editor's.
    w.editor()->setFocus();
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Right);
    QCOMPARE(w.playbackBar()->position(), 0);
    // Playing moves on by itself, and stops at the end.
    w.playbackBar()->setSpeed(10);
    w.playbackBar()->play();
    QTRY_VERIFY_WITH_TIMEOUT(w.playbackBar()->position() > fromMs(1000), 5000);
    QTRY_VERIFY_WITH_TIMEOUT(!w.playbackBar()->isPlaying(), 10000);
    QCOMPARE(w.playbackBar()->position(), fromMs(10000));
    QVERIFY(w.statePanel()->text().contains(QStringLiteral("closed: the run is over")));

    // Presenting, then not: Esc still leaves playback.
    w.setPresenting(true);
    w.setPresenting(false);
    QVERIFY(w.isPlayingBack());
    w.timeline()->setFocus();
    QTest::keyClick(w.timeline(), Qt::Key_Escape);
    QVERIFY(!w.isPlayingBack());
    QVERIFY(!w.playbackBar()->isVisible());
    QCOMPARE(w.timeline()->playhead(), -1);
    QCOMPARE(w.codePanel()->callerLine(), -1);
}

void TestMainWindow::aLargeFileIsReadWhileTheWindowGoesOn()
{
    // 30,000 tasks of a run, 7 MB of trace: read on another thread while the window goes on.
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("big.json"));
    const Scenario many = scenarioFrom(R"({"concviz": 1, "name": "many", "tasks": [
        {"name": "fetch", "kind": "sleep", "duration_ms": 100, "count": 30000}]})");
    QByteArray json = JsonExporter::toJson(runOn(ClockKind::Virtual, many, QStringLiteral("semaphore:100")));
    QVERIFY(json.size() > (1 << 20));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(json);
    file.close();

    MainWindow w;
    w.setQuietErrors(true);
    w.setClock(ClockKind::Virtual, false);
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    const QString before = w.document()->scenario().name;
    QSignalSpy opened(&w, &MainWindow::fileOpened);
    QVERIFY(w.openFile(path));
    QVERIFY(w.isOpening());
    QCOMPARE(w.document()->scenario().name, before); // on screen, and working, until it is read
    QVERIFY2(w.statusBar()->currentMessage().startsWith(QStringLiteral("Reading big.json")), qPrintable(w.statusBar()->currentMessage()));
    QVERIFY2(w.timeline()->notice().startsWith(QStringLiteral("Reading big.json")), qPrintable(w.timeline()->notice())); // where a class looks
    QVERIFY(opened.wait(60000));
    QCOMPARE(opened.first().first().toBool(), true);
    QVERIFY(!w.isOpening());
    QVERIFY(w.isShowingTrace());
    QCOMPARE(w.document()->scenario().taskCount(), 30000);
    QCOMPARE(w.timeline()->totalLanes(), 30000);
    QCOMPARE(w.timeline()->model().groups().first().makespan, fromMs(30000));
    QVERIFY2(w.statusBar()->currentMessage().startsWith(QStringLiteral("Opened the trace big.json")), qPrintable(w.statusBar()->currentMessage()));
    QVERIFY(w.statisticsText().contains(QStringLiteral("semaphore:100")));

    // Broken near its end: refused with the place, and the trace on screen stays.
    const qsizetype last = json.lastIndexOf("\"state\": \"ok\"");
    QVERIFY(last > 0);
    json.replace(last, 13, "\"state\": \"no\"");
    const QString broken = dir.filePath(QStringLiteral("broken.json"));
    QFile bad(broken);
    QVERIFY(bad.open(QIODevice::WriteOnly));
    bad.write(json);
    bad.close();
    opened.clear();
    QVERIFY(w.openFile(broken));
    QVERIFY(opened.wait(60000));
    QCOMPARE(opened.first().first().toBool(), false);
    QVERIFY2(w.lastError().contains(QStringLiteral("broken.json: tasks[29999].attempt_spans[0].state: must be pending, ok")), qPrintable(w.lastError()));
    QVERIFY(w.isShowingTrace());
    QCOMPARE(w.document()->scenario().taskCount(), 30000);

    // Esc while it is read stops the reading, and the notice above the timeline is the trace's
    // again; a scenario opened while it is read is not replaced by the file.
    opened.clear();
    const QString notice = w.timeline()->notice();
    QVERIFY(notice.startsWith(QStringLiteral("A trace read from big.json")));
    QVERIFY(w.openFile(path));
    QVERIFY(w.isOpening());
    QTest::keyClick(&w, Qt::Key_Escape);
    QVERIFY(!w.isOpening());
    QCOMPARE(w.timeline()->notice(), notice);
    QCOMPARE(opened.size(), 1);
    QCOMPARE(opened.first().first().toBool(), false);
    QVERIFY(w.openFile(path));
    w.openScenario(builtinDemo(), QString());
    QTest::qWait(3000); // long enough for the file to have been read
    QCOMPARE(w.document()->scenario().name, builtinDemo().name);
    QVERIFY(!w.isShowingTrace());
}

void TestMainWindow::aBigRealRunIsDrawnAsItRuns()
{
    // 30,000 sleeps of two seconds on the real clock: too many to rebuild the timeline each frame,
    // so it is rebuilt on another thread, and the lanes show while the tasks run.
    MainWindow w;
    w.setClock(ClockKind::Real, false);
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    w.openScenario(scenarioFrom(R"({"concviz": 1, "name": "many", "tasks": [
        {"name": "t", "kind": "sleep", "duration_ms": 2000, "count": 30000}]})"),
                   QString());
    QSignalSpy finished(&w, &MainWindow::runsFinished);
    w.run(false);
    QTRY_COMPARE_WITH_TIMEOUT(w.timeline()->totalLanes(), 30000, 1800);
    QVERIFY(w.isRunning()); // drawn before the end
    QVERIFY(w.timeline()->notice().isEmpty());
    QVERIFY(finished.wait(30000));
    QTest::qWait(50);
    QCOMPARE(w.timeline()->totalLanes(), 30000);
    // The chart of what ran when: its line drawn from a few thousand points, not sixty thousand,
    // and as high as the most that ran at once.
    auto *chart = w.findChild<ConcurrencyChart *>();
    QVERIFY(chart);
    auto *line = qobject_cast<QLineSeries *>(chart->chart()->series().first());
    QVERIFY(line);
    QVERIFY2(line->count() <= 8001, QByteArray::number(line->count()));
    double highest = 0;
    for (const QPointF &p : line->points())
        highest = std::max(highest, p.y());
    QCOMPARE(static_cast<int>(highest), w.timeline()->model().groups().first().stats.maxConcurrency);
    QVERIFY(highest > 1000);
}

void TestMainWindow::aTraceFromAFileIsShownAndPlaysBack()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("run.json"));
    const Scenario semaphore = ScenarioReader::readFile(QStringLiteral(CONCVIZ_SOURCE_DIR "/resources/scenarios/semaphore.json")).scenario.value();
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(JsonExporter::toJson(runOn(ClockKind::Virtual, semaphore, QStringLiteral("semaphore:3"))));
    file.close();

    MainWindow w;
    w.setQuietErrors(true);
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    const QString scenarioBefore = w.document()->scenario().name;
    // Opened while a run goes: the run stops, and its end does not come back over the trace.
    w.setClock(ClockKind::Real, false);
    QSignalSpy finished(&w, &MainWindow::runsFinished);
    w.run(true);
    QVERIFY(w.isRunning());
    QVERIFY(w.openFile(path)); // a trace, found as one
    QVERIFY(finished.wait(10000));
    QVERIFY(w.isShowingTrace());
    // On the left, the trace's tasks, read-only: typing changes nothing.
    QVERIFY(w.document()->scenario().name != scenarioBefore);
    QCOMPARE(w.document()->scenario().name, QStringLiteral("A semaphore of 3, from a trace"));
    QCOMPARE(w.document()->scenario().tasks.size(), 1); // request#1..request#10: one task of count 10
    QCOMPARE(w.document()->scenario().taskCount(), 10);
    QCOMPARE(w.document()->scenario().tasks.first().millis(QStringLiteral("duration_ms")), 1000.0);
    QVERIFY(w.document()->isReadOnly());
    QVERIFY(!w.document()->isModified());
    auto *name = w.findChild<ScenarioEditor *>()->findChild<QLineEdit *>();
    QVERIFY(name->isReadOnly());
    // A choice stays as legible as a field, enabled, but does not move.
    auto *strategy = w.findChild<ScenarioEditor *>()->findChild<QComboBox *>();
    QVERIFY(strategy->isEnabled());
    const int chosen = strategy->currentIndex();
    QTest::keyClick(strategy, Qt::Key_Down);
    QCOMPARE(strategy->currentIndex(), chosen);
    Scenario typed = w.document()->scenario();
    typed.tasks.removeLast();
    w.document()->edit(typed, QStringLiteral("Delete tasks"));
    QCOMPARE(w.document()->scenario().taskCount(), 10);
    QCOMPARE(w.timeline()->model().groups().size(), 1);
    QCOMPARE(w.timeline()->model().groups().first().makespan, fromMs(4000));
    QVERIFY2(w.timeline()->notice().contains(QStringLiteral("A trace read from run.json")), qPrintable(w.timeline()->notice()));
    QVERIFY(w.statisticsText().contains(QStringLiteral("4.000 s")));
    QVERIFY(w.startPlayback());
    w.playbackBar()->setPosition(fromMs(1500));
    QVERIFY2(w.statePanel()->text().contains(QStringLiteral("Semaphore: 3 of 3 permits in use:</b> request#4 · request#5 · request#6")),
             qPrintable(w.statePanel()->text()));
    QCOMPARE(w.codePanel()->callerLine(), -1); // the code on the left is not the trace's
    // A broken trace: said with its place, and what was on screen stays.
    const QString broken = dir.filePath(QStringLiteral("broken.json"));
    QFile b(broken);
    QVERIFY(b.open(QIODevice::WriteOnly));
    b.write(R"({"strategy": "gather", "makespan_ms": 5, "tasks": [{"name": "A", "state": "sleeping", "start_ms": 0, "end_ms": 1}]})");
    b.close();
    QVERIFY(!w.openTrace(broken));
    QVERIFY2(w.lastError().contains(QStringLiteral("tasks[0].state: must be pending, ok, failed, timeout or cancelled")), qPrintable(w.lastError()));
    QCOMPARE(w.timeline()->model().groups().first().makespan, fromMs(4000));
    QVERIFY(w.document()->isReadOnly());
    // Made a scenario, the same work runs under the strategies it is compared with: all at once, 1 s.
    w.editTraceAsScenario();
    QVERIFY(!w.document()->isReadOnly());
    QVERIFY(w.document()->isModified()); // in no file yet
    QVERIFY(!name->isReadOnly());
    QVERIFY2(w.timeline()->notice().contains(QStringLiteral("now a scenario")), qPrintable(w.timeline()->notice()));
    w.setClock(ClockKind::Virtual, false);
    w.run(true);
    QVERIFY(finished.wait(10000));
    QVERIFY(!w.isShowingTrace());
    QCOMPARE(w.timeline()->model().groups().size(), 3);
    QCOMPARE(w.timeline()->model().groups().at(1).strategy, QStringLiteral("gather"));
    QCOMPARE(w.timeline()->model().groups().at(1).makespan, fromMs(1000));
    // Opening a scenario puts the trace away: there is nothing left to play back.
    QVERIFY(w.openFile(QStringLiteral(CONCVIZ_SOURCE_DIR "/resources/scenarios/cooking.json")));
    QVERIFY(!w.isPlayingBack());
    QVERIFY(!w.startPlayback());
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
