#include "databasetarget.h"

namespace concviz {

std::optional<DatabaseTarget> DatabaseTarget::parse(const QString &text, QString *error)
{
    static const QString sqlitePrefix = QStringLiteral("sqlite:");
    DatabaseTarget t;
    if (text == QLatin1String("demo"))
        return t;
    if (text.startsWith(sqlitePrefix)) {
        t.kind = Kind::Sqlite;
        t.path = text.mid(sqlitePrefix.size());
        if (t.path.isEmpty() || t.path.contains(QChar(u'\0'))) {
            *error = QStringLiteral("\"sqlite:\" needs the path of a database file after it, as in sqlite:shop.db");
            return std::nullopt;
        }
        return t;
    }
    const QUrl url(text, QUrl::StrictMode);
    const QString scheme = url.scheme().toLower();
    if (scheme == QLatin1String("postgresql") || scheme == QLatin1String("postgres")) {
        const QString name = url.path().mid(1);
        if (!url.isValid() || url.host().isEmpty() || name.isEmpty() || name.contains(QLatin1Char('/'))) {
            *error = QStringLiteral("a PostgreSQL database is written postgresql://user:password@host:port/dbname");
            return std::nullopt;
        }
        if (url.port() == 0) {
            *error = QStringLiteral("port 0 is no PostgreSQL server's port");
            return std::nullopt;
        }
        t.kind = Kind::Postgresql;
        t.url = url;
        return t;
    }
    *error = QStringLiteral("must be \"demo\", \"sqlite:PATH\" or \"postgresql://user:password@host:port/dbname\"");
    return std::nullopt;
}

QString DatabaseTarget::describe() const
{
    switch (kind) {
    case Kind::Demo:
        return QStringLiteral("the demo database");
    case Kind::Sqlite:
        return QStringLiteral("sqlite:") + path;
    case Kind::Postgresql:
        // Never a password in a message, a tooltip or a trace.
        return url.toString(QUrl::RemovePassword);
    }
    return {};
}

} // namespace concviz
