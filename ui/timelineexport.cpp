#include "timelineexport.h"

#include "playback/statehtml.h"
#include "timeline/ganttpainter.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QImage>
#include <QPdfWriter>
#include <QSaveFile>
#include <QSvgGenerator>
#include <QAbstractTextDocumentLayout>
#include <QTextDocument>

#include <algorithm>
#include <cmath>
#include <memory>

namespace concviz {

namespace {

constexpr int maxStateNames = 12;

// The state at the instant, laid out `width` wide in the theme's font.
std::unique_ptr<QTextDocument> stateDocument(const Theme &theme, const PlaybackInstant &instant, int width)
{
    auto document = std::make_unique<QTextDocument>();
    document->setDefaultFont(theme.font);
    document->setHtml(stateHtml(instant.traces, instant.time, maxStateNames));
    document->setTextWidth(width);
    return document;
}

void paintFitted(QPainter &p, const GanttModel &model, const Theme &theme, QSize size, const PlaybackInstant &instant)
{
    const GanttPainter painter(theme, &model);
    QRect rect(QPoint(0, 0), size);
    if (instant.time >= 0) {
        // The state takes what it needs at the bottom; the timeline fits in the rest.
        const auto state = stateDocument(theme, instant, size.width());
        const int stateHeight = std::min(static_cast<int>(std::ceil(state->size().height())), size.height() / 2);
        rect.setHeight(size.height() - stateHeight);
        p.fillRect(QRect(0, rect.bottom() + 1, size.width(), stateHeight), theme.background);
        p.setPen(QPen(theme.grid, 1));
        p.drawLine(0, rect.bottom() + 1, size.width(), rect.bottom() + 1);
        p.save();
        p.translate(0, rect.bottom() + 1);
        QAbstractTextDocumentLayout::PaintContext context;
        context.palette.setColor(QPalette::Text, theme.text);
        context.clip = QRectF(0, 0, size.width(), stateHeight);
        p.setClipRect(context.clip);
        state->documentLayout()->draw(&p, context);
        p.restore();
    }
    GanttPainter::Options o;
    o.playhead = instant.time;
    o.start = 0;
    o.end = std::max<Micros>(model.latest() + model.latest() / 20, 1000);
    for (const GanttModel::Group &g : model.groups())
        if (g.deadline >= 0)
            o.end = std::max(o.end, g.deadline + g.deadline / 20);
    o.laneHeight = TimelineLayout::fittingLaneHeight(model, painter.plotArea(rect).height(), theme, theme.laneHeight);
    painter.paint(p, rect, model, o);
}

} // namespace

QSize naturalExportSize(const GanttModel &model, const Theme &theme, int width, const PlaybackInstant &instant)
{
    double height = theme.axisHeight + model.groups().size() * (theme.headerHeight + TimelineLayout::callerRowHeight(model, theme) + TimelineLayout::groupGap)
        + static_cast<double>(model.laneCount()) * theme.laneHeight + 8;
    height = std::clamp(height, 200.0, 4000.0);
    if (instant.time >= 0)
        height += std::ceil(stateDocument(theme, instant, width)->size().height());
    return {width, static_cast<int>(height)};
}

bool exportTimeline(const GanttModel &model, const Theme &theme, const QString &path, QSize size, QString *error,
                    const PlaybackInstant &instant)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix != QLatin1String("png") && suffix != QLatin1String("svg") && suffix != QLatin1String("pdf")) {
        *error = QCoreApplication::translate("TimelineExport", "%1: the file name must end in .png, .svg or .pdf").arg(path);
        return false;
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        *error = QCoreApplication::translate("TimelineExport", "%1: cannot be written: %2").arg(path, file.errorString());
        return false;
    }
    bool ok = true;
    if (suffix == QLatin1String("png")) {
        QImage image(size, QImage::Format_ARGB32_Premultiplied);
        QPainter p(&image);
        p.setRenderHint(QPainter::Antialiasing);
        p.setRenderHint(QPainter::TextAntialiasing);
        paintFitted(p, model, theme, size, instant);
        p.end();
        ok = image.save(&file, "PNG");
    } else if (suffix == QLatin1String("svg")) {
        QSvgGenerator svg;
        svg.setOutputDevice(&file);
        svg.setSize(size);
        svg.setViewBox(QRect(QPoint(0, 0), size));
        svg.setTitle(QCoreApplication::translate("TimelineExport", "ConcViz timeline"));
        QPainter p(&svg);
        paintFitted(p, model, theme, size, instant);
        ok = p.end();
    } else {
        QPdfWriter pdf(&file);
        pdf.setPageSize(QPageSize(QSizeF(size) * 0.75, QPageSize::Point)); // 96 dpi pixels to points
        pdf.setPageMargins(QMarginsF());
        pdf.setResolution(96);
        pdf.setTitle(QCoreApplication::translate("TimelineExport", "ConcViz timeline"));
        QPainter p(&pdf);
        paintFitted(p, model, theme, size, instant);
        ok = p.end();
    }
    if (!ok || !file.commit()) {
        *error = QCoreApplication::translate("TimelineExport", "%1: cannot be written: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

} // namespace concviz
