#pragma once

#include "async/clock.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace concviz {

// What the window remembers between sessions, each key named in one place.
class Settings
{
public:
    static QString lastDirectory();
    static void setLastDirectory(const QString &path);
    static QStringList recentFiles();
    static void setRecentFiles(const QStringList &paths);
    static ClockKind clock();
    static void setClock(ClockKind clock);
    // The theme's name as Theme::kindName writes it; "system" when none was chosen.
    static QString theme();
    static void setTheme(const QString &name);
    static QByteArray geometry();
    static QByteArray windowState();
    static void setWindow(const QByteArray &geometry, const QByteArray &state);
};

} // namespace concviz
