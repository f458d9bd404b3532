#include "scenariodocument.h"

#include "scenario/scenarioreader.h"
#include "scenario/scenariovalidator.h"
#include "scenario/scenariowriter.h"
#include "scenariosnapshotcommand.h"

namespace concviz {

ScenarioDocument::ScenarioDocument(QObject *parent)
    : QObject(parent)
{
    connect(&m_undo, &QUndoStack::cleanChanged, this, [this](bool clean) { Q_EMIT modifiedChanged(!clean); });
}

void ScenarioDocument::edit(const Scenario &scenario, const QString &text)
{
    if (scenario == m_scenario)
        return;
    if (m_readOnly)
        return; // the editor's fields are read-only too: this is for any other way in
    m_undo.push(new ScenarioSnapshotCommand(this, m_scenario, scenario, text));
}

void ScenarioDocument::set(const Scenario &scenario)
{
    m_scenario = scenario;
    Q_EMIT changed();
}

void ScenarioDocument::setReadOnly(bool readOnly)
{
    if (readOnly == m_readOnly)
        return;
    m_readOnly = readOnly;
    Q_EMIT readOnlyChanged(readOnly);
}

void ScenarioDocument::reset(const Scenario &scenario, const QString &path)
{
    m_undo.clear();
    m_path = path;
    set(scenario);
    Q_EMIT pathChanged(m_path);
    Q_EMIT modifiedChanged(false);
}

bool ScenarioDocument::open(const QString &path, QStringList *errors)
{
    const ScenarioReadResult result = ScenarioReader::readFile(path);
    if (!result.scenario) {
        *errors = result.errors;
        return false;
    }
    reset(*result.scenario, path);
    return true;
}

void ScenarioDocument::markUnsaved()
{
    m_undo.resetClean();
    Q_EMIT modifiedChanged(true);
}

bool ScenarioDocument::save(const QString &path, QString *error)
{
    if (!ScenarioWriter::writeFile(m_scenario, path, error))
        return false;
    m_path = path;
    m_undo.setClean();
    Q_EMIT pathChanged(m_path);
    return true;
}

QString ScenarioDocument::problemWith(const Scenario &candidate)
{
    return ScenarioValidator::problems(candidate).value(0);
}

} // namespace concviz
