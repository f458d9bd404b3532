#include "lanefilter.h"

namespace concviz {

LaneFilter::LaneFilter(const QString &text)
{
    QString words = text.simplified().toLower();
    words.replace(QLatin1String("timed out"), QLatin1String("timeout"));
    for (const QString &word : words.split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
        if (word == QLatin1String("ok") || word == QLatin1String("succeeded"))
            m_outcomes.append(Outcome::Ok);
        else if (word == QLatin1String("failed") || word == QLatin1String("fail"))
            m_outcomes.append(Outcome::Failed);
        else if (word == QLatin1String("timeout") || word == QLatin1String("timed-out"))
            m_outcomes.append(Outcome::Timeout);
        else if (word == QLatin1String("cancelled") || word == QLatin1String("canceled"))
            m_outcomes.append(Outcome::Cancelled);
        else if (word == QLatin1String("waiting") || word == QLatin1String("waited"))
            m_waiting = true;
        else
            m_words.append(word);
    }
}

bool LaneFilter::matches(const GanttModel::Lane &lane) const
{
    for (const QString &word : m_words) {
        if (!lane.name.contains(word, Qt::CaseInsensitive))
            return false;
    }
    if (m_outcomes.isEmpty() && !m_waiting)
        return true;
    return m_outcomes.contains(lane.outcome) || (m_waiting && lane.waited);
}

} // namespace concviz
