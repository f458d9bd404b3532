#pragma once

#include "scenario/scenario.h"

#include <QObject>
#include <QTimer>

#include <optional>

namespace concviz {

class ScenarioDocument;

// Keeps a copy of the scenario being edited while it has unsaved changes, so a crash, a power cut
// or a kill -9 loses at most a few seconds of work. The copy is one scenario file in the user's data
// folder, written atomically, that also names the file it came from; it goes when the changes are
// saved or the window closes normally.
class Autosave : public QObject
{
    Q_OBJECT
public:
    explicit Autosave(ScenarioDocument *document, QObject *parent = nullptr);

    // Starts keeping the copy. Not before a copy left by an earlier session has been restored or
    // let go: the first tick would otherwise remove it.
    void start() { m_timer.start(); }
    bool isActive() const { return m_timer.isActive(); }

    // How often the copy is brought up to date (3 s by default).
    void setInterval(int ms) { m_timer.setInterval(ms); }
    // Brings the copy up to date now, when there are unsaved changes.
    void saveNow();
    // Removes the copy: the work is saved, or the user chose to let it go.
    static void discard();
    // Where the copy lives.
    static QString filePath();

    // What a session that did not end cleanly left: the scenario and the file it was edited from
    // (empty for a scenario never saved). Nothing when there is no copy or it cannot be read.
    struct Recovered
    {
        Scenario scenario;
        QString path;
    };
    static std::optional<Recovered> recover();

private:
    ScenarioDocument *m_document;
    QTimer m_timer;
};

} // namespace concviz
