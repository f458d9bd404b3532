#include "theme.h"

#include <algorithm>
#include <cmath>

namespace concviz {

namespace {
// Okabe–Ito.
const QColor orange(0xE6, 0x9F, 0x00);
const QColor skyBlue(0x56, 0xB4, 0xE9);
const QColor green(0x00, 0x9E, 0x73);
const QColor yellow(0xF0, 0xE4, 0x42);
const QColor blue(0x00, 0x72, 0xB2);
const QColor vermillion(0xD5, 0x5E, 0x00);
const QColor purple(0xCC, 0x79, 0xA7);
const QColor grey(0x99, 0x99, 0x99);
} // namespace

QString Theme::kindName(Kind kind)
{
    switch (kind) {
    case Kind::System:
        return QStringLiteral("system");
    case Kind::Light:
        return QStringLiteral("light");
    case Kind::Dark:
        return QStringLiteral("dark");
    case Kind::Projector:
        return QStringLiteral("projector");
    }
    return {};
}

Theme::Kind Theme::kindFromName(const QString &name)
{
    for (Kind k : {Kind::System, Kind::Light, Kind::Dark, Kind::Projector})
        if (kindName(k) == name)
            return k;
    return Kind::System;
}

Theme Theme::make(Kind kind, const QPalette &systemPalette)
{
    Theme t;
    t.kind = kind;
    const bool systemDark = systemPalette.color(QPalette::Window).lightness() < 128;
    t.dark = kind == Kind::Dark || (kind == Kind::System && systemDark);
    if (kind == Kind::Projector) {
        // Black on white, thick and large: readable from the back of a classroom at 1920x1080.
        t.dark = false;
        t.background = Qt::white;
        t.text = Qt::black;
        t.mutedText = QColor(0x33, 0x33, 0x33);
        t.grid = QColor(0xBB, 0xBB, 0xBB);
        t.laneStripe = QColor(0xF2, 0xF2, 0xF2);
        t.groupHeader = QColor(0xE0, 0xE0, 0xE0);
        t.laneHeight = 40;
        t.headerHeight = 40;
        t.labelWidth = 240;
        t.axisHeight = 36;
        t.callerHeight = 30;
        t.font.setPointSize(18);
    } else if (t.dark) {
        t.background = QColor(0x1E, 0x1F, 0x22);
        t.text = QColor(0xE8, 0xE8, 0xE8);
        t.mutedText = QColor(0xA0, 0xA0, 0xA0);
        t.grid = QColor(0x44, 0x46, 0x4B);
        t.laneStripe = QColor(0x26, 0x28, 0x2C);
        t.groupHeader = QColor(0x33, 0x36, 0x3B);
    } else {
        t.background = Qt::white;
        t.text = QColor(0x20, 0x20, 0x20);
        t.mutedText = QColor(0x66, 0x66, 0x66);
        t.grid = QColor(0xDD, 0xDD, 0xDD);
        t.laneStripe = QColor(0xF7, 0xF7, 0xF9);
        t.groupHeader = QColor(0xEC, 0xEE, 0xF2);
        t.font.setPointSize(10);
    }
    if (kind != Kind::Projector)
        t.font.setPointSize(10);
    t.running = blue;
    t.nowLine = vermillion;
    t.marker = t.dark ? yellow : QColor(0x60, 0x30, 0x90);
    t.deadline = vermillion;
    t.selection = t.dark ? QColor(255, 255, 255, 40) : QColor(0, 0, 0, 28);
    t.boldFont = t.font;
    t.boldFont.setBold(true);
    // Marks and labels are text: each is drawn on the background or a lane stripe.
    const QList<QColor> surfaces{t.background, t.laneStripe};
    for (Outcome o : {Outcome::Pending, Outcome::Ok, Outcome::Failed, Outcome::Timeout, Outcome::Cancelled})
        t.m_outcomeText[static_cast<std::size_t>(o)] = readableOn(t.outcomeColor(o), surfaces);
    t.markerText = readableOn(t.marker, surfaces);
    t.deadlineText = readableOn(t.deadline, surfaces);
    // Okabe–Ito's reddish purple: no state of a task has it, so a guess is never read as one.
    t.guess = readableOn(QColor(0xCC, 0x79, 0xA7), surfaces, 3.0);
    t.guessText = readableOn(QColor(0xCC, 0x79, 0xA7), surfaces);
    t.mutedText = readableOn(t.mutedText, {t.background, t.laneStripe, t.groupHeader});
    return t;
}

QColor Theme::outcomeTextColor(Outcome outcome) const
{
    return m_outcomeText[static_cast<std::size_t>(outcome)];
}

double Theme::contrastRatio(const QColor &a, const QColor &b)
{
    auto luminance = [](const QColor &c) {
        auto channel = [](double v) { return v <= 0.04045 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4); };
        return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF());
    };
    const double la = luminance(a);
    const double lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

