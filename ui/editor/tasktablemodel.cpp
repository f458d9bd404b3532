#include "tasktablemodel.h"

#include "scenario/numberformat.h"

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
        return tr("Offload");
    case Error:
        return tr("Error");
    }
    return {};
}

QVariant TaskTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows)
        return {};
    const TaskSpec &t = m_document->scenario().tasks.at(index.row());
    if (index.column() == Offload) {
        if (role == Qt::CheckStateRole && (t.kind == TaskKind::Blocking || t.kind == TaskKind::Cpu))
            return t.offload ? Qt::Checked : Qt::Unchecked;
        return {};
    }
    if (role != Qt::DisplayRole && role != Qt::EditRole)
        return {};
    switch (index.column()) {
    case Name:
        return t.name;
    case Kind:
        return taskKindName(t.kind);
    case Duration:
        return t.kind == TaskKind::Http ? t.url : formatNumber(t.durationMs);
    case Count:
        return t.count;
    case Timeout:
        return t.timeoutMs ? formatNumber(*t.timeoutMs) : QString();
    case Error:
        return t.kind == TaskKind::Fail ? t.error : QString();
    }
    return {};
}

Qt::ItemFlags TaskTableModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    const TaskSpec &t = m_document->scenario().tasks.at(index.row());
    Qt::ItemFlags f = Qt::ItemIsSelectable | Qt::ItemIsEnabled;
    if (index.column() == Offload)
        return (t.kind == TaskKind::Blocking || t.kind == TaskKind::Cpu) ? f | Qt::ItemIsUserCheckable : f;
    if (index.column() == Error && t.kind != TaskKind::Fail)
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
        const std::optional<TaskKind> kind = taskKindFromName(text);
        if (!kind) {
            *reason = tr("unknown kind \"%1\"; known: sleep, fail, blocking, cpu, http").arg(text);
            return false;
        }
        t.kind = *kind;
        if (t.kind == TaskKind::Http && t.url.isEmpty())
            t.url = QStringLiteral("http://demo/delay/1");
        if (t.kind == TaskKind::Fail && t.error.isEmpty())
            t.error = QStringLiteral("failed");
        if (t.kind != TaskKind::Blocking && t.kind != TaskKind::Cpu)
            t.offload = false;
        return true;
    }
    case Duration:
        if (t.kind == TaskKind::Http) {
            t.url = text;
            return true;
        }
        t.durationMs = text.toDouble(&ok);
        break;
    case Count:
        t.count = text.toInt(&ok);
        break;
    case Timeout:
        if (text.isEmpty())
            t.timeoutMs.reset();
        else
            t.timeoutMs = text.toDouble(&ok);
        break;
    case Offload:
        if (role != Qt::CheckStateRole)
            return false;
        t.offload = value.toInt() == Qt::Checked;
        return true;
    case Error:
        t.error = text;
        return true;
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
    QString reason;
    for (int row : rows) {
        if (!assign(candidate.tasks[row], index.column(), value, role, &reason)) {
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
