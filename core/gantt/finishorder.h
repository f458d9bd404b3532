#pragma once

#include "../trace/trace.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace concviz {

// The class's guess of the order a run's tasks finish in (Run ▸ Predict), beside the order they
// did: each task's place in the run, from 1, tasks ending at the same instant sharing one, and its
// place in the guess. A guess is right when it falls among the places the task's instant covers.
class FinishOrder
{
public:
    // `guess`: task names, the first to finish first; names the run does not have are left out.
    FinishOrder(const Trace &trace, const QStringList &guess);

    // 0 for a task that never finished, or that the guess left out.
    int placeOf(int task) const { return m_place.value(task); }
    int guessedPlaceOf(int task) const { return m_guessed.value(task); }
    bool isRight(int task) const;
    int guessed() const;
    int right() const;
    // In a line: "3 of 5 in their place; first to finish: B (you said A)".
    QString summary() const;

private:
    QStringList m_names;   // by task
    QList<int> m_place;    // by task
    QList<int> m_tied;     // by task: how many share its place
    QList<int> m_guessed;  // by task
};

} // namespace concviz
