#pragma once

#include <QCoreApplication>
#include <QList>
#include <QString>

namespace concviz {

// Every key the window answers to, as the shortcuts overlay (? or F1) and the README list them.
struct Shortcut
{
    QString keys;
    QString what;
};

class Shortcuts
{
    Q_DECLARE_TR_FUNCTIONS(Shortcuts)

public:
    // In groups: running, playback, the timeline (once clicked), the window.
    static QList<std::pair<QString, QList<Shortcut>>> groups();
};

} // namespace concviz
