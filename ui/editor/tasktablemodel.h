#pragma once

#include "scenariodocument.h"

#include <QAbstractTableModel>

#include <functional>

namespace concviz {

// The scenario's task list as a table. Every edit goes to the document as one undoable step; a
// value a file would be refused for is refused here too, with the same reason (editRefused).
class TaskTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    // Count before the duration or URL, whose width has no bound: on a narrow dock a long URL
    // pushes what follows it out of view, and a count half in view reads as another number.
    enum Column { Name, Kind, Count, Duration, Timeout, Offload, Error, ColumnCount };

    explicit TaskTableModel(ScenarioDocument *document, QObject *parent = nullptr);

    // Rows an edit of `row` applies to: the selected rows when `row` is one of them (multi-select edit).
    void setEditRows(std::function<QList<int>(int row)> rows) { m_editRows = std::move(rows); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role) override;

Q_SIGNALS:
    void editRefused(const QString &reason);

private:
    // Applies `value` to the task; false with *reason when the text cannot be a value of that column.
    static bool assign(TaskSpec &task, int column, const QVariant &value, int role, QString *reason);

    ScenarioDocument *m_document;
    std::function<QList<int>(int)> m_editRows;
    int m_rows = 0;
};

} // namespace concviz
