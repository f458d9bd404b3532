// The scenario editor: the task table, refusing bad values with the file's reasons, undo and redo.

#include "editor/scenariodocument.h"
#include "editor/scenarioeditor.h"
#include "editor/tasktablemodel.h"
#include "scenario/examples.h"
#include "testsupport.h"

#include <QAbstractItemModelTester>
#include <QItemSelectionModel>
#include <QSignalSpy>
#include <QCheckBox>
#include <QComboBox>
#include <QSpinBox>
#include <QLineEdit>
#include <QTableView>

using namespace concviz;
using namespace concviz::test;

class TestEditor : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void theTableIsAWellBehavedModel();
    void anEditCanBeUndoneAndRedone();
    void aBadValueIsRefusedWithTheFilesReason_data();
    void aBadValueIsRefusedWithTheFilesReason();
    void anEditAppliesToEverySelectedRow();
    void addingDuplicatingAndDeletingAreUndoable();
    void aBadStrategyIsRefusedAndTheOldOneStays();
    void howCpuWorkRunsIsEditedAndUndone();
    void theCallersStepsAreTypedOnOneLine();
    void theDatabaseAndItsPoolAreEditedAndUndone();
    void anErrorEditedOverMixedKindsChangesTheTasksThatRaise();
    void aDbTasksQueryAndDriverAreEditedInTheTable();
};

void TestEditor::theTableIsAWellBehavedModel()
{
    ScenarioDocument doc;
    doc.reset(builtinDemo(), {});
    TaskTableModel model(&doc);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.data(model.index(1, TaskTableModel::Duration), Qt::DisplayRole).toString(), QStringLiteral("2000"));
    QVERIFY(model.setData(model.index(2, TaskTableModel::Count), 4, Qt::EditRole));
    Scenario bigger = doc.scenario();
    bigger.tasks.append(bigger.tasks.first());
    doc.edit(bigger, QStringLiteral("add"));
    QCOMPARE(model.rowCount(), 4);
    doc.undoStack()->undo();
    QCOMPARE(model.rowCount(), 3);
}

void TestEditor::anEditCanBeUndoneAndRedone()
{
    ScenarioDocument doc;
    doc.reset(builtinDemo(), {});
    TaskTableModel model(&doc);
    QSignalSpy modified(&doc, &ScenarioDocument::modifiedChanged);
    QVERIFY(!doc.isModified());
    QVERIFY(model.setData(model.index(0, TaskTableModel::Duration), QStringLiteral("250"), Qt::EditRole));
    QCOMPARE(doc.scenario().tasks[0].millis(QStringLiteral("duration_ms")), 250.0);
    QVERIFY(doc.isModified());
    QCOMPARE(doc.undoStack()->undoText(), QStringLiteral("Change Duration (ms) / URL"));
    doc.undoStack()->undo();
    QCOMPARE(doc.scenario().tasks[0].millis(QStringLiteral("duration_ms")), 1000.0);
    QVERIFY(!doc.isModified());
    doc.undoStack()->redo();
    QCOMPARE(doc.scenario().tasks[0].millis(QStringLiteral("duration_ms")), 250.0);
    QVERIFY(modified.count() >= 3);
    // Runs see the edit: the demo's gather now ends with B at 2 s still, sequential at 3.75 s.
    QCOMPARE(ms(runOn(ClockKind::Virtual, doc.scenario(), QStringLiteral("sequential")).makespan()), 3750.0);
}

void TestEditor::aBadValueIsRefusedWithTheFilesReason_data()
{
    QTest::addColumn<int>("column");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("reason");
    QTest::newRow("negative duration") << int(TaskTableModel::Duration) << "-5" << "tasks[0].duration_ms: must be a non-negative number";
    QTest::newRow("not a number") << int(TaskTableModel::Duration) << "soon" << "\"soon\" is not a number";
    QTest::newRow("a day and more") << int(TaskTableModel::Duration) << "90000000" << "tasks[0].duration_ms: 90000000 ms is more than 24 hours";
    QTest::newRow("zero count") << int(TaskTableModel::Count) << "0" << "tasks[0].count: must be a whole number from 1 to 1000000";
    QTest::newRow("unknown kind") << int(TaskTableModel::Kind) << "nap" << "unknown kind \"nap\"; known: sleep, fail, blocking, cpu, http, db";
    QTest::newRow("zero timeout") << int(TaskTableModel::Timeout) << "0" << "tasks[0].timeout_ms: must be a number above 0";
}

