#pragma once

#include "limits.h"

#include <QString>
#include <QStringList>
#include <QVariant>

#include <optional>

namespace concviz {

// One parameter of a strategy, declared once in the strategy's own file. Parsing of both written
// forms, printing, the help text, the messages and the editor's choices all come from it.
struct StrategyParam
{
    enum class Type {
        Count,  // a whole number from 1 to 1,000,000
        Millis, // milliseconds up to 24 hours
        Flag,   // a word that is there or not ("return_exceptions")
        Choice, // one word of `choices` ("first_completed")
    };

    Type type = Type::Count;
    QString key = {};          // its key in the object form and in StrategySpec: "workers", "interval_ms"
    QString textKey = {};      // "key=value" in the string form; empty for a positional parameter
    QString placeholder = {};  // how the syntax shows its value: "N", "PERIOD_MS", "M"
    QString what = {};         // how messages name it: "the semaphore's permits"
    QString need = {};         // what a strategy missing it needs: "its number of permits"
    QString help = {};         // one sentence for the help text and the editor
    QStringList choices = {};  // Choice: the words it takes
    bool allowZero = false; // Millis: whether 0 is a valid value

    bool isPositional() const { return textKey.isEmpty(); }

    // Reads the written value of this parameter: a number, a flag word, a choice. On failure returns
    // nothing and sets *error to a sentence naming the parameter and the value.
    std::optional<QVariant> read(const QString &text, QString *error) const;
    // The value as the string form writes it.
    QString write(const QVariant &value) const;
    // Whether the value is the one an omitted optional parameter has (0, false), so it is not written.
    static bool isUnset(const QVariant &value);
};

// Shorthands for the declarations in the strategy files, one line each.
// A count written first, after the colon: semaphore:N.
StrategyParam countParam(const QString &key, const QString &placeholder, const QString &what, const QString &need, const QString &help);
// A time written first, after the colon, never 0: rate_limit:5/PERIOD_MS.
StrategyParam millisParam(const QString &key, const QString &placeholder, const QString &what, const QString &help);
// A count or a time written key=value after the first parameter: queue:3,maxsize=5,interval=100.
StrategyParam namedCountParam(const QString &key, const QString &placeholder, const QString &help);
StrategyParam namedMillisParam(const QString &key, const QString &textKey, const QString &placeholder, const QString &help);
// A word that is there or not (gather:return_exceptions), or one word of several (wait:first_completed).
StrategyParam flagParam(const QString &key, const QString &what, const QString &help);
StrategyParam choiceParam(const QString &key, const QStringList &choices, const QString &what, const QString &help);

} // namespace concviz
