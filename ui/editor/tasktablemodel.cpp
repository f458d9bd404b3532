#include "tasktablemodel.h"

#include "scenario/numberformat.h"
#include "scenario/taskkindregistry.h"

namespace concviz {

TaskTableModel::TaskTableModel(ScenarioDocument *document, QObject *parent)
    : QAbstractTableModel(parent)
    , m_document(document)
    , m_rows(static_cast<int>(document->scenario().tasks.size()))
{
    connect(document, &ScenarioDocument::changed, this, [this] {
        const int rows = static_cast<int>(m_document->scenario().tasks.size());
        if (rows == m_rows) {
            if (rows > 0)
                Q_EMIT dataChanged(index(0, 0), index(rows - 1, ColumnCount - 1));
            return;
        }
        beginResetModel();
        m_rows = rows;
        endResetModel();
    });
}

int TaskTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_rows;
}

int TaskTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant TaskTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Name:
        return tr("Name");
    case Kind:
        return tr("Kind");
    case Duration:
        return tr("Duration (ms) / URL");
    case Count:
        return tr("Count");
    case Timeout:
        return tr("Timeout (ms)");
    case Offload:
        return tr("Offload / sync");
    case Error:
        return tr("Error / query");
    }
    return {};
}

namespace {

// The two columns that show a field only some kinds have: a switch (blocking and cpu work offloaded
// to the executor, a db task on the sync driver) and a line of text (what fail raises, what db runs).
const QString offloadKey = QStringLiteral("offload");
const QString driverKey = QStringLiteral("driver");
const QString errorKey = QStringLiteral("error");
const QString queryKey = QStringLiteral("query");

// The declaration of the field a column shows for this task, or null when its kind has none.
const Field *fieldOf(const TaskSpec &t, int column)
{
    const TaskKindDefinition *kind = t.definition();
    if (!kind)
        return nullptr;
    auto either = [kind](const QString &a, const QString &b) { return kind->field(a) ? kind->field(a) : kind->field(b); };
    switch (column) {
    case TaskTableModel::Duration:
        return kind->field(kind->mainField);
    case TaskTableModel::Offload:
        return either(offloadKey, driverKey);
    case TaskTableModel::Error:
        return either(errorKey, queryKey);
    default:
        return nullptr;
    }
}

// A switch column's field is on: offloaded, or the second of two words (the sync driver).
bool isOn(const Field &field, const TaskSpec &t)
{
    if (field.type == Field::Type::Bool)
        return t.flag(field.key);
    return t.text(field.key) == field.choices.value(1);
}

QString shown(const Field &field, const QVariant &value)
{
    return field.type == Field::Type::Millis ? formatNumber(value.toDouble()) : value.toString();
}

} // namespace

QVariant TaskTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows)
        return {};
    const TaskSpec &t = m_document->scenario().tasks.at(index.row());
    const Field *field = fieldOf(t, index.column());
    if (role == Qt::ToolTipRole && field)
        return field->help;
    if (index.column() == Offload) {
        if (role == Qt::CheckStateRole && field)
            return isOn(*field, t) ? Qt::Checked : Qt::Unchecked;
        return {};
    }
    if (role != Qt::DisplayRole && role != Qt::EditRole)
        return {};
    switch (index.column()) {
    case Name:
        return t.name;
    case Kind:
        return t.kind;
    case Duration:
    case Error:
        return field ? shown(*field, t.fields.value(field->key)) : QString();
    case Count:
        return t.count;
    case Timeout:
        return t.timeoutMs ? formatNumber(*t.timeoutMs) : QString();
    }
    return {};
}

Qt::ItemFlags TaskTableModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    const TaskSpec &t = m_document->scenario().tasks.at(index.row());
    Qt::ItemFlags f = Qt::ItemIsSelectable | Qt::ItemIsEnabled;
    if (m_document->isReadOnly())
        return f;
    const bool hasField = fieldOf(t, index.column()) != nullptr;
    if (index.column() == Offload)
        return hasField ? f | Qt::ItemIsUserCheckable : f;
    if (index.column() == Error && !hasField)
        return f;
    return f | Qt::ItemIsEditable;
}

bool TaskTableModel::assign(TaskSpec &t, int column, const QVariant &value, int role, QString *reason)
{
    const QString text = value.toString().trimmed();
    bool ok = true;
    switch (column) {
    case Name:
        t.name = text;
        return true;
    case Kind: {
        const TaskKindDefinition *kind = TaskKindRegistry::find(text);
        if (!kind) {
            *reason = tr("unknown kind \"%1\"; known: %2").arg(text, taskKindNames());
            return false;
        }
        // Fields the new kind shares are kept; the others go, and its own get their usual values.
        const TaskSpec fresh = kind->makeTask(t.name);
        QVariantMap fields = fresh.fields;
        for (auto it = t.fields.begin(); it != t.fields.end(); ++it)
            if (kind->field(it.key()))
                fields.insert(it.key(), it.value());
        t.kind = kind->name;
        t.fields = fields;
        return true;
    }
    case Duration:
    case Error: {
        const Field *field = fieldOf(t, column);
        if (!field)
            return false;
        if (field->type == Field::Type::Millis)
            t.fields.insert(field->key, text.toDouble(&ok));
        else
            t.fields.insert(field->key, text);
        break;
    }
    case Count:
        t.count = text.toInt(&ok);
        break;
    case Timeout:
        if (text.isEmpty())
            t.timeoutMs.reset();
        else
            t.timeoutMs = text.toDouble(&ok);
        break;
    case Offload: {
        const Field *field = fieldOf(t, column);
        if (role != Qt::CheckStateRole || !field)
            return false;
        const bool on = value.toInt() == Qt::Checked;
        if (field->type == Field::Type::Bool)
            t.fields.insert(field->key, on);
        else
            t.fields.insert(field->key, field->choices.value(on ? 1 : 0));
        return true;
    }
    }
    if (!ok)
        *reason = tr("\"%1\" is not a number").arg(text);
    return ok;
}

bool TaskTableModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (!index.isValid() || (role != Qt::EditRole && role != Qt::CheckStateRole))
        return false;
    QList<int> rows = m_editRows ? m_editRows(index.row()) : QList<int>();
    if (!rows.contains(index.row()))
        rows = {index.row()};
    Scenario candidate = m_document->scenario();
    // A column of one kind's field (Error, Offload) changes the selected tasks that have it and
    // leaves the others as they are.
    const bool kindField = index.column() == Error || index.column() == Offload;
    rows.removeIf([&](int row) { return kindField && row != index.row() && !fieldOf(candidate.tasks[row], index.column()); });
    QString reason;
    for (int row : rows) {
        if (!assign(candidate.tasks[row], index.column(), value, role, &reason)) {
            if (!reason.isEmpty())
                Q_EMIT editRefused(reason);
            return false;
        }
    }
    reason = ScenarioDocument::problemWith(candidate);
    if (!reason.isEmpty()) {
        Q_EMIT editRefused(reason);
        return false;
    }
    const QString what = headerData(index.column(), Qt::Horizontal, Qt::DisplayRole).toString();
    m_document->edit(candidate, rows.size() > 1 ? tr("Change %1 of %2 tasks").arg(what).arg(rows.size()) : tr("Change %1").arg(what));
    return true;
}

} // namespace concviz
