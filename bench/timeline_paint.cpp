// The paint time of one frame of the timeline at 1920x1080 with 100,000 and with 1,000,000 spans in
// view (every run fitted, as after pressing Fit), next to the naive peer: one fillRect per span.
//
//   bench_timeline_paint

#include "theme.h"
#include "timeline/ganttpainter.h"
#include "timeline/timelinecoordinates.h"
#include "gantt/ganttmodel.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QImage>
#include <QPainter>

#include <cstdio>

using namespace concviz;

namespace {

Trace synthetic(int tasks)
{
    Trace t;
    t.strategy = QStringLiteral("gather");
    t.tasks.resize(tasks);
    for (int i = 0; i < tasks; ++i) {
        TaskTrace &task = t.tasks[i];
        task.name = QStringLiteral("task#%1").arg(i + 1);
        const Micros begin = (static_cast<Micros>(i) * 7919) % 9000000;
        task.created = begin;
        task.phases.append({PhaseKind::WaitSemaphore, begin, begin + 200000});
        task.start = begin + 200000;
        task.end = begin + 700000;
        task.attempts.append({1, task.start, task.end, Outcome::Ok, {}});
        task.outcome = Outcome::Ok;
    }
    t.end = 10000000;
    return t;
}

// Best of five frames, in milliseconds.
template<typename Paint>
double bestFrameMs(Paint paint)
{
    QImage image(1920, 1080, QImage::Format_ARGB32_Premultiplied);
    double best = 1e9;
    for (int i = 0; i < 5; ++i) {
        QPainter p(&image);
        QElapsedTimer timer;
        timer.start();
        paint(p);
        p.end();
        best = std::min(best, static_cast<double>(timer.nsecsElapsed()) / 1e6);
    }
    return best;
}

} // namespace

int main(int argc, char **argv)
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    const Theme theme = Theme::make(Theme::Kind::Light, QPalette());
    std::printf("one frame of the timeline, 1920x1080, everything fitted in view (best of 5)\n");
    {
        GanttModel empty;
        empty.setTraces({synthetic(0)});
        GanttPainter::Options o;
        o.end = 10000000;
        const double frame = bestFrameMs([&](QPainter &p) { GanttPainter(theme).paint(p, QRect(0, 0, 1920, 1080), empty, o); });
        std::printf("        0 spans   GanttPainter %7.2f ms   (axis, header, background)\n", frame);
    }
    for (int tasks : {50000, 500000}) {
        GanttModel model;
        model.setTraces({synthetic(tasks)});
        const GanttPainter painter(theme);
        const QRect rect(0, 0, 1920, 1080);
        GanttPainter::Options o;
        o.start = 0;
        o.end = 10000000;
        o.laneHeight = TimelineLayout::fittingLaneHeight(model, painter.plotArea(rect).height(), theme, theme.laneHeight);
        const double ours = bestFrameMs([&](QPainter &p) { painter.paint(p, rect, model, o); });
        // The peer: every span drawn as it is, however small.
        const QRectF plot = painter.plotArea(rect);
        const double naive = bestFrameMs([&](QPainter &p) {
            const GanttModel::Group &g = model.groups().first();
            for (int li = 0; li < g.lanes.size(); ++li) {
                const double y = plot.top() + theme.headerHeight + li * o.laneHeight;
                for (int si = g.lanes[li].firstSpan; si < g.lanes[li].firstSpan + g.lanes[li].spanCount; ++si) {
                    const GanttModel::Span &s = g.spans[si];
                    const double x0 = timeline::timeToX(s.start, o.start, o.end, plot.left(), plot.width());
                    const double x1 = timeline::timeToX(s.end, o.start, o.end, plot.left(), plot.width());
                    p.fillRect(QRectF(x0, y, x1 - x0, o.laneHeight), theme.running);
                }
            }
        });
        std::printf("  %7lld spans   GanttPainter %7.2f ms   naive fillRect per span %8.2f ms\n",
                    static_cast<long long>(model.spanCount()), ours, naive);
    }
    return 0;
}
