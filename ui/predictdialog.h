#pragma once

#include "scenario/strategyspec.h"

#include <QDialog>

class QDoubleSpinBox;
class QGroupBox;
class QListWidget;
class QSlider;
class QVBoxLayout;

namespace concviz {

// Run ▸ Predict: before a run, the class says how long each strategy will take, on a slider along
// the time (or typed), and only then sees the run, its guesses drawn beside the truth.
class PredictDialog : public QDialog
{
    Q_OBJECT
public:
    // `upToMs`: the slider's end, a time no run of this scenario is near (so it gives nothing away).
    PredictDialog(const QList<StrategySpec> &strategies, double upToMs, QWidget *parent = nullptr);

    // The guesses in milliseconds, one per strategy, in order.
    QList<double> guessesMs() const;
    void setGuessMs(int strategy, double ms);

    // Offers, as an option, to put the tasks in the order they will finish under `strategy`:
    // a list to drag (or move with Up and Down), in the scenario's order to begin with.
    void offerFinishOrder(const QString &strategy, const QStringList &tasks);
    // The order put, first to finish first; empty when the option was left off.
    QStringList finishOrder() const;
    // Turns the option on with this order (names the list does not have are left out).
    void setFinishOrder(const QStringList &names);

private:
    void moveSelected(int by);

    QVBoxLayout *m_layout;
    QList<QSlider *> m_sliders;
    QList<QDoubleSpinBox *> m_seconds;
    QGroupBox *m_orderBox = nullptr;
    QListWidget *m_order = nullptr;
};

} // namespace concviz
