#pragma once

#include "trace/traceevent.h"

#include <array>

#include <QBrush>
#include <QList>
#include <QColor>
#include <QFont>
#include <QPalette>
#include <QString>

namespace concviz {

// Colours, patterns and sizes for everything ConcViz paints. The state colours are the Okabe–Ito
// palette, safe for the common kinds of colour blindness, and no state is told by colour alone:
// waits are hatched, and each end state has its own mark.
class Theme
{
public:
    enum class Kind { System, Light, Dark, Projector };

    static Theme make(Kind kind, const QPalette &systemPalette);
    static QString kindName(Kind kind);
    static Kind kindFromName(const QString &name);

    Kind kind = Kind::System;
    bool dark = false;
    QColor background;
    QColor text;
    QColor mutedText;
    QColor grid;
    QColor laneStripe;
    QColor groupHeader;
    QColor running;
    QColor nowLine;
    QColor marker;
    QColor deadline;
    QColor selection;
    int laneHeight = 22;
    int headerHeight = 30;
    int labelWidth = 150;
    int axisHeight = 28;
    int callerHeight = 24; // the row under each run for the caller's markers
    QFont font;
    QFont boldFont;

    // The colour of bars and swatches for an end state (Okabe–Ito).
    QColor outcomeColor(Outcome outcome) const;
    // The colour of its mark and name as text (✓ ok, ✗ failed, …): the same hue, darkened or
    // lightened until it reads at WCAG AA (4.5:1) on the background and the lane stripes.
    QColor outcomeTextColor(Outcome outcome) const;
    // Text in the colour of the caller's markers and of the deadline, readable the same way.
    QColor markerText;
    QColor deadlineText;
    // The class's prediction (Run ▸ Predict): its dotted line, and its words ("guessed #2").
    QColor guess;
    QColor guessText;

    // WCAG 2 contrast ratio of two colours, from 1 (the same) to 21 (black on white).
    static double contrastRatio(const QColor &a, const QColor &b);
    // `colour`, made darker on a light theme or lighter on a dark one until it reads at `ratio`
    // or better on each of `surfaces`.
    static QColor readableOn(const QColor &colour, const QList<QColor> &surfaces, double ratio = 4.5);
    QColor phaseColor(PhaseKind kind) const;
    Qt::BrushStyle phasePattern(PhaseKind kind) const;

private:
    std::array<QColor, 5> m_outcomeText; // by Outcome
};

} // namespace concviz