void TestEditor::aBadValueIsRefusedWithTheFilesReason()
{
    QFETCH(int, column);
    QFETCH(QString, value);
    QFETCH(QString, reason);
    ScenarioDocument doc;
    doc.reset(builtinDemo(), {});
    const Scenario before = doc.scenario();
    TaskTableModel model(&doc);
    QSignalSpy refused(&model, &TaskTableModel::editRefused);
    QVERIFY(!model.setData(model.index(0, column), value, Qt::EditRole));
    QCOMPARE(refused.count(), 1);
    QCOMPARE(refused.first().first().toString(), reason);
    QCOMPARE(doc.scenario(), before);
    QCOMPARE(doc.undoStack()->count(), 0);
}

void TestEditor::anEditAppliesToEverySelectedRow()
{
    ScenarioDocument doc;
    doc.reset(builtinDemo(), {});
    ScenarioEditor editor(&doc);
    editor.table()->selectionModel()->select(editor.model()->index(0, 0), QItemSelectionModel::Select | QItemSelectionModel::Rows);
    editor.table()->selectionModel()->select(editor.model()->index(2, 0), QItemSelectionModel::Select | QItemSelectionModel::Rows);
    QVERIFY(editor.model()->setData(editor.model()->index(2, TaskTableModel::Duration), QStringLiteral("300"), Qt::EditRole));
    QCOMPARE(doc.scenario().tasks[0].millis(QStringLiteral("duration_ms")), 300.0);
    QCOMPARE(doc.scenario().tasks[1].millis(QStringLiteral("duration_ms")), 2000.0);
    QCOMPARE(doc.scenario().tasks[2].millis(QStringLiteral("duration_ms")), 300.0);
    QCOMPARE(doc.undoStack()->count(), 1); // one step for the whole selection
    doc.undoStack()->undo();
    QCOMPARE(doc.scenario(), builtinDemo());
}

void TestEditor::addingDuplicatingAndDeletingAreUndoable()
{
    ScenarioDocument doc;
    doc.reset(builtinDemo(), {});
    ScenarioEditor editor(&doc);
    editor.addTask();
    QCOMPARE(doc.scenario().tasks.size(), 4);
    editor.duplicateTasks(); // the new task is selected
    QCOMPARE(doc.scenario().tasks.size(), 5);
    QCOMPARE(doc.scenario().tasks[4].name, QStringLiteral("T4 copy"));
    editor.table()->selectRow(0);
    editor.deleteTasks();
    QCOMPARE(doc.scenario().tasks.first().name, QStringLiteral("B"));
    while (doc.undoStack()->canUndo())
        doc.undoStack()->undo();
    QCOMPARE(doc.scenario(), builtinDemo());
}

void TestEditor::aBadStrategyIsRefusedAndTheOldOneStays()
{
    ScenarioDocument doc;
    doc.reset(builtinDemo(), {});
    ScenarioEditor editor(&doc);
    auto *strategy = editor.findChild<QComboBox *>();
    QVERIFY(strategy);
    strategy->setEditText(QStringLiteral("semaphore:0"));
    Q_EMIT strategy->lineEdit()->editingFinished(); // the user presses Enter
    QVERIFY2(editor.lastMessage().contains(QStringLiteral("permits must be a whole number")), qPrintable(editor.lastMessage()));
    QCOMPARE(doc.scenario().strategy.toString(), QStringLiteral("gather"));
}

void TestEditor::howCpuWorkRunsIsEditedAndUndone()
{
    ScenarioDocument doc;
    doc.reset(builtinDemo(), {});
    ScenarioEditor editor(&doc);
    auto *executor = editor.findChild<QComboBox *>(QStringLiteral("executor"));
    auto *gil = editor.findChild<QCheckBox *>(QStringLiteral("gil"));
    auto *cores = editor.findChild<QSpinBox *>(QStringLiteral("cores"));
    QVERIFY(executor && gil && cores);
    QVERIFY(gil->isChecked());
    QVERIFY(cores->text().startsWith(QStringLiteral("this machine's"))); // none in the file
    executor->setCurrentText(QStringLiteral("process"));
    Q_EMIT executor->activated(executor->currentIndex());
    QCOMPARE(doc.scenario().executor, ExecutorKind::Process);
    gil->setChecked(false);
    QCOMPARE(doc.scenario().gil, false);
    cores->setValue(2);
    Q_EMIT cores->editingFinished();
    QCOMPARE(doc.scenario().cores, std::optional<int>(2));
    doc.undoStack()->undo();
    QCOMPARE(doc.scenario().cores, std::optional<int>());
    QVERIFY(cores->text().startsWith(QStringLiteral("this machine's")));
    doc.undoStack()->undo();
    doc.undoStack()->undo();
    QCOMPARE(doc.scenario().executor, ExecutorKind::Thread);
    QVERIFY(gil->isChecked());
}

