#pragma once

#include "limits.h"

#include <QJsonValue>
#include <QString>
#include <QStringList>
#include <QVariant>

#include <optional>

namespace concviz {

// One field of a scenario file, declared once: its key, type, range, default and help. The reader,
// the writer, the editor and every message about it follow this declaration, so a limit is
// written in one place.
struct Field
{
    enum class Type {
        Millis,  // milliseconds, up to 24 hours
        Integer, // a whole number from `minimum` to `maximum`
        Text,
        Bool,
        Url,     // an http or https URL
        Choice,  // one word of `choices`, written in capitals (an HTTP method)
        Word,    // one word of `choices`, exactly as listed (thread or process)
        Headers, // an object of header names to strings
        Database, // demo, sqlite:PATH or postgresql://user:password@host:port/dbname
    };

    QString key = {};
    Type type = Type::Text;
    double minimum = 0;  // Integer: the range; Millis: 0 or above 0, see allowZero
    double maximum = 0;
    bool allowZero = true; // Millis
    bool required = false;
    QStringList choices = {};
    QVariant defaultValue = {}; // what a file that leaves it out means; none when invalid
    QString help = {};          // one sentence: the editor's tooltip and the README
    QString unit = {};
    QVariant example = {};      // what the editor puts in a new task, when not the default
    bool alwaysWritten = false; // written even when it holds the default
    QString misplaced = {};     // how "only blocking and cpu tasks ..." ends when another kind has it

    // Reads the field's JSON value. On failure returns nothing and sets *error to a sentence and
    // *subPath to where below the field it is (".X-Token" for one header), usually empty.
    std::optional<QVariant> read(const QJsonValue &value, QString *error, QString *subPath) const;
    // Checks a value already of the field's type (as the editor holds it); the sentence, or empty.
    // When given, *subPath is set as read() sets it: ".X-Token" for a bad header.
    QString check(const QVariant &value, QString *subPath = nullptr) const;
    // The value as JSON text on one line: 1500, "failed", true, {"Accept": "text/plain"}.
    QString write(const QVariant &value) const;

private:
    // What a Millis or Integer field must be: "must be a whole number from 1 to 256".
    QString numberSentence() const;
};

} // namespace concviz
