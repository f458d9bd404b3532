// The window as a user meets it: open each example, run it, see one lane per task; a broken file
// changes nothing; a live run keeps the window responsive; edits mark the title.

#include "autosave.h"
#include "editor/scenarioeditor.h"
#include "eventlog.h"
#include "mainwindow.h"
#include "engine/comparison.h"
#include "scenario/examples.h"
#include "scenario/scenarioreader.h"
#include "testsupport.h"
#include "timeline/timelinewidget.h"

#include <QApplication>
#include <QImage>
#include <QItemSelectionModel>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
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
    void anEditMarksTheTitleAndUndoClearsIt();
    void clickingABarSelectsTheTaskInTheEditor();
    void theScreenshotIsThePictureOfTheWindow();
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
    // Each test starts as a clean start would: no unsaved work left by the test before.
    Autosave::discard();
}

void TestMainWindow::opensOnTheDemo()
{
    MainWindow w;
    QCOMPARE(w.document()->scenario().name, QStringLiteral("Async demo"));
    QVERIFY(w.windowTitle().contains(QStringLiteral("Async demo")));
    QVERIFY(w.statisticsText().contains(QStringLiteral("F5")));
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

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
