#pragma once

#include <QJsonValue>
#include <QString>
#include <QStringList>

namespace concviz {

// A number as people and JSON write it: "90000000", "1.5", never "9e+07".
QString formatNumber(double value);
// A time too long for a run, as a person reads it: "30.5 hours", "4999 days".
QString formatLongDuration(double ms);
// "the last of 5000 tasks would start after 4999 days, past the 24 hours a run may take", or empty
// when `lastStartMs` fits: what a strategy that spaces its starts says of a schedule too long.
QString lateStartProblem(double lastStartMs, int tasks);
// A string as JSON writes it, quotes and escapes included: "a \"b\"".
QString jsonString(const QString &text);
// Any JSON value on one line, with a space after each separator, the way people write small JSON
// by hand: {"name": "Ada", "tags": ["x", 2]}.
QString compactJson(const QJsonValue &value);
// Words as a sentence lists them: "a", "a and b", "a, b and c" (or "or").
QString listInWords(QStringList words, const QString &conjunction);

} // namespace concviz
