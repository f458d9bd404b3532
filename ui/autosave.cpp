#include "autosave.h"

#include "editor/scenariodocument.h"
#include "scenario/scenarioreader.h"
#include "scenario/scenariowriter.h"

#include <QDir>
#include <QFile>
#include <QStandardPaths>

namespace concviz {

namespace {
// Kept among the scenario's own unknown fields, so the copy is an ordinary scenario file.
const QString fromKey = QStringLiteral("autosaved_from");
} // namespace

Autosave::Autosave(ScenarioDocument *document, QObject *parent)
    : QObject(parent)
    , m_document(document)
{
    m_timer.setInterval(3000);
    connect(&m_timer, &QTimer::timeout, this, &Autosave::saveNow);
    // Saved, or opened afresh after the user chose: the copy is no longer needed at once.
    connect(document, &ScenarioDocument::modifiedChanged, this, [this](bool modified) {
        if (!modified && isActive())
            discard();
    });
}

QString Autosave::filePath()
{
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    QDir().mkpath(folder);
    return QDir(folder).filePath(QStringLiteral("autosave.json"));
}

void Autosave::saveNow()
{
    // Nothing to keep: the copy went when the document last became clean (see the constructor).
    if (!m_document->isModified())
        return;
    Scenario copy = m_document->scenario();
    copy.extra.insert(fromKey, m_document->path());
    QString error;
    // Written atomically: a kill in the middle leaves the previous copy whole. A copy that cannot
    // be written is tried again at the next tick; the scenario in the window is untouched either way.
    ScenarioWriter::writeFile(copy, filePath(), &error);
}

void Autosave::discard()
{
    QFile::remove(filePath());
}

std::optional<Autosave::Recovered> Autosave::recover()
{
    if (!QFile::exists(filePath()))
        return std::nullopt;
    ScenarioReadResult read = ScenarioReader::readFile(filePath());
    if (!read.scenario)
        return std::nullopt;
    Recovered r{*read.scenario, read.scenario->extra.value(fromKey).toString()};
    r.scenario.extra.remove(fromKey);
    return r;
}

} // namespace concviz
