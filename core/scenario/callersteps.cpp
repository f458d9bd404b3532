#include "callersteps.h"

#include "limits.h"
#include "numberformat.h"
#include "scenariofields.h"

namespace concviz {

QString callerStepsText(const QList<CallerStep> &steps)
{
    QStringList parts;
    for (int i = 0; i < steps.size(); ++i) {
        const CallerStep &s = steps[i];
        const QString body = callerStepKindName(s.kind) + QLatin1Char(' ') + formatNumber(s.durationMs);
        // The name a file that leaves it out gets is not worth writing back.
        const bool named = !s.name.isEmpty() && s.name != QStringLiteral("step %1").arg(i + 1);
        parts.append(named ? s.name + QStringLiteral(": ") + body : body);
    }
    return parts.join(QStringLiteral("; "));
}

std::optional<QList<CallerStep>> parseCallerSteps(const QString &text, QString *error)
{
    QString ignored;
    if (!error)
        error = &ignored;
    QList<CallerStep> steps;
    const QStringList parts = text.split(QLatin1Char(';'), Qt::SkipEmptyParts);
    for (int i = 0; i < parts.size(); ++i) {
        const QString part = parts[i].trimmed();
        if (part.isEmpty())
            continue;
        if (steps.size() == Limits::maxCallerSteps) {
            *error = QStringLiteral("at most %1 steps").arg(Limits::maxCallerSteps);
            return std::nullopt;
        }
        CallerStep step;
        step.name = QStringLiteral("step %1").arg(steps.size() + 1);
        QString body = part;
        if (const int colon = part.lastIndexOf(QLatin1Char(':')); colon >= 0) {
            step.name = part.left(colon).trimmed();
            body = part.mid(colon + 1).trimmed();
        }
        const QStringList words = body.split(QLatin1Char(' '), Qt::SkipEmptyParts);
        const QString where = QStringLiteral("step %1 (\"%2\")").arg(steps.size() + 1).arg(part);
        if (words.size() != 2) {
            *error = QStringLiteral("%1: write KIND MS, as in \"blocking 300\", with a name before a colon if you like").arg(where);
            return std::nullopt;
        }
        if (!ScenarioFields::callerKind.choices.contains(words[0])) {
            *error = QStringLiteral("%1: the kind must be sleep, blocking or cpu, not \"%2\"").arg(where, words[0]);
            return std::nullopt;
        }
        step.kind = callerStepKindFrom(words[0]);
        bool ok = false;
        step.durationMs = words[1].toDouble(&ok);
        if (const QString problem = ok ? ScenarioFields::callerDurationMs.check(step.durationMs) : QStringLiteral("must be a number");
            !problem.isEmpty()) {
            *error = QStringLiteral("%1: the time %2").arg(where, problem);
            return std::nullopt;
        }
        steps.append(step);
    }
    return steps;
}

} // namespace concviz
