#include "field.h"

#include "databasetarget.h"
#include "numberformat.h"

#include <QJsonObject>
#include <QUrl>
#include <QVariantMap>

#include <algorithm>
#include <cmath>

namespace concviz {

namespace {

QString checkUrl(const QString &text)
{
    const QUrl parsed(text, QUrl::StrictMode);
    const QString scheme = parsed.scheme().toLower();
    const bool web = scheme == QLatin1String("http") || scheme == QLatin1String("https");
    if (!web && !scheme.isEmpty())
        return QStringLiteral("only http and https URLs can be fetched, not %1:").arg(scheme);
    if (!parsed.isValid() || parsed.host().isEmpty() || !web)
        return QStringLiteral("\"%1\" is not a valid http or https URL").arg(text);
    return {};
}

// RFC 9110's tchar: what a header name (a token) may be made of.
bool isTokenChar(QChar c)
{
    static const QLatin1String punctuation("!#$%&'*+-.^_`|~");
    const char16_t u = c.unicode();
    return (u >= u'a' && u <= u'z') || (u >= u'A' && u <= u'Z') || (u >= u'0' && u <= u'9') || punctuation.contains(c);
}

// A header the request could carry as written. A name that is no token, or a value with a line
// break, would let a scenario file write header lines of its own into the request (or break it);
// NUL cuts the value short on many servers.
QString checkHeader(const QString &name, const QString &value)
{
    if (name.isEmpty())
        return QStringLiteral("a header needs a name");
    if (!std::all_of(name.begin(), name.end(), isTokenChar))
        return QStringLiteral("not a header name: only letters, digits and !#$%&'*+-.^_`|~ may be in one");
    if (value.contains(QLatin1Char('\r')) || value.contains(QLatin1Char('\n')))
        return QStringLiteral("a header value must not hold a line break (CR or LF): it would start a header line of its own");
    if (value.contains(QChar(u'\0')))
        return QStringLiteral("a header value must not hold a NUL character");
    return {};
}

// Where one header is: ".X-Token", or ["X A"] with JSON's escapes for a name that is no token, so
// that the message shows a line break in it as \r\n instead of breaking its own line.
QString headerPath(const QString &name)
{
    if (!name.isEmpty() && std::all_of(name.begin(), name.end(), isTokenChar))
        return QLatin1Char('.') + name;
    return QLatin1Char('[') + jsonString(name) + QLatin1Char(']');
}

QString checkHeaders(const QVariantMap &headers, QString *subPath)
{
    for (auto it = headers.begin(); it != headers.end(); ++it) {
        const QString problem = checkHeader(it.key(), it.value().toString());
        if (!problem.isEmpty()) {
            if (subPath)
                *subPath = headerPath(it.key());
            return problem;
        }
    }
    return {};
}

} // namespace

std::optional<QVariant> Field::read(const QJsonValue &v, QString *error, QString *subPath) const
{
    subPath->clear();
    QVariant value;
    switch (type) {
    case Type::Millis:
    case Type::Integer:
        if (!v.isDouble()) {
            *error = numberSentence();
            return std::nullopt;
        }
        value = v.toDouble();
        break;
    case Type::Text:
    case Type::Url:
    case Type::Choice:
    case Type::Word:
    case Type::Database:
        if (!v.isString()) {
            *error = QStringLiteral("must be a string");
            return std::nullopt;
        }
        value = type == Type::Choice ? v.toString().toUpper() : v.toString();
        break;
    case Type::Bool:
        if (!v.isBool()) {
            *error = QStringLiteral("must be true or false");
            return std::nullopt;
        }
        value = v.toBool();
        break;
    case Type::Headers: {
        if (!v.isObject()) {
            *error = QStringLiteral("must be an object of header names to strings");
            return std::nullopt;
        }
        const QJsonObject o = v.toObject();
        QVariantMap headers;
        for (auto it = o.begin(); it != o.end(); ++it) {
            if (!it.value().isString()) {
                *error = QStringLiteral("must be a string");
                *subPath = QLatin1Char('.') + it.key();
                return std::nullopt;
            }
            headers.insert(it.key(), it.value().toString());
        }
        value = headers;
        break;
    }
    }
    *error = check(value, subPath);
    if (!error->isEmpty())
        return std::nullopt;
    if (type == Type::Integer)
        return QVariant(static_cast<qint64>(value.toDouble()));
    return value;
}

QString Field::numberSentence() const
{
    if (type == Type::Integer)
        return QStringLiteral("must be a whole number from %1 to %2").arg(static_cast<qint64>(minimum)).arg(static_cast<qint64>(maximum));
    return allowZero ? QStringLiteral("must be a non-negative number") : QStringLiteral("must be a number above 0");
}

QString Field::check(const QVariant &value, QString *subPath) const
{
    switch (type) {
    case Type::Millis: {
        const double ms = value.toDouble();
        if (!std::isfinite(ms) || ms < 0 || (!allowZero && ms == 0))
            return numberSentence();
        if (ms > Limits::maxMs)
            return QStringLiteral("%1 ms is more than 24 hours").arg(formatNumber(ms));
        return {};
    }
    case Type::Integer: {
        const double d = value.toDouble();
        if (d != std::floor(d) || d < minimum || d > maximum)
            return numberSentence();
        return {};
    }
    case Type::Url:
        return checkUrl(value.toString());
    case Type::Choice:
    case Type::Word:
        if (!choices.contains(value.toString()))
            return QStringLiteral("must be %1").arg(listInWords(choices, QStringLiteral("or")));
        return {};
    case Type::Headers:
        return checkHeaders(value.toMap(), subPath);
    case Type::Database: {
        QString problem;
        DatabaseTarget::parse(value.toString(), &problem);
        return problem;
    }
    case Type::Text:
    case Type::Bool:
        return {};
    }
    return {};
}

QString Field::write(const QVariant &value) const
{
    switch (type) {
    case Type::Millis:
        return formatNumber(value.toDouble());
    case Type::Integer:
        return QString::number(value.toLongLong());
    case Type::Bool:
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case Type::Text:
    case Type::Url:
    case Type::Choice:
    case Type::Word:
    case Type::Database:
        return jsonString(value.toString());
    case Type::Headers:
        return compactJson(QJsonObject::fromVariantMap(value.toMap()));
    }
    return {};
}

} // namespace concviz
