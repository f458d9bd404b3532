#include "finishorder.h"

#include <QCoreApplication>

#include <algorithm>

namespace concviz {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("FinishOrder", text);
}

} // namespace

FinishOrder::FinishOrder(const Trace &trace, const QStringList &guess)
    : m_place(trace.tasks.size(), 0)
    , m_tied(trace.tasks.size(), 0)
    , m_guessed(trace.tasks.size(), 0)
{
    QList<int> ended;
    for (int i = 0; i < trace.tasks.size(); ++i) {
        m_names << trace.tasks[i].name;
        if (trace.tasks[i].end >= 0)
            ended << i;
    }
    std::stable_sort(ended.begin(), ended.end(), [&trace](int a, int b) { return trace.tasks[a].end < trace.tasks[b].end; });
    for (qsizetype i = 0; i < ended.size();) {
        qsizetype j = i;
        while (j < ended.size() && trace.tasks[ended[j]].end == trace.tasks[ended[i]].end)
            ++j;
        for (qsizetype k = i; k < j; ++k) {
            m_place[ended[k]] = static_cast<int>(i + 1);
            m_tied[ended[k]] = static_cast<int>(j - i);
        }
        i = j;
    }
    // A name said twice counts once, at its first place; two tasks of one name are taken in turn.
    int place = 0;
    for (const QString &name : guess) {
        for (int i = 0; i < trace.tasks.size(); ++i) {
            if (trace.tasks[i].name == name && m_guessed[i] == 0) {
                m_guessed[i] = ++place;
                break;
            }
        }
    }
}

bool FinishOrder::isRight(int task) const
{
    const int guessed = guessedPlaceOf(task);
    const int place = placeOf(task);
    return guessed > 0 && place > 0 && guessed >= place && guessed < place + m_tied[task];
}

int FinishOrder::guessed() const
{
    return static_cast<int>(std::count_if(m_guessed.begin(), m_guessed.end(), [](int g) { return g > 0; }));
}

int FinishOrder::right() const
{
    int n = 0;
    for (int i = 0; i < m_names.size(); ++i)
        n += isRight(i);
    return n;
}

QString FinishOrder::summary() const
{
    if (guessed() == 0)
        return {};
    QStringList firsts;
    int guessedFirst = -1;
    for (int i = 0; i < m_names.size(); ++i) {
        if (m_place[i] == 1)
            firsts << m_names[i];
        if (m_guessed[i] == 1)
            guessedFirst = i;
    }
    QString text = tr("%1 of %2 in their place").arg(right()).arg(guessed());
    if (!firsts.isEmpty() && guessedFirst >= 0)
        text += tr("; first to finish: %1 (you said %2)").arg(firsts.join(QStringLiteral(", ")), m_names[guessedFirst]);
    return text;
}

} // namespace concviz
