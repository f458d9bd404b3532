#include "scenarioeditor.h"

#include "scenario/callersteps.h"
#include "scenario/numberformat.h"
#include "scenario/scenariofields.h"
#include "scenario/strategyregistry.h"
#include "scenario/taskkindregistry.h"

#include <QCheckBox>
#include <QComboBox>
#include <QEvent>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QSpinBox>
#include <QScrollArea>
#include <QScrollBar>
#include <QTimer>
#include <QTableView>
#include <QThread>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>

namespace concviz {

namespace {

QToolButton *button(const QString &text, const QString &tip, QWidget *parent)
{
    auto *b = new QToolButton(parent);
    b->setText(text);
    b->setToolTip(tip);
    b->setAccessibleName(tip);
    return b;
}

// A spin box takes the range, and says the help, of the field it edits.
void setRangeOf(QSpinBox *box, const Field &field)
{
    box->setRange(static_cast<int>(field.minimum), static_cast<int>(field.maximum));
    box->setToolTip(field.help);
}

QString optionalMs(const std::optional<double> &ms)
{
    return ms ? formatNumber(*ms) : QString();
}

} // namespace

ScenarioEditor::ScenarioEditor(ScenarioDocument *document, QWidget *parent)
    : QWidget(parent)
    , m_document(document)
    , m_model(new TaskTableModel(document, this))
{
    auto *layout = new QVBoxLayout(this);
    m_readOnlyNote = new QLabel(tr("The tasks of the trace on the right, read-only. File ▸ Edit Trace as Scenario makes them a "
                                   "scenario to change and to run under other strategies."),
                                this);
    m_readOnlyNote->setWordWrap(true);
    m_readOnlyNote->hide();
    layout->addWidget(m_readOnlyNote);
    m_name = new QLineEdit(this);
    m_name->setPlaceholderText(tr("Scenario name"));
    m_description = new QPlainTextEdit(this);
    m_description->setPlaceholderText(tr("What to look for"));
    layout->addWidget(m_name);
    layout->addWidget(m_description);

    m_table = new QTableView(this);
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    // Every heading whole: the columns take the width their titles and values need, and the table
    // scrolls sideways when they are wider than the dock.
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setStretchLastSection(true);
    fitRowsToFont();
    m_table->setAccessibleName(tr("Tasks"));
    m_model->setEditRows([this](int) { return selectedRows(); });
    layout->addWidget(m_table, 1);

    auto *buttons = new QHBoxLayout;
    QToolButton *add = button(tr("+ Add"), tr("Add a task"), this);
    QToolButton *duplicate = button(tr("Duplicate"), tr("Duplicate the selected tasks"), this);
    QToolButton *remove = button(tr("Delete"), tr("Delete the selected tasks"), this);
    QToolButton *up = button(tr("↑"), tr("Move the selected task up"), this);
    QToolButton *down = button(tr("↓"), tr("Move the selected task down"), this);
    for (QToolButton *b : {add, duplicate, remove, up, down})
        buttons->addWidget(b);
    buttons->addStretch();
    layout->addLayout(buttons);
    connect(add, &QToolButton::clicked, this, &ScenarioEditor::addTask);
    connect(duplicate, &QToolButton::clicked, this, &ScenarioEditor::duplicateTasks);
    connect(remove, &QToolButton::clicked, this, &ScenarioEditor::deleteTasks);
    connect(up, &QToolButton::clicked, this, &ScenarioEditor::moveUp);
    connect(down, &QToolButton::clicked, this, &ScenarioEditor::moveDown);

    m_message = new QLabel(this);
    m_message->setWordWrap(true);
    m_message->setStyleSheet(QStringLiteral("color: #D55E00; font-weight: bold"));
    m_message->hide();
    layout->addWidget(m_message);

    auto *form = new QFormLayout;
    m_form = form;
    m_strategy = new QComboBox(this);
    m_strategy->setEditable(true);
    for (const StrategyDefinition *d : StrategyRegistry::all()) {
        for (const QString &example : d->examples) {
            m_strategy->addItem(example);
            m_strategy->setItemData(m_strategy->count() - 1, d->summary, Qt::ToolTipRole);
        }
    }
    m_strategy->setToolTip(tr("How the tasks run; also typed, as in %1").arg(strategySyntaxHelp()));
    m_compare = new QLineEdit(this);
    m_compare->setPlaceholderText(QStringLiteral("sequential, gather"));
    m_timeout = new QLineEdit(this);
    m_timeout->setPlaceholderText(tr("none"));
    m_deadline = new QLineEdit(this);
    m_deadline->setPlaceholderText(tr("none"));
    m_retries = new QSpinBox(this);
    setRangeOf(m_retries, ScenarioFields::retriesMax);
    m_backoff = new QLineEdit(this);
    m_maxBackoff = new QLineEdit(this);
    m_maxBackoff->setToolTip(ScenarioFields::retriesMaxBackoffMs.help);
    m_workers = new QSpinBox(this);
    setRangeOf(m_workers, ScenarioFields::executorWorkers);
    m_executor = new QComboBox(this);
    m_executor->setObjectName(ScenarioFields::executor.key);
    m_executor->addItems(ScenarioFields::executor.choices);
    m_executor->setToolTip(ScenarioFields::executor.help);
    m_gil = new QCheckBox(tr("CPU work in threads takes turns for the GIL"), this);
    m_gil->setToolTip(ScenarioFields::gil.help);
    m_gil->setObjectName(ScenarioFields::gil.key);
    m_cores = new QSpinBox(this);
    setRangeOf(m_cores, ScenarioFields::cores);
    m_cores->setObjectName(ScenarioFields::cores.key);
    // Below the range: no number in the file, so this machine's cores.
    m_cores->setMinimum(static_cast<int>(ScenarioFields::cores.minimum) - 1);
    m_cores->setSpecialValueText(tr("this machine's (%1)").arg(std::max(1, QThread::idealThreadCount())));
    m_httpClient = new QComboBox(this);
    m_httpClient->setObjectName(ScenarioFields::httpClient.key);
    m_httpClient->addItems(ScenarioFields::httpClient.choices);
    m_httpClient->setToolTip(ScenarioFields::httpClient.help);
    m_connections = new QSpinBox(this);
    m_connections->setObjectName(ScenarioFields::connectionsPerHost.key);
    setRangeOf(m_connections, ScenarioFields::connectionsPerHost);
    // Below the range: no number in the file, so the client's own limit.
    m_connections->setMinimum(static_cast<int>(ScenarioFields::connectionsPerHost.minimum) - 1);
    m_connections->setSpecialValueText(tr("the client's"));
    m_database = new QLineEdit(this);
    m_database->setObjectName(ScenarioFields::database.key);
    m_database->setPlaceholderText(tr("demo, sqlite:shop.db or postgresql://user:password@host/dbname"));
    m_database->setToolTip(ScenarioFields::database.help);
    m_poolSize = new QSpinBox(this);
    m_poolSize->setObjectName(QStringLiteral("db_pool.size"));
    setRangeOf(m_poolSize, ScenarioFields::dbPoolSize);
    m_poolSize->setPrefix(tr("size "));
    m_poolOverflow = new QSpinBox(this);
    m_poolOverflow->setObjectName(QStringLiteral("db_pool.max_overflow"));
    setRangeOf(m_poolOverflow, ScenarioFields::dbPoolMaxOverflow);
    m_poolOverflow->setPrefix(tr("+ overflow "));
    m_poolTimeout = new QLineEdit(this);
    m_poolTimeout->setObjectName(QStringLiteral("db_pool.timeout_ms"));
    m_poolTimeout->setToolTip(ScenarioFields::dbPoolTimeoutMs.help);
    // Size and overflow on one row, read together as SQLAlchemy's pool is; the wait on its own row,
    // so that nothing is cut off in a narrow editor.
    auto *pool = new QHBoxLayout;
    pool->addWidget(m_poolSize);
    pool->addWidget(m_poolOverflow);
    pool->addStretch();
    m_caller = new QLineEdit(this);
    m_caller->setObjectName(QStringLiteral("caller"));
    m_caller->setPlaceholderText(tr("none, or: prepare: blocking 300; main work: sleep 500"));
    m_caller->setToolTip(tr("What the caller does itself after creating the tasks and before awaiting them, in order: "
                            "sleep awaits (the tasks run meanwhile), blocking and cpu hold the loop. "
                            "Tasks start at the caller's first await."));
    form->addRow(tr("&Strategy"), m_strategy);
    form->addRow(tr("&Compare"), m_compare);
    form->addRow(tr("&Timeout per task (ms)"), m_timeout);
    form->addRow(tr("&Deadline (ms)"), m_deadline);
    form->addRow(tr("&Retries"), m_retries);
    form->addRow(tr("&Backoff (ms)"), m_backoff);
    form->addRow(tr("Backoff at &most (ms)"), m_maxBackoff);
    form->addRow(tr("&Executor workers"), m_workers);
    form->addRow(tr("E&xecutor"), m_executor);
    form->addRow(tr("&GIL"), m_gil);
    form->addRow(tr("C&ores"), m_cores);
    form->addRow(tr("HTTP c&lient"), m_httpClient);
    form->addRow(tr("Connections per &host"), m_connections);
    form->addRow(tr("Dat&abase"), m_database);
    // A row of two fields has no one field for a shortcut to go to: no mnemonic, or it shows as "&".
    form->addRow(tr("Database pool (connections)"), pool);
    form->addRow(tr("Pool &wait at most (ms)"), m_poolTimeout);
    form->addRow(tr("Caller's own ste&ps"), m_caller);
    layout->addLayout(form);

    for (QLineEdit *e : {m_name, m_compare, m_timeout, m_deadline, m_backoff, m_maxBackoff, m_caller, m_database, m_poolTimeout})
        connect(e, &QLineEdit::editingFinished, this, &ScenarioEditor::applyOptions);
    connect(m_strategy->lineEdit(), &QLineEdit::editingFinished, this, &ScenarioEditor::applyOptions);
    connect(m_strategy, &QComboBox::activated, this, &ScenarioEditor::applyOptions);
    connect(m_retries, &QSpinBox::editingFinished, this, &ScenarioEditor::applyOptions);
    connect(m_workers, &QSpinBox::editingFinished, this, &ScenarioEditor::applyOptions);
    connect(m_connections, &QSpinBox::editingFinished, this, &ScenarioEditor::applyOptions);
    connect(m_cores, &QSpinBox::editingFinished, this, &ScenarioEditor::applyOptions);
    connect(m_poolSize, &QSpinBox::editingFinished, this, &ScenarioEditor::applyOptions);
    connect(m_poolOverflow, &QSpinBox::editingFinished, this, &ScenarioEditor::applyOptions);
    connect(m_executor, &QComboBox::activated, this, &ScenarioEditor::applyOptions);
    connect(m_gil, &QCheckBox::toggled, this, &ScenarioEditor::applyOptions);
    connect(m_httpClient, &QComboBox::activated, this, &ScenarioEditor::applyOptions);
    connect(m_description, &QPlainTextEdit::textChanged, this, [this] {
        if (m_refreshing)
            return;
        Scenario s = m_document->scenario();
        s.description = m_description->toPlainText();
        m_document->edit(s, tr("Change description"));
    });
    connect(m_model, &TaskTableModel::editRefused, this, &ScenarioEditor::showProblem);
    connect(m_document, &ScenarioDocument::changed, this, &ScenarioEditor::refresh);
    connect(m_document, &ScenarioDocument::readOnlyChanged, this, &ScenarioEditor::showReadOnly);
    for (QComboBox *c : findChildren<QComboBox *>())
        c->installEventFilter(this);
    for (QCheckBox *c : findChildren<QCheckBox *>())
        c->installEventFilter(this);
    refresh();
}

void ScenarioEditor::showReadOnly(bool readOnly)
{
    m_readOnlyNote->setVisible(readOnly);
    // Read-only rather than disabled where Qt allows it: the values stay as legible as ever.
    for (QLineEdit *e : findChildren<QLineEdit *>())
        e->setReadOnly(readOnly);
    for (QAbstractSpinBox *b : findChildren<QAbstractSpinBox *>())
        b->setReadOnly(readOnly);
    m_description->setReadOnly(readOnly);
    // A choice or a tick has no read-only mode, and disabled it greys out past reading on a
    // projector: it stays as it is and the filter below keeps the mouse and keys off it. The
    // buttons below the table are actions, not values: those are disabled.
    for (QToolButton *b : findChildren<QToolButton *>())
        b->setEnabled(!readOnly);
    if (readOnly)
        showProblem({});
}

bool ScenarioEditor::eventFilter(QObject *watched, QEvent *event)
{
    if (m_document->isReadOnly()) {
        switch (event->type()) {
        case QEvent::MouseButtonPress:
        case QEvent::MouseButtonDblClick:
        case QEvent::MouseButtonRelease:
        case QEvent::KeyPress:
        case QEvent::Wheel:
            return true;
        default:
            break;
        }
    }
    return QWidget::eventFilter(watched, event);
}

QString ScenarioEditor::lastMessage() const
{
    return m_message->isHidden() ? QString() : m_message->text();
}

void ScenarioEditor::refresh()
{
    m_refreshing = true;
    const Scenario &s = m_document->scenario();
    if (m_name->text() != s.name)
        m_name->setText(s.name);
    if (m_description->toPlainText() != s.description)
        m_description->setPlainText(s.description);
    m_strategy->setEditText(s.strategy.toString());
    QStringList compare;
    for (const StrategySpec &c : s.compare)
        compare << c.toString();
    m_compare->setText(compare.join(QStringLiteral(", ")));
    m_timeout->setText(optionalMs(s.timeoutMs));
    m_deadline->setText(optionalMs(s.deadlineMs));
    m_retries->setValue(s.retries.max);
    m_backoff->setText(formatNumber(s.retries.backoffMs));
    m_maxBackoff->setText(formatNumber(s.retries.maxBackoffMs));
    m_workers->setValue(s.executorWorkers);
    m_executor->setCurrentText(executorKindName(s.executor));
    m_gil->setChecked(s.gil);
    m_cores->setValue(s.cores.value_or(m_cores->minimum()));
    m_httpClient->setCurrentText(httpClientKindName(s.httpClient));
    m_connections->setValue(s.connectionsPerHost.value_or(m_connections->minimum()));
    // The default stays an empty field that shows "demo, ..." as its placeholder.
    m_database->setText(s.database == ScenarioFields::database.defaultValue.toString() ? QString() : s.database);
    m_poolSize->setValue(s.dbPool.size);
    m_poolOverflow->setValue(s.dbPool.maxOverflow);
    m_poolTimeout->setText(formatNumber(s.dbPool.timeoutMs));
    m_caller->setText(callerStepsText(s.caller));
    m_table->resizeColumnsToContents();
    m_refreshing = false;
}

void ScenarioEditor::showProblem(const QString &message)
{
    m_message->setText(message);
    m_message->setVisible(!message.isEmpty());
}

void ScenarioEditor::applyOptions()
{
    if (m_refreshing)
        return;
    Scenario s = m_document->scenario();
    s.name = m_name->text();
    QString error;
    const std::optional<StrategySpec> strategy = StrategySpec::parse(m_strategy->currentText(), &error);
    if (!strategy) {
        showProblem(tr("strategy: %1").arg(error));
        return;
    }
    s.strategy = *strategy;
    // "queue:3, maxsize=5" keeps its parameter, as on the command line.
    const std::optional<QList<StrategySpec>> compare = StrategySpec::parseList(m_compare->text(), &error);
    if (!compare) {
        showProblem(tr("compare: %1").arg(error));
        return;
    }
    s.compare = *compare;
    auto ms = [this](QLineEdit *field, const QString &what, std::optional<double> *out) {
        const QString text = field->text().trimmed();
        if (text.isEmpty()) {
            out->reset();
            return true;
        }
        bool ok = false;
        *out = text.toDouble(&ok);
        if (!ok)
            showProblem(tr("%1: \"%2\" is not a number").arg(what, text));
        return ok;
    };
    std::optional<double> backoff;
    std::optional<double> maxBackoff;
    std::optional<double> poolTimeout;
    if (!ms(m_timeout, QStringLiteral("timeout_ms"), &s.timeoutMs) || !ms(m_deadline, QStringLiteral("deadline_ms"), &s.deadlineMs)
        || !ms(m_backoff, QStringLiteral("retries.backoff_ms"), &backoff)
        || !ms(m_maxBackoff, QStringLiteral("retries.max_backoff_ms"), &maxBackoff)
        || !ms(m_poolTimeout, QStringLiteral("db_pool.timeout_ms"), &poolTimeout))
        return;
    s.retries.max = m_retries->value();
    s.retries.backoffMs = backoff.value_or(0);
    s.retries.maxBackoffMs = maxBackoff.value_or(RetryPolicy::defaultMaxBackoffMs);
    s.executorWorkers = m_workers->value();
    s.executor = executorKindFrom(m_executor->currentText());
    s.gil = m_gil->isChecked();
    s.cores.reset();
    if (m_cores->value() != m_cores->minimum())
        s.cores = m_cores->value();
    s.httpClient = httpClientKindFrom(m_httpClient->currentText());
    s.connectionsPerHost.reset();
    if (m_connections->value() != m_connections->minimum())
        s.connectionsPerHost = m_connections->value();
    const QString database = m_database->text().trimmed();
    s.database = database.isEmpty() ? ScenarioFields::database.defaultValue.toString() : database;
    s.dbPool.size = m_poolSize->value();
    s.dbPool.maxOverflow = m_poolOverflow->value();
    s.dbPool.timeoutMs = poolTimeout.value_or(DbPoolPolicy{}.timeoutMs);
    // Read back only when typed in: a step named with a ";" in its file must not be split in two by
    // an edit of another field.
    if (m_caller->text() != callerStepsText(s.caller)) {
        const std::optional<QList<CallerStep>> caller = parseCallerSteps(m_caller->text(), &error);
        if (!caller) {
            showProblem(tr("caller: %1").arg(error));
            return;
        }
        s.caller = *caller;
    }
    const QString problem = ScenarioDocument::problemWith(s);
    showProblem(problem);
    if (problem.isEmpty())
        m_document->edit(s, tr("Change scenario options"));
}

QList<int> ScenarioEditor::selectedRows() const
{
    QList<int> rows;
    for (const QModelIndex &i : m_table->selectionModel()->selectedRows())
        rows << i.row();
    std::sort(rows.begin(), rows.end());
    return rows;
}

void ScenarioEditor::selectSpec(int spec)
{
    m_table->selectRow(spec);
    m_table->scrollTo(m_model->index(spec, 0));
}

void ScenarioEditor::addTask()
{
    Scenario s = m_document->scenario();
    s.tasks << TaskKindRegistry::find(QStringLiteral("sleep"))->makeTask(QStringLiteral("T%1").arg(s.tasks.size() + 1));
    m_document->edit(s, tr("Add task"));
    selectSpec(static_cast<int>(s.tasks.size()) - 1);
}

void ScenarioEditor::duplicateTasks()
{
    const QList<int> rows = selectedRows();
    if (rows.isEmpty())
        return;
    Scenario s = m_document->scenario();
    for (int row : rows) {
        TaskSpec copy = s.tasks[row];
        copy.name += tr(" copy");
        s.tasks << copy;
    }
    m_document->edit(s, tr("Duplicate tasks"));
}

void ScenarioEditor::deleteTasks()
{
    const QList<int> rows = selectedRows();
    Scenario s = m_document->scenario();
    if (rows.isEmpty() || rows.size() >= s.tasks.size()) {
        showProblem(rows.isEmpty() ? QString() : tr("a scenario needs at least one task"));
        return;
    }
    for (auto it = rows.crbegin(); it != rows.crend(); ++it)
        s.tasks.removeAt(*it);
    m_document->edit(s, tr("Delete tasks"));
}

void ScenarioEditor::moveUp()
{
    const QList<int> rows = selectedRows();
    if (rows.size() != 1 || rows.first() == 0)
        return;
    Scenario s = m_document->scenario();
    s.tasks.swapItemsAt(rows.first(), rows.first() - 1);
    m_document->edit(s, tr("Move task"));
    selectSpec(rows.first() - 1);
}

void ScenarioEditor::moveDown()
{
    const QList<int> rows = selectedRows();
    Scenario s = m_document->scenario();
    if (rows.size() != 1 || rows.first() + 1 >= s.tasks.size())
        return;
    s.tasks.swapItemsAt(rows.first(), rows.first() + 1);
    m_document->edit(s, tr("Move task"));
    selectSpec(rows.first() + 1);
}

ScenarioEditor::~ScenarioEditor()
{
    stopListening();
}

void ScenarioEditor::stopListening()
{
    // A field that has the focus says "editing finished" as it is deleted, after this editor (and
    // perhaps the document around it) is gone.
    for (QObject *child : findChildren<QObject *>())
        child->disconnect(this);
}

void ScenarioEditor::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::FontChange) {
        fitRowsToFont();
        QTimer::singleShot(0, this, &ScenarioEditor::fitScrollAreaToWidth);
    }
}

