#pragma once

#include "scenario/scenario.h"

#include <QUndoCommand>

namespace concviz {

class ScenarioDocument;

// One edit, remembered as the scenario before and after it. Scenarios being edited are small (a
// thousand tasks are one entry with a count), so a snapshot is simpler and safer than a diff.
class ScenarioSnapshotCommand : public QUndoCommand
{
public:
    ScenarioSnapshotCommand(ScenarioDocument *document, Scenario before, Scenario after, const QString &text);
    void undo() override;
    void redo() override;

private:
    ScenarioDocument *m_document;
    Scenario m_before;
    Scenario m_after;
};

} // namespace concviz
