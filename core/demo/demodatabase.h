#pragma once

#include <QString>

namespace concviz {

// The built-in shop database that db tasks query when a scenario names "demo": users, products and
// orders in SQLite, made on first use in the user's data folder, the same rows on every machine so
// a lesson's first row reads the same in every classroom.
class DemoDatabase
{
public:
    static constexpr int users = 20;
    static constexpr int products = 12;
    static constexpr int orders = 500;

    // The file, made now if it is not there yet; empty with *error set when it cannot be made.
    // Safe from any thread and from several processes at once: the file is filled under another
    // name and renamed into place whole.
    static QString ensure(QString *error);
    // Where ensure() keeps it: `folder`/demo-shop-1.sqlite, `folder` being the data folder when empty.
    static QString pathIn(const QString &folder = {});
    // Fills a new SQLite file at `path` with the shop's rows.
    static bool create(const QString &path, QString *error);
};

} // namespace concviz