void TestEditor::theCallersStepsAreTypedOnOneLine()
{
    ScenarioDocument doc;
    Scenario gatherOnly = builtinDemo();
    gatherOnly.compare = {gatherOnly.strategy}; // one by one cannot run the caller's steps
    doc.reset(gatherOnly, {});
    ScenarioEditor editor(&doc);
    auto *caller = editor.findChild<QLineEdit *>(QStringLiteral("caller"));
    QVERIFY(caller);
    caller->setText(QStringLiteral("prepare: blocking 300; sleep 500"));
    Q_EMIT caller->editingFinished();
    QCOMPARE(doc.scenario().caller.size(), 2);
    QCOMPARE(doc.scenario().caller[0].name, QStringLiteral("prepare"));
    QCOMPARE(doc.scenario().caller[0].kind, CallerStepKind::Blocking);
    QCOMPARE(doc.scenario().caller[1].durationMs, 500.0);
    QCOMPARE(caller->text(), QStringLiteral("prepare: blocking 300; sleep 500"));
    // A wrong kind is refused with the reason, and the steps stay as they were.
    caller->setText(QStringLiteral("prepare: nap 300"));
    Q_EMIT caller->editingFinished();
    QVERIFY2(editor.lastMessage().contains(QStringLiteral("the kind must be sleep, blocking or cpu, not \"nap\"")),
             qPrintable(editor.lastMessage()));
    QCOMPARE(doc.scenario().caller.size(), 2);
    caller->setText(QStringLiteral("prepare: blocking 300; sleep 500"));
    // Steps with a strategy that cannot run them are refused as a file would be.
    auto *strategy = editor.findChild<QComboBox *>();
    strategy->setEditText(QStringLiteral("sequential"));
    Q_EMIT strategy->lineEdit()->editingFinished();
    QVERIFY2(editor.lastMessage().contains(QStringLiteral("sequential cannot run the caller's own steps")), qPrintable(editor.lastMessage()));
    QCOMPARE(doc.scenario().strategy.toString(), QStringLiteral("gather"));
    doc.undoStack()->undo();
    QVERIFY(doc.scenario().caller.isEmpty());
    QVERIFY(caller->text().isEmpty());

    // A step whose name (from a file) holds the separator stays whole when another field is edited.
    Scenario named = gatherOnly;
    named.caller = {CallerStep{QStringLiteral("fetch; retry"), CallerStepKind::Sleep, 100}};
    doc.reset(named, {});
    auto *timeout = editor.findChildren<QLineEdit *>().at(0);
    for (QLineEdit *e : editor.findChildren<QLineEdit *>()) {
        if (e->placeholderText() == QStringLiteral("none") && e != caller) {
            timeout = e;
            break;
        }
    }
    timeout->setText(QStringLiteral("700"));
    Q_EMIT timeout->editingFinished();
    QCOMPARE(doc.scenario().timeoutMs, std::optional<double>(700));
    QCOMPARE(doc.scenario().caller, named.caller);
}

void TestEditor::theDatabaseAndItsPoolAreEditedAndUndone()
{
    ScenarioDocument doc;
    doc.reset(builtinDemo(), {});
    ScenarioEditor editor(&doc);
    auto *database = editor.findChild<QLineEdit *>(QStringLiteral("database"));
    auto *size = editor.findChild<QSpinBox *>(QStringLiteral("db_pool.size"));
    auto *overflow = editor.findChild<QSpinBox *>(QStringLiteral("db_pool.max_overflow"));
    auto *timeout = editor.findChild<QLineEdit *>(QStringLiteral("db_pool.timeout_ms"));
    QVERIFY(database && size && overflow && timeout);
    // The defaults: the demo database (an empty field), SQLAlchemy's 5 + 10 and 30 s.
    QVERIFY(database->text().isEmpty());
    QCOMPARE(size->value(), 5);
    QCOMPARE(overflow->value(), 10);
    QCOMPARE(timeout->text(), QStringLiteral("30000"));

    database->setText(QStringLiteral("sqlite:shop.db"));
    Q_EMIT database->editingFinished();
    QCOMPARE(doc.scenario().database, QStringLiteral("sqlite:shop.db"));
    size->setValue(2);
    Q_EMIT size->editingFinished();
    overflow->setValue(0);
    Q_EMIT overflow->editingFinished();
    timeout->setText(QStringLiteral("250"));
    Q_EMIT timeout->editingFinished();
    QCOMPARE(doc.scenario().dbPool, (DbPoolPolicy{2, 0, 250}));

    // A database that is none of the three forms is refused with the file's reason; nothing changes.
    database->setText(QStringLiteral("mysql://db/shop"));
    Q_EMIT database->editingFinished();
    QVERIFY2(editor.lastMessage().contains(QStringLiteral("must be \"demo\", \"sqlite:PATH\"")), qPrintable(editor.lastMessage()));
    QCOMPARE(doc.scenario().database, QStringLiteral("sqlite:shop.db"));

    for (int i = 0; i < 4; ++i)
        doc.undoStack()->undo();
    QCOMPARE(doc.scenario().database, QStringLiteral("demo"));
    QCOMPARE(doc.scenario().dbPool, DbPoolPolicy{});
    QVERIFY(database->text().isEmpty());
    QCOMPARE(size->value(), 5);
}

