#include "scenariosnapshotcommand.h"

#include "scenariodocument.h"

namespace concviz {

ScenarioSnapshotCommand::ScenarioSnapshotCommand(ScenarioDocument *document, Scenario before, Scenario after, const QString &text)
    : QUndoCommand(text)
    , m_document(document)
    , m_before(std::move(before))
    , m_after(std::move(after))
{
}

void ScenarioSnapshotCommand::undo()
{
    m_document->set(m_before);
}

void ScenarioSnapshotCommand::redo()
{
    m_document->set(m_after);
}

} // namespace concviz
