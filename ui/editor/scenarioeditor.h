#pragma once

#include "scenariodocument.h"
#include "tasktablemodel.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QSpinBox;
class QTableView;

namespace concviz {

// The scenario on the left of the window: its tasks as a table, and how they run. Every change is
// one undoable edit of the document; a refused value says why right under the table.
class ScenarioEditor : public QWidget
{
    Q_OBJECT
public:
    explicit ScenarioEditor(ScenarioDocument *document, QWidget *parent = nullptr);
    ~ScenarioEditor() override;
    // From now on no field of the editor reaches the editor or the document: for a window being
    // torn down, whose fields still report losing the focus.
    void stopListening();

    TaskTableModel *model() { return m_model; }
    QTableView *table() { return m_table; }
    // Selects the row of the task spec `spec` (what clicking a bar in the timeline does).
    void selectSpec(int spec);
    QString lastMessage() const;

public Q_SLOTS:
    void addTask();
    void duplicateTasks();
    void deleteTasks();
    void moveUp();
    void moveDown();

protected:
    void changeEvent(QEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void showEvent(QShowEvent *event) override;

private:
    void fitRowsToFont();
    void fitFormToWidth();
    void fitScrollAreaToWidth();
    void refresh();
    // Locks or unlocks every field as the document turns read-only or back, and says why.
    void showReadOnly(bool readOnly);
    void showProblem(const QString &message);
    // Applies a change to the scenario-wide fields if it passes the file rules, else says why.
    void applyOptions();
    QList<int> selectedRows() const;

    ScenarioDocument *m_document;
    TaskTableModel *m_model;
    QFormLayout *m_form = nullptr;
    QTableView *m_table;
    QLineEdit *m_name;
    QPlainTextEdit *m_description;
    QComboBox *m_strategy;
    QLineEdit *m_compare;
    QLineEdit *m_timeout;
    QLineEdit *m_deadline;
    QSpinBox *m_retries;
    QLineEdit *m_backoff;
    QLineEdit *m_maxBackoff;
    QSpinBox *m_workers;
    QComboBox *m_executor;
    QCheckBox *m_gil;
    QSpinBox *m_cores;
    QComboBox *m_httpClient;
    QSpinBox *m_connections;
    QLineEdit *m_database;
    QSpinBox *m_poolSize;
    QSpinBox *m_poolOverflow;
    QLineEdit *m_poolTimeout;
    QLineEdit *m_caller;
    QLabel *m_message;
    QLabel *m_readOnlyNote;
    bool m_refreshing = false;
};

} // namespace concviz
