#include "predictdialog.h"

#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QSignalBlocker>
#include <QSlider>
#include <QVBoxLayout>

namespace concviz {

namespace {
// Slider steps: fine enough that a guess lands within a hundredth of the range.
constexpr int steps = 1000;
} // namespace

PredictDialog::PredictDialog(const QList<StrategySpec> &strategies, double upToMs, QWidget *parent)
    : QDialog(parent)
{
    setWindowTitle(tr("Predict, then Run"));
    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(tr("How long will each take? Guess first; the run shows your guess beside the truth."), this);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    auto *form = new QFormLayout;
    const double upToS = upToMs / 1000.0;
    for (const StrategySpec &strategy : strategies) {
        auto *slider = new QSlider(Qt::Horizontal, this);
        slider->setRange(0, steps);
        slider->setMinimumWidth(320);
        auto *seconds = new QDoubleSpinBox(this);
        seconds->setRange(0, 86400);
        seconds->setDecimals(2);
        seconds->setSuffix(tr(" s"));
        seconds->setSingleStep(0.1);
        // The two stay in step; typing may go past the slider's end.
        connect(slider, &QSlider::valueChanged, seconds, [seconds, upToS](int v) {
            const QSignalBlocker quiet(seconds);
            seconds->setValue(upToS * v / steps);
        });
        connect(seconds, &QDoubleSpinBox::valueChanged, slider, [slider, upToS](double s) {
            const QSignalBlocker quiet(slider);
            slider->setValue(upToS > 0 ? static_cast<int>(std::min(1.0, s / upToS) * steps + 0.5) : 0);
        });
        auto *row = new QHBoxLayout;
        row->addWidget(slider, 1);
        row->addWidget(seconds);
        form->addRow(strategy.toString(), row);
        m_sliders << slider;
        m_seconds << seconds;
    }
    layout->addLayout(form);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    buttons->addButton(tr("&Reveal: run it"), QDialogButtonBox::AcceptRole)->setDefault(true);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
}

QList<double> PredictDialog::guessesMs() const
{
    QList<double> out;
    for (const QDoubleSpinBox *s : m_seconds)
        out << s->value() * 1000.0;
    return out;
}

void PredictDialog::setGuessMs(int strategy, double ms)
{
    m_seconds.at(strategy)->setValue(ms / 1000.0);
}

} // namespace concviz