void TestEditor::anErrorEditedOverMixedKindsChangesTheTasksThatRaise()
{
    ScenarioDocument doc;
    doc.reset(scenarioFrom(R"({"concviz": 1, "tasks": [{"name": "ok", "kind": "sleep", "duration_ms": 100},
        {"name": "bad", "kind": "fail", "duration_ms": 50, "error": "boom"}]})"),
              {});
    ScenarioEditor editor(&doc);
    QSignalSpy refused(editor.model(), &TaskTableModel::editRefused);
    for (int row : {0, 1})
        editor.table()->selectionModel()->select(editor.model()->index(row, 0), QItemSelectionModel::Select | QItemSelectionModel::Rows);
    QVERIFY(editor.model()->setData(editor.model()->index(1, TaskTableModel::Error), QStringLiteral("timeout talking to the DB"),
                                    Qt::EditRole));
    QCOMPARE(refused.count(), 0);
    QCOMPARE(doc.scenario().tasks[1].text(QStringLiteral("error")), QStringLiteral("timeout talking to the DB"));
    QVERIFY(!doc.scenario().tasks[0].fields.contains(QStringLiteral("error"))); // a sleep raises nothing
}

void TestEditor::aDbTasksQueryAndDriverAreEditedInTheTable()
{
    ScenarioDocument doc;
    doc.reset(scenarioFrom(R"({"concviz": 1, "tasks": [{"name": "q", "kind": "db", "duration_ms": 200},
        {"name": "work", "kind": "blocking", "duration_ms": 100}]})"),
              {});
    ScenarioEditor editor(&doc);
    TaskTableModel *model = editor.model();
    // The duration in the main column, the query in the text column, the driver as the switch.
    QCOMPARE(model->data(model->index(0, TaskTableModel::Duration), Qt::DisplayRole).toString(), QStringLiteral("200"));
    QCOMPARE(model->data(model->index(0, TaskTableModel::Error), Qt::DisplayRole).toString(), QStringLiteral("SELECT count(*) FROM orders"));
    QCOMPARE(model->data(model->index(0, TaskTableModel::Offload), Qt::CheckStateRole).toInt(), int(Qt::Unchecked));
    QVERIFY(model->setData(model->index(0, TaskTableModel::Offload), Qt::Checked, Qt::CheckStateRole));
    QCOMPARE(doc.scenario().tasks[0].text(QStringLiteral("driver")), QStringLiteral("sync"));
    QVERIFY(!doc.scenario().tasks[0].fields.contains(QStringLiteral("offload")));
    QVERIFY(model->setData(model->index(0, TaskTableModel::Error), QStringLiteral("SELECT name FROM users"), Qt::EditRole));
    QCOMPARE(doc.scenario().tasks[0].text(QStringLiteral("query")), QStringLiteral("SELECT name FROM users"));
    // The blocking task's switch is still its offload.
    QVERIFY(model->setData(model->index(1, TaskTableModel::Offload), Qt::Checked, Qt::CheckStateRole));
    QVERIFY(doc.scenario().tasks[1].flag(QStringLiteral("offload")));
    QCOMPARE(model->headerData(TaskTableModel::Offload, Qt::Horizontal, Qt::DisplayRole).toString(), QStringLiteral("Offload / sync"));
}

QTEST_MAIN(TestEditor)
#include "tst_editor.moc"