void ScenarioEditor::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    fitScrollAreaToWidth();
}

void ScenarioEditor::fitScrollAreaToWidth()
{
    // The scroll area around the editor scrolls up and down only: left narrower than the editor's
    // least width, it would cut the text at its right edge. It asks its dock for that width instead.
    auto *scroll = parentWidget() ? qobject_cast<QScrollArea *>(parentWidget()->parentWidget()) : nullptr;
    if (!scroll)
        return;
    scroll->setMinimumWidth(minimumSizeHint().width() + scroll->verticalScrollBar()->sizeHint().width() + 2 * scroll->frameWidth());
}

void ScenarioEditor::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    fitFormToWidth();
}

void ScenarioEditor::fitFormToWidth()
{
    // Labels beside their fields while that leaves the fields room; above them when the text is
    // large (the Projector theme) or the dock narrow, so that "batches:50,concurrency=10" shows whole.
    if (!m_form)
        return;
    int widest = 0;
    for (int row = 0; row < m_form->rowCount(); ++row)
        if (QLayoutItem *item = m_form->itemAt(row, QFormLayout::LabelRole); item && item->widget())
            widest = std::max(widest, item->widget()->sizeHint().width());
    const QFormLayout::RowWrapPolicy policy = widest > width() * 2 / 5 ? QFormLayout::WrapAllRows : QFormLayout::DontWrapRows;
    if (m_form->rowWrapPolicy() != policy)
        m_form->setRowWrapPolicy(policy);
}

void ScenarioEditor::fitRowsToFont()
{
    // Rows as tall as their text, and room for four of them whatever the theme's size: the editor
    // scrolls as a whole before the table shrinks to a sliver.
    const int row = m_table->fontMetrics().height() + 8;
    m_table->verticalHeader()->setDefaultSectionSize(row);
    m_table->setMinimumHeight(m_table->horizontalHeader()->sizeHint().height() + 4 * row + 2 * m_table->frameWidth()
                              + m_table->horizontalScrollBar()->sizeHint().height());
    // Three to five lines of the lesson's text, whatever their size.
    m_description->setMinimumHeight(m_description->fontMetrics().lineSpacing() * 3 + 12);
    m_description->setMaximumHeight(m_description->fontMetrics().lineSpacing() * 5 + 12);
    fitFormToWidth();
}

} // namespace concviz
