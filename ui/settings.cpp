#include "settings.h"

#include <QSettings>

namespace concviz {

namespace {
const QString lastDirectoryKey = QStringLiteral("lastDirectory");
const QString recentFilesKey = QStringLiteral("recentFiles");
const QString clockKey = QStringLiteral("clock");
const QString themeKey = QStringLiteral("theme");
const QString geometryKey = QStringLiteral("geometry");
const QString windowStateKey = QStringLiteral("windowState");
} // namespace

QString Settings::lastDirectory()
{
    return QSettings().value(lastDirectoryKey).toString();
}

void Settings::setLastDirectory(const QString &path)
{
    QSettings().setValue(lastDirectoryKey, path);
}

QStringList Settings::recentFiles()
{
    return QSettings().value(recentFilesKey).toStringList();
}

void Settings::setRecentFiles(const QStringList &paths)
{
    QSettings().setValue(recentFilesKey, paths);
}

ClockKind Settings::clock()
{
    return QSettings().value(clockKey).toString() == clockKindName(ClockKind::Virtual) ? ClockKind::Virtual : ClockKind::Real;
}

void Settings::setClock(ClockKind clock)
{
    QSettings().setValue(clockKey, clockKindName(clock));
}

QString Settings::theme()
{
    return QSettings().value(themeKey, QStringLiteral("system")).toString();
}

void Settings::setTheme(const QString &name)
{
    QSettings().setValue(themeKey, name);
}

QByteArray Settings::geometry()
{
    return QSettings().value(geometryKey).toByteArray();
}

QByteArray Settings::windowState()
{
    return QSettings().value(windowStateKey).toByteArray();
}

void Settings::setWindow(const QByteArray &geometry, const QByteArray &state)
{
    QSettings settings;
    settings.setValue(geometryKey, geometry);
    settings.setValue(windowStateKey, state);
}

} // namespace concviz
