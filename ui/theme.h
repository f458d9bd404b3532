#pragma once

#include "trace/traceevent.h"

#include <QBrush>
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

    QColor outcomeColor(Outcome outcome) const;
    QColor phaseColor(PhaseKind kind) const;
    Qt::BrushStyle phasePattern(PhaseKind kind) const;
};

} // namespace concviz
