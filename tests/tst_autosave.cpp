// Autosave and recovery: unsaved work survives a kill -9 and is offered back at the next start.
// The window that gets killed is a real one in a child process: this program started again with
// --edit-and-wait, which edits the scenario, waits for the copy and then waits to be killed.

#include "autosave.h"
#include "editor/scenarioeditor.h"
#include "editor/tasktablemodel.h"
#include "mainwindow.h"
#include "scenario/scenarioreader.h"
#include "testsupport.h"

#include <QApplication>
#include <QFile>
#include <QProcess>
#include <QPushButton>
#include <QStandardPaths>
#include <QTemporaryDir>

#ifdef Q_OS_UNIX
#include <csignal>
#include <sys/types.h>
#endif

using namespace concviz;
using namespace concviz::test;

namespace {

void setUpApplication()
{
    QCoreApplication::setOrganizationName(QStringLiteral("ConcVizTests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_autosave"));
    // Nothing of the user's own data folder is touched: parent and child share a test folder.
    QStandardPaths::setTestModeEnabled(true);
}

// The child: a window that edits the demo's first task to 4321 ms and keeps it unsaved.
int editAndWait()
{
    MainWindow w;
    w.setQuietErrors(true);
    w.autosave()->setInterval(100);
    w.discardRecovered(); // whatever an earlier run left is not this test's business
    QAbstractItemModel *model = w.editor()->model();
    model->setData(model->index(0, TaskTableModel::Duration), QStringLiteral("4321"), Qt::EditRole);
    // Say when the copy is on disk; the parent kills the process after that.
    QTimer poll;
    QObject::connect(&poll, &QTimer::timeout, [] {
        if (QFile::exists(Autosave::filePath())) {
            std::printf("saved\n");
            std::fflush(stdout);
        }
    });
    poll.start(50);
    return QApplication::exec();
}

} // namespace

class TestAutosave : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void workKilledWithSigkillIsOfferedBack();
    void savingTheWorkRemovesTheCopy();
    void discardingLetsTheCopyGo();
};

void TestAutosave::init()
{
    Autosave::discard();
}

void TestAutosave::workKilledWithSigkillIsOfferedBack()
{
#ifdef Q_OS_UNIX
    QProcess child;
    child.start(QCoreApplication::applicationFilePath(), {QStringLiteral("--edit-and-wait")});
    QVERIFY(child.waitForStarted());
    QTRY_VERIFY_WITH_TIMEOUT((child.waitForReadyRead(100), child.readAllStandardOutput().contains("saved")), 20000);
    ::kill(static_cast<pid_t>(child.processId()), SIGKILL);
    QVERIFY(child.waitForFinished(5000));
    QCOMPARE(child.exitStatus(), QProcess::CrashExit);

    // The copy left behind is a whole, valid scenario file.
    QVERIFY(ScenarioReader::readFile(Autosave::filePath()).scenario);

    // The next start offers it; restoring brings back the edit, still unsaved.
    MainWindow w;
    w.setQuietErrors(true);
    QVERIFY(w.offersRecovery());
    QCOMPARE(w.document()->scenario().tasks[0].millis(QStringLiteral("duration_ms")), 1000.0);
    auto *restore = w.findChild<QPushButton *>(QStringLiteral("restoreRecovered"));
    QVERIFY(restore);
    restore->click();
    QVERIFY(!w.offersRecovery());
    QCOMPARE(w.document()->scenario().tasks[0].millis(QStringLiteral("duration_ms")), 4321.0);
    QCOMPARE(w.document()->scenario().name, QStringLiteral("Async demo"));
    QVERIFY(w.document()->isModified());
    QVERIFY(w.windowTitle().contains(QLatin1Char('*')));
#else
    QSKIP("killing another process is done here with POSIX signals");
#endif
}

void TestAutosave::savingTheWorkRemovesTheCopy()
{
    QTemporaryDir dir;
    MainWindow w;
    w.setQuietErrors(true);
    QVERIFY(!w.offersRecovery());
    w.autosave()->setInterval(50);
    QAbstractItemModel *model = w.editor()->model();
    QVERIFY(model->setData(model->index(1, TaskTableModel::Count), 3, Qt::EditRole));
    QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(Autosave::filePath()), 5000);
    const Scenario copy = *ScenarioReader::readFile(Autosave::filePath()).scenario;
    QCOMPARE(copy.tasks[1].count, 3);
    QString error;
    QVERIFY(w.document()->save(dir.filePath(QStringLiteral("saved.json")), &error));
    QVERIFY(!QFile::exists(Autosave::filePath()));
}

void TestAutosave::discardingLetsTheCopyGo()
{
    {
        MainWindow w;
        w.setQuietErrors(true);
        w.autosave()->setInterval(50);
        QAbstractItemModel *model = w.editor()->model();
        QVERIFY(model->setData(model->index(0, TaskTableModel::Name), QStringLiteral("renamed"), Qt::EditRole));
        QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(Autosave::filePath()), 5000);
        // Gone without closing, as a crash would: the window is destroyed, not closed.
    }
    MainWindow w;
    w.setQuietErrors(true);
    QVERIFY(w.offersRecovery());
    w.findChild<QPushButton *>(QStringLiteral("discardRecovered"))->click();
    QVERIFY(!w.offersRecovery());
    QVERIFY(!QFile::exists(Autosave::filePath()));
    QCOMPARE(w.document()->scenario().tasks[0].name, QStringLiteral("A"));
}

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    setUpApplication();
    if (argc > 1 && qstrcmp(argv[1], "--edit-and-wait") == 0)
        return editAndWait();
    TestAutosave test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_autosave.moc"