QColor Theme::readableOn(const QColor &colour, const QList<QColor> &surfaces, double ratio)
{
    auto readsEverywhere = [&](const QColor &c) {
        return std::all_of(surfaces.begin(), surfaces.end(), [&](const QColor &s) { return contrastRatio(c, s) >= ratio; });
    };
    if (surfaces.isEmpty() || readsEverywhere(colour))
        return colour;
    // Towards black on light surfaces, towards white on dark ones, keeping the hue.
    const bool lightSurfaces = surfaces.first().lightnessF() >= 0.5;
    QColor c = colour.toHsl();
    for (int step = 0; step < 100 && !readsEverywhere(c); ++step) {
        const float l = c.lightnessF();
        c.setHslF(c.hslHueF(), c.hslSaturationF(), lightSurfaces ? std::max(0.0f, l - 0.01f) : std::min(1.0f, l + 0.01f));
    }
    return c.toRgb();
}

QColor Theme::outcomeColor(Outcome outcome) const
{
    switch (outcome) {
    case Outcome::Ok:
        return green;
    case Outcome::Failed:
        return vermillion;
    case Outcome::Timeout:
        return orange;
    case Outcome::Cancelled:
        return grey;
    case Outcome::Pending:
        return running;
    }
    return running;
}

QColor Theme::phaseColor(PhaseKind kind) const
{
    switch (kind) {
    case PhaseKind::WaitSemaphore:
    case PhaseKind::WaitRateLimit:
    case PhaseKind::WaitQueue:
    case PhaseKind::WaitSync:
        return orange;
    case PhaseKind::WaitExecutor:
    case PhaseKind::WaitConnection:
        return purple;
    case PhaseKind::LoopBlocked:
        return vermillion;
    case PhaseKind::WaitDatabase:
        return green;
    case PhaseKind::HoldsLoop:
        return vermillion; // the culprit, in the colour of the waits it causes
    case PhaseKind::WaitGil:
    case PhaseKind::WaitCore:
        // Yellow's dark gold on a light background, where the yellow itself would vanish.
        return dark ? yellow : QColor(0x8A, 0x75, 0x00);
    case PhaseKind::Backoff:
        // Darker than the cancelled grey on a light background: a backoff's sparse dots must not
        // read as an empty lane on a projector.
        return dark ? grey : QColor(0x5F, 0x5F, 0x5F);
    case PhaseKind::Connecting:
    case PhaseKind::Sending:
    case PhaseKind::WaitingFirstByte:
        return skyBlue;
    case PhaseKind::Downloading:
        return blue;
    }
    return grey;
}

Qt::BrushStyle Theme::phasePattern(PhaseKind kind) const
{
    switch (kind) {
    case PhaseKind::WaitSemaphore:
    case PhaseKind::WaitRateLimit:
    case PhaseKind::WaitQueue:
    case PhaseKind::WaitSync:
        return Qt::BDiagPattern;
    case PhaseKind::WaitExecutor:
    case PhaseKind::WaitConnection:
        return Qt::FDiagPattern;
    case PhaseKind::LoopBlocked:
        return Qt::DiagCrossPattern;
    case PhaseKind::WaitDatabase:
        return Qt::CrossPattern;
    case PhaseKind::WaitGil:
    case PhaseKind::WaitCore:
        // Across the bar: a turn in the line for the one thing that computes.
        return Qt::VerPattern;
    case PhaseKind::Backoff:
        return Qt::Dense5Pattern;
    default:
        return Qt::SolidPattern;
    }
}

} // namespace concviz
