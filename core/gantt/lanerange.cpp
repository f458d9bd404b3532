#include "lanerange.h"

namespace concviz {

namespace {

// "request#12" → base "request", number "12"; an empty number when the name is not numbered.
void splitNumbered(const QString &name, QString *base, QString *number)
{
    const qsizetype hash = name.lastIndexOf(QLatin1Char('#'));
    if (hash > 0 && hash + 1 < name.size()) {
        const QString digits = name.mid(hash + 1);
        bool ok = false;
        digits.toUInt(&ok);
        if (ok) {
            *base = name.left(hash);
            *number = digits;
            return;
        }
    }
    *base = name;
    number->clear();
}

} // namespace

QString laneRangeName(const QString &first, const QString &last)
{
    if (first == last)
        return first;
    QString firstBase, firstNumber, lastBase, lastNumber;
    splitNumbered(first, &firstBase, &firstNumber);
    splitNumbered(last, &lastBase, &lastNumber);
    if (!firstNumber.isEmpty() && !lastNumber.isEmpty() && firstBase == lastBase)
        return QStringLiteral("%1#%2–%3").arg(firstBase, firstNumber, lastNumber);
    return QStringLiteral("%1 … %2").arg(first, last);
}

} // namespace concviz
