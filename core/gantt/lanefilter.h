#pragma once

#include "ganttmodel.h"

#include <QString>
#include <QStringList>

namespace concviz {

// What a user looks for among the lanes: "request#7", "failed", "timed out fetch", "waiting". Words
// that name a state (ok, failed, timed out, cancelled, waiting) keep the lanes in any of those
// states; every other word must appear in the task's name, in any case.
class LaneFilter
{
public:
    explicit LaneFilter(const QString &text = {});

    bool isEmpty() const { return m_words.isEmpty() && m_outcomes.isEmpty() && !m_waiting; }
    bool matches(const GanttModel::Lane &lane) const;

private:
    QStringList m_words;
    QList<Outcome> m_outcomes;
    bool m_waiting = false;
};

} // namespace concviz
