#pragma once

#include "gantt/runevents.h"

#include <QElapsedTimer>
#include <QTimer>
#include <QWidget>

class QComboBox;
class QLabel;
class QSlider;
class QToolButton;

namespace concviz {

// Playback of finished runs, as a video player has it: play and pause, a speed from 0.1× to 10×,
// a track to scrub, and steps to the next and previous event of any of the runs. It owns the
// instant; whoever draws the state listens to positionChanged. Steps are exact at any speed
// because every state is recomputed from the traces.
class PlaybackBar : public QWidget
{
    Q_OBJECT
public:
    explicit PlaybackBar(QWidget *parent = nullptr);

    // The runs to play back, on one time axis; the instant goes back to 0, paused.
    void setTraces(const QList<Trace> &traces);
    Micros position() const { return m_position; }
    Micros end() const { return m_end; }
    void setPosition(Micros time);
    void play();
    void pause();
    void togglePlaying();
    bool isPlaying() const { return m_ticker.isActive(); }
    // How many times real speed, from 0.1 to 10.
    void setSpeed(double speed);
    double speed() const;
    // To the next (previous) instant at which anything happened in any run; false at the end (start).
    bool stepForward();
    bool stepBack();
    // What happened at the instant shown, in words, each run's named when there are several:
    // "gather: B acquired a permit (2 of 3 in use)"; empty between events.
    QString eventText() const;

Q_SIGNALS:
    void positionChanged(Micros time);
    void closeRequested();

private:
    void tick();
    void showPosition();

    QList<Trace> m_traces;
    std::vector<RunEvents> m_events; // one per trace
    Micros m_position = 0;
    Micros m_end = 0;
    qint64 m_scale = 1; // microseconds per slider step, so a long run fits the slider's int
    QTimer m_ticker;
    QElapsedTimer m_clock;
    QToolButton *m_back;
    QToolButton *m_play;
    QToolButton *m_forward;
    QSlider *m_track;
    QLabel *m_time;
    QComboBox *m_speed;
};

} // namespace concviz
