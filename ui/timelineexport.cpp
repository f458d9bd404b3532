#include "timelineexport.h"

#include "timeline/ganttpainter.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QImage>
#include <QPdfWriter>
#include <QSaveFile>
#include <QSvgGenerator>

#include <algorithm>

namespace concviz {

namespace {

void paintFitted(QPainter &p, const GanttModel &model, const Theme &theme, QSize size)
{
    const GanttPainter painter(theme, &model);
    const QRect rect(QPoint(0, 0), size);
    GanttPainter::Options o;
    o.start = 0;
    o.end = std::max<Micros>(model.latest() + model.latest() / 20, 1000);
    for (const GanttModel::Group &g : model.groups())
        if (g.deadline >= 0)
            o.end = std::max(o.end, g.deadline + g.deadline / 20);
    o.laneHeight = TimelineLayout::fittingLaneHeight(model, painter.plotArea(rect).height(), theme, theme.laneHeight);
    painter.paint(p, rect, model, o);
}

} // namespace

QSize naturalExportSize(const GanttModel &model, const Theme &theme, int width)
{
    const double height = theme.axisHeight + model.groups().size() * (theme.headerHeight + TimelineLayout::callerRowHeight(model, theme) + TimelineLayout::groupGap)
        + static_cast<double>(model.laneCount()) * theme.laneHeight + 8;
    return {width, std::clamp(static_cast<int>(height), 200, 4000)};
}

bool exportTimeline(const GanttModel &model, const Theme &theme, const QString &path, QSize size, QString *error)
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
        paintFitted(p, model, theme, size);
        p.end();
        ok = image.save(&file, "PNG");
    } else if (suffix == QLatin1String("svg")) {
        QSvgGenerator svg;
        svg.setOutputDevice(&file);
        svg.setSize(size);
        svg.setViewBox(QRect(QPoint(0, 0), size));
        svg.setTitle(QCoreApplication::translate("TimelineExport", "ConcViz timeline"));
        QPainter p(&svg);
        paintFitted(p, model, theme, size);
        ok = p.end();
    } else {
        QPdfWriter pdf(&file);
        pdf.setPageSize(QPageSize(QSizeF(size) * 0.75, QPageSize::Point)); // 96 dpi pixels to points
        pdf.setPageMargins(QMarginsF());
        pdf.setResolution(96);
        pdf.setTitle(QCoreApplication::translate("TimelineExport", "ConcViz timeline"));
        QPainter p(&pdf);
        paintFitted(p, model, theme, size);
        ok = p.end();
    }
    if (!ok || !file.commit()) {
        *error = QCoreApplication::translate("TimelineExport", "%1: cannot be written: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

} // namespace concviz
