#pragma once

#include <QString>
#include <QUrl>

#include <optional>

namespace concviz {

// Which database a scenario's db tasks query, as its "database" field names it: "demo" (the
// built-in shop database), "sqlite:PATH", or "postgresql://user:password@host:port/dbname".
struct DatabaseTarget
{
    enum class Kind { Demo, Sqlite, Postgresql };

    static constexpr int defaultPostgresqlPort = 5432;

    Kind kind = Kind::Demo;
    QString path; // Sqlite: the file, as written
    QUrl url;     // Postgresql: the whole URL, password included

    // The target a value names, or nothing with *error set to a sentence saying what is wrong.
    static std::optional<DatabaseTarget> parse(const QString &text, QString *error);
    // How messages and the window name it: the URL without its password.
    QString describe() const;
};

} // namespace concviz
