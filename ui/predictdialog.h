#pragma once

#include "scenario/strategyspec.h"

#include <QDialog>

class QDoubleSpinBox;
class QSlider;

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

private:
    QList<QSlider *> m_sliders;
    QList<QDoubleSpinBox *> m_seconds;
};

} // namespace concviz
