#include "playbackbar.h"

#include "trace/timeformat.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QSignalBlocker>
#include <QSlider>
#include <QToolButton>

#include <algorithm>

namespace concviz {

namespace {
constexpr int tickMs = 16; // a frame
constexpr double speeds[] = {0.1, 0.25, 0.5, 1, 2, 5, 10};
constexpr int normalSpeed = 3;
} // namespace

PlaybackBar::PlaybackBar(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("playbackBar"));
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(6, 4, 6, 4);
    auto button = [this](const QString &text, const QString &tip) {
        auto *b = new QToolButton(this);
        b->setText(text);
        b->setToolTip(tip);
        b->setAutoRaise(false);
        return b;
    };
    m_back = button(tr("← Previous"), tr("Back to the previous event (←)"));
    m_play = button(tr("▶ Play"), tr("Play or pause (K)"));
    m_forward = button(tr("Next →"), tr("On to the next event (→)"));
    m_track = new QSlider(Qt::Horizontal, this);
    m_track->setToolTip(tr("Drag to any instant (or press on the timeline's time axis)"));
    m_time = new QLabel(this);
    m_time->setObjectName(QStringLiteral("playbackTime"));
    m_speed = new QComboBox(this);
    m_speed->setToolTip(tr("Playback speed"));
    for (double s : speeds)
        m_speed->addItem(QStringLiteral("%1×").arg(s), s);
    m_speed->setCurrentIndex(normalSpeed);
    auto *close = button(tr("Leave"), tr("Leave playback (Esc)"));
    layout->addWidget(m_back);
    layout->addWidget(m_play);
    layout->addWidget(m_forward);
    layout->addWidget(m_track, 1);
    layout->addWidget(m_time);
    layout->addWidget(m_speed);
    layout->addWidget(close);

    m_ticker.setTimerType(Qt::PreciseTimer);
    m_ticker.setInterval(tickMs);
    connect(&m_ticker, &QTimer::timeout, this, &PlaybackBar::tick);
    connect(m_back, &QToolButton::clicked, this, &PlaybackBar::stepBack);
    connect(m_forward, &QToolButton::clicked, this, &PlaybackBar::stepForward);
    connect(m_play, &QToolButton::clicked, this, &PlaybackBar::togglePlaying);
    connect(close, &QToolButton::clicked, this, &PlaybackBar::closeRequested);
    connect(m_track, &QSlider::valueChanged, this, [this](int value) { setPosition(static_cast<Micros>(value) * m_scale); });
    showPosition();
}

void PlaybackBar::setTraces(const QList<Trace> &traces)
{
    pause();
    m_traces = traces;
    m_events.clear();
    m_end = 0;
    for (const Trace &t : traces) {
        m_events.emplace_back(t);
        m_end = std::max(m_end, t.makespan());
    }
    m_scale = std::max<qint64>(1, m_end / 100000);
    {
        const QSignalBlocker quiet(m_track);
        m_track->setRange(0, static_cast<int>(m_end / m_scale));
        m_track->setPageStep(std::max(1, m_track->maximum() / 20));
    }
    // As wide as the widest time it will show, so the track does not twitch while playing.
    const QString widest = tr("%1 of %2").arg(humanDuration(m_end), humanDuration(m_end));
    m_time->setMinimumWidth(m_time->fontMetrics().horizontalAdvance(widest) + 4);
    m_position = -1;
    setPosition(0);
}

void PlaybackBar::setPosition(Micros time)
{
    time = std::clamp<Micros>(time, 0, m_end);
    if (time == m_position)
        return;
    m_position = time;
    showPosition();
    Q_EMIT positionChanged(m_position);
}

void PlaybackBar::showPosition()
{
    {
        const QSignalBlocker quiet(m_track);
        m_track->setValue(static_cast<int>(m_position / m_scale));
    }
    m_time->setText(tr("%1 of %2").arg(humanDuration(std::max<Micros>(0, m_position)), humanDuration(m_end)));
    m_play->setText(isPlaying() ? tr("Pause") : tr("▶ Play"));
}

void PlaybackBar::play()
{
    if (m_position >= m_end)
        setPosition(0); // from the start again, as a player does
    m_clock.start();
    m_ticker.start();
    showPosition();
}

void PlaybackBar::pause()
{
    m_ticker.stop();
    showPosition();
}

void PlaybackBar::togglePlaying()
{
    isPlaying() ? pause() : play();
}

void PlaybackBar::setSpeed(double speed)
{
    const auto nearest = std::min_element(std::begin(speeds), std::end(speeds),
                                          [speed](double a, double b) { return std::abs(a - speed) < std::abs(b - speed); });
    m_speed->setCurrentIndex(static_cast<int>(nearest - std::begin(speeds)));
}

double PlaybackBar::speed() const
{
    return m_speed->currentData().toDouble();
}

void PlaybackBar::tick()
{
    // Time read from the clock, not counted in ticks: a late frame does not slow the run down.
    const qint64 elapsedUs = m_clock.nsecsElapsed() / 1000;
    m_clock.start();
    const Micros next = m_position + static_cast<Micros>(static_cast<double>(elapsedUs) * speed());
    if (next >= m_end) {
        m_ticker.stop();
        m_position = -1; // always say where it stopped
        setPosition(m_end);
        return;
    }
    setPosition(next);
}

bool PlaybackBar::stepForward()
{
    pause();
    Micros next = -1;
    for (const RunEvents &e : m_events) {
        const Micros t = e.nextAfter(m_position);
        if (t >= 0 && (next < 0 || t < next))
            next = t;
    }
    if (next < 0)
        return false;
    setPosition(next);
    return true;
}

bool PlaybackBar::stepBack()
{
    pause();
    Micros previous = -1;
    for (const RunEvents &e : m_events)
        previous = std::max(previous, e.previousBefore(m_position));
    if (previous < 0)
        return false;
    setPosition(previous);
    return true;
}

QString PlaybackBar::eventText() const
{
    QStringList parts;
    for (std::size_t i = 0; i < m_events.size(); ++i) {
        const QString text = m_events[i].textAt(m_position);
        if (text.isEmpty())
            continue;
        parts << (m_events.size() > 1 ? QStringLiteral("%1: %2").arg(m_traces[static_cast<qsizetype>(i)].strategy, text) : text);
    }
    return parts.join(QStringLiteral(" · "));
}

} // namespace concviz
