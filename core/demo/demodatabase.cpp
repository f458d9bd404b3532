#include "demodatabase.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QMutex>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QUuid>

namespace concviz {

namespace {

// The version is in the name: a later build with other rows makes a new file beside the old one.
const char fileName[] = "demo-shop-1.sqlite";

// A fixed sequence (a linear congruential generator), so every machine gets the same orders.
class Sequence
{
public:
    int next(int bound)
    {
        m_state = m_state * 1103515245u + 12345u;
        return static_cast<int>((m_state >> 16) % static_cast<quint32>(bound));
    }

private:
    quint32 m_state = 20261204u;
};

bool exec(QSqlQuery &query, const QString &sql, QString *error)
{
    if (query.exec(sql))
        return true;
    *error = query.lastError().text();
    return false;
}

bool fill(QSqlDatabase &db, QString *error)
{
    static const char *const names[] = {"Ada",   "Grace", "Linus",  "Barbara", "Ken",    "Margaret", "Dennis",
                                        "Frances", "Guido", "Radia", "Edsger",  "Hedy",   "Alan",     "Katherine",
                                        "Donald", "Sophie", "Tim",   "Anita",   "Bjarne", "Joan"};
    static const char *const productNames[] = {"Keyboard", "Mouse",  "Monitor", "Laptop stand", "USB cable", "Headset",
                                               "Webcam",   "Desk lamp", "Notebook", "Pen", "Backpack", "Mug"};
    static_assert(std::size(names) == DemoDatabase::users && std::size(productNames) == DemoDatabase::products);
    static const int prices[] = {4990, 1990, 17900, 3450, 790, 5990, 4490, 2990, 350, 150, 6990, 1190};

    QSqlQuery q(db);
    const char *const schema[] = {
        "CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT NOT NULL, email TEXT NOT NULL, joined TEXT NOT NULL)",
        "CREATE TABLE products (id INTEGER PRIMARY KEY, name TEXT NOT NULL, price REAL NOT NULL)",
        "CREATE TABLE orders (id INTEGER PRIMARY KEY, user_id INTEGER NOT NULL REFERENCES users(id),"
        " product_id INTEGER NOT NULL REFERENCES products(id), quantity INTEGER NOT NULL, ordered TEXT NOT NULL)",
        "CREATE INDEX orders_by_user ON orders(user_id)"};
    for (const char *sql : schema) {
        if (!exec(q, QString::fromLatin1(sql), error))
            return false;
    }
    if (!db.transaction()) {
        *error = db.lastError().text();
        return false;
    }
    Sequence seq;
    q.prepare(QStringLiteral("INSERT INTO users VALUES (?, ?, ?, ?)"));
    for (int i = 0; i < DemoDatabase::users; ++i) {
        const QString name = QString::fromLatin1(names[i]);
        q.addBindValue(i + 1);
        q.addBindValue(name);
        q.addBindValue(name.toLower() + QStringLiteral("@example.com"));
        q.addBindValue(QStringLiteral("2024-%1-%2").arg(1 + i % 12, 2, 10, QLatin1Char('0')).arg(1 + (i * 7) % 28, 2, 10, QLatin1Char('0')));
        if (!q.exec()) {
            *error = q.lastError().text();
            return false;
        }
    }
    q.prepare(QStringLiteral("INSERT INTO products VALUES (?, ?, ?)"));
    for (int i = 0; i < DemoDatabase::products; ++i) {
        q.addBindValue(i + 1);
        q.addBindValue(QString::fromLatin1(productNames[i]));
        q.addBindValue(prices[i] / 100.0);
        if (!q.exec()) {
            *error = q.lastError().text();
            return false;
        }
    }
    q.prepare(QStringLiteral("INSERT INTO orders VALUES (?, ?, ?, ?, ?)"));
    for (int i = 0; i < DemoDatabase::orders; ++i) {
        q.addBindValue(i + 1);
        q.addBindValue(1 + seq.next(DemoDatabase::users));
        q.addBindValue(1 + seq.next(DemoDatabase::products));
        q.addBindValue(1 + seq.next(4));
        q.addBindValue(QStringLiteral("2025-%1-%2").arg(1 + seq.next(12), 2, 10, QLatin1Char('0')).arg(1 + seq.next(28), 2, 10, QLatin1Char('0')));
        if (!q.exec()) {
            *error = q.lastError().text();
            return false;
        }
    }
    if (!db.commit()) {
        *error = db.lastError().text();
        return false;
    }
    return true;
}

} // namespace

QString DemoDatabase::pathIn(const QString &folder)
{
    const QString dir = folder.isEmpty() ? QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) : folder;
    return QDir(dir).filePath(QString::fromLatin1(fileName));
}

bool DemoDatabase::create(const QString &path, QString *error)
{
    // A connection of its own, under a name no other thread uses, removed before returning.
    const QString name = QStringLiteral("concviz-demo-create-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
    bool ok = false;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        if (!db.open())
            *error = db.lastError().text();
        else
            ok = fill(db, error);
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return ok;
}

QString DemoDatabase::ensure(QString *error)
{
    static QMutex creating;
    const QMutexLocker lock(&creating);
    const QString path = pathIn();
    if (QFileInfo::exists(path))
        return path;
    const QString folder = QFileInfo(path).absolutePath();
    if (!QDir().mkpath(folder)) {
        *error = QStringLiteral("cannot make the folder for the demo database: %1").arg(QDir::toNativeSeparators(folder));
        return {};
    }
    const QString partial = path + QStringLiteral(".") + QUuid::createUuid().toString(QUuid::Id128) + QStringLiteral(".part");
    QString why;
    if (!create(partial, &why)) {
        QFile::remove(partial);
        *error = QStringLiteral("cannot make the demo database %1: %2").arg(QDir::toNativeSeparators(path), why);
        return {};
    }
    // Another process may have made it meanwhile: theirs has the same rows, so either one will do.
    if (!QFile::rename(partial, path)) {
        QFile::remove(partial);
        if (!QFileInfo::exists(path)) {
            *error = QStringLiteral("cannot put the demo database in place: %1").arg(QDir::toNativeSeparators(path));
            return {};
        }
    }
    return path;
}

} // namespace concviz
