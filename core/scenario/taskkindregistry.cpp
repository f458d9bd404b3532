#include "taskkindregistry.h"

#include "numberformat.h"

namespace concviz {

QString taskKindNames()
{
    QStringList names;
    for (const TaskKindDefinition *d : TaskKindRegistry::all())
        names.append(d->name);
    return names.join(QStringLiteral(", "));
}

QString requiredSentence(const TaskKindDefinition &kind)
{
    // Kind names are read letter by letter where they are abbreviations: "an http task", "a cpu task".
    const bool an = QStringLiteral("aeiouh").contains(kind.name.left(1));
    return QStringLiteral("required for %1 %2 task").arg(an ? QStringLiteral("an") : QStringLiteral("a"), kind.name);
}

QString misplacedSentence(const QString &key, const QVariant &value)
{
    QStringList owners;
    QString ending = QStringLiteral("take %1").arg(key);
    for (const TaskKindDefinition *d : TaskKindRegistry::all()) {
        if (const Field *f = d->field(key)) {
            if (f->defaultValue.isValid() && value == f->defaultValue)
                return {};
            owners.append(d->name);
            if (!f->misplaced.isEmpty())
                ending = f->misplaced;
        }
    }
    if (owners.isEmpty())
        return {};
    return QStringLiteral("only %1 tasks %2").arg(listInWords(owners, QStringLiteral("and")), ending);
}

} // namespace concviz
