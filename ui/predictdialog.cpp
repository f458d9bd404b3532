#include "predictdialog.h"

#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QListWidget>
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
    auto *layout = m_layout = new QVBoxLayout(this);
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

void PredictDialog::offerFinishOrder(const QString &strategy, const QStringList &tasks)
{
    m_orderBox = new QGroupBox(tr("Also guess the order they finish under %1").arg(strategy), this);
    m_orderBox->setCheckable(true);
    m_orderBox->setChecked(false);
    auto *row = new QHBoxLayout(m_orderBox);
    m_order = new QListWidget(m_orderBox);
    m_order->setObjectName(QStringLiteral("finishOrder"));
    m_order->addItems(tasks);
    m_order->setDragDropMode(QAbstractItemView::InternalMove);
    m_order->setToolTip(tr("First to finish at the top: drag the tasks, or move the chosen one with Up and Down"));
    m_order->setCurrentRow(0);
    auto *moves = new QVBoxLayout;
    auto *up = new QPushButton(tr("&Up"), m_orderBox);
    auto *down = new QPushButton(tr("Do&wn"), m_orderBox);
    connect(up, &QPushButton::clicked, this, [this] { moveSelected(-1); });
    connect(down, &QPushButton::clicked, this, [this] { moveSelected(1); });
    moves->addWidget(up);
    moves->addWidget(down);
    moves->addStretch(1);
    row->addWidget(m_order, 1);
    row->addLayout(moves);
    // Above the buttons, the last item of the layout.
    m_layout->insertWidget(m_layout->count() - 1, m_orderBox, 1);
}

void PredictDialog::moveSelected(int by)
{
    const int row = m_order->currentRow();
    const int to = row + by;
    if (row < 0 || to < 0 || to >= m_order->count())
        return;
    m_order->insertItem(to, m_order->takeItem(row));
    m_order->setCurrentRow(to);
}

QStringList PredictDialog::finishOrder() const
{
    QStringList names;
    if (!m_orderBox || !m_orderBox->isChecked())
        return names;
    for (int i = 0; i < m_order->count(); ++i)
        names << m_order->item(i)->text();
    return names;
}

void PredictDialog::setFinishOrder(const QStringList &names)
{
    if (!m_orderBox)
        return;
    m_orderBox->setChecked(true);
    // Two tasks of one name are taken in turn, as FinishOrder does.
    int place = 0;
    for (const QString &name : names) {
        for (int row = place; row < m_order->count(); ++row) {
            if (m_order->item(row)->text() == name) {
                m_order->insertItem(place++, m_order->takeItem(row));
                break;
            }
        }
    }
}

} // namespace concviz
