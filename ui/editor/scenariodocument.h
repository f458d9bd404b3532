#pragma once

#include "scenario/scenario.h"

#include <QObject>
#include <QUndoStack>

namespace concviz {

// The scenario being edited: its content, its file, and the undo history of every edit. Editors
// change it only through edit(), so every change can be undone and the window knows when there is
// something unsaved.
class ScenarioDocument : public QObject
{
    Q_OBJECT
public:
    explicit ScenarioDocument(QObject *parent = nullptr);

    const Scenario &scenario() const { return m_scenario; }
    QString path() const { return m_path; }
    QUndoStack *undoStack() { return &m_undo; }
    bool isModified() const { return !m_undo.isClean(); }

    // Replaces the content as one undoable step called `text` ("Change duration").
    void edit(const Scenario &scenario, const QString &text);
    // Starts over with `scenario` (an example, a new file): no undo history, nothing unsaved.
    void reset(const Scenario &scenario, const QString &path);
    // Opens a file. On failure returns false, fills *errors, and leaves everything as it was.
    bool open(const QString &path, QStringList *errors);
    // Marks the content as not saved (a scenario recovered after a crash): the window asks before
    // closing and the title shows it.
    void markUnsaved();
    // Saves atomically; on failure the file on disk is untouched and *error says why.
    bool save(const QString &path, QString *error);

    // While read-only (a trace's tasks on show) every edit is refused here, so that no way into
    // the document (a field, a menu, a paste) needs a guard of its own.
    void setReadOnly(bool readOnly);
    bool isReadOnly() const { return m_readOnly; }

    // Checks a candidate with the same rules and messages as a file: the first problem, or empty.
    static QString problemWith(const Scenario &candidate);

Q_SIGNALS:
    void changed();
    void pathChanged(const QString &path);
    void modifiedChanged(bool modified);
    void readOnlyChanged(bool readOnly);

private:
    friend class ScenarioSnapshotCommand;
    void set(const Scenario &scenario);

    Scenario m_scenario;
    QString m_path;
    QUndoStack m_undo;
    bool m_readOnly = false;
};

} // namespace concviz
