// The timeline's parts: coordinates, viewport, layout, model and painter, and the widget's mouse.

#include "async/backgroundpool.h"
#include "gantt/foldedrow.h"
#include "gantt/ganttmodel.h"
#include "gantt/lanerange.h"
#include "scenario/examples.h"
#include "scenario/scenarioreader.h"
#include "testsupport.h"
#include "trace/tracereader.h"
#include "theme.h"
#include "timeline/ganttpainter.h"
#include "timeline/timelinecoordinates.h"
#include "timeline/timelinelayout.h"
#include "timeline/timelineviewport.h"
#include "timeline/timelinewidget.h"

#include <QFontInfo>
#include <QImage>
#include <QProgressBar>
#include <QSemaphore>
#include <QThreadPool>
#include <QScrollBar>
#include <QSignalSpy>

using namespace concviz;
using namespace concviz::test;

namespace {

// A run of `tasks` tasks with `spansPerTask` attempts each, spread over ten seconds.
Trace syntheticTrace(int tasks, int spansPerTask)
{
    Trace t;
    t.strategy = QStringLiteral("synthetic");
    t.tasks.resize(tasks);
    for (int i = 0; i < tasks; ++i) {
        TaskTrace &task = t.tasks[i];
        task.name = QStringLiteral("t%1").arg(i);
        const Micros begin = (static_cast<Micros>(i) * 7919) % 9000000;
        task.created = begin;
        task.start = begin;
        for (int k = 0; k < spansPerTask; ++k)
            task.attempts.append({k + 1, begin + k * 1000, begin + k * 1000 + 500, Outcome::Ok, {}});
        task.end = begin + spansPerTask * 1000;
        task.outcome = Outcome::Ok;
    }
    t.end = 10000000;
    return t;
}

} // namespace

class TestTimeline : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void foldedLanesAreCountedPerColumn();
    void packedSpansFoldAsTheFullOnes();
    void aRunLongerThanPackedTimesStillFolds();
    void timeAndPixelsMapBothWays_data();
    void timeAndPixelsMapBothWays();
    void zoomKeepsTheAnchorUnderTheCursor_data();
    void zoomKeepsTheAnchorUnderTheCursor();
    void ticksAreRoundNumbers_data();
    void ticksAreRoundNumbers();
    void theViewportFollowsALiveRunUntilTheUserZooms();
    void layoutFindsHeadersAndLanes();
    void barsArePaintedWhereTheTimesAre();
    void aMillionSpansPaintFoldedIntoPixelRows();
    void clickingABarSelectsItsTask();
    void bandsAreNamedByTheirFirstAndLastLane();
    void projectorTextNeverShrinksWithItsLanes_data();
    void projectorTextNeverShrinksWithItsLanes();
    void fitShowsEveryLaneAndTheCallersRowOfAHugeRun();
    void paintingNeverWaitsForBackgroundWork();
    void hoveringNamesTheCallersStepsAndSumsTheGilTurns();
    void hoveringATaskSaysWhatItGotBack();
    void hoveringARecordedTaskSaysWhoCreatedItAndWhatItAwaited();
    void theLegendWrapsAndNamesWhatIsShown();
    void headerFactsGiveWayWholeAndNeverCut();
    void aLiveHeaderCountsWhatRunsNow();
    void keysMoveTheViewAsDocumented();
    void backReturnsToTheViewBefore();
    void aFilterShowsTheLanesItNames_data();
    void aFilterShowsTheLanesItNames();
    void clickingABandOpensItsLanes();
    void everyTextReadsAtAAInEveryTheme_data();
    void everyTextReadsAtAAInEveryTheme();
    void aRealRunIsOutlinedWhereItsIdealRan();
    void aLongNoticeFoldsRatherThanBeingCut();
};

void TestTimeline::timeAndPixelsMapBothWays_data()
{
    QTest::addColumn<qint64>("t");
    QTest::addColumn<qint64>("start");
    QTest::addColumn<qint64>("end");
    QTest::addColumn<double>("x");
    QTest::newRow("start is the left edge") << qint64(0) << qint64(0) << qint64(1000000) << 100.0;
    QTest::newRow("end is the right edge") << qint64(1000000) << qint64(0) << qint64(1000000) << 1100.0;
    QTest::newRow("middle") << qint64(500000) << qint64(0) << qint64(1000000) << 600.0;
    QTest::newRow("zoomed in") << qint64(1500) << qint64(1000) << qint64(2000) << 600.0;
    QTest::newRow("before the window") << qint64(0) << qint64(1000) << qint64(2000) << -900.0;
}

void TestTimeline::timeAndPixelsMapBothWays()
{
    QFETCH(qint64, t);
    QFETCH(qint64, start);
    QFETCH(qint64, end);
    QFETCH(double, x);
    QCOMPARE(timeline::timeToX(t, start, end, 100, 1000), x);
    QCOMPARE(timeline::xToTime(x, start, end, 100, 1000), t);
}

void TestTimeline::zoomKeepsTheAnchorUnderTheCursor_data()
{
    QTest::addColumn<qint64>("anchor");
    QTest::addColumn<double>("factor");
    QTest::newRow("in at a quarter") << qint64(250000) << 2.0;
    QTest::newRow("out at the middle") << qint64(500000) << 0.5;
    QTest::newRow("far in at the end") << qint64(1000000) << 100.0;
}

void TestTimeline::zoomKeepsTheAnchorUnderTheCursor()
{
    QFETCH(qint64, anchor);
    QFETCH(double, factor);
    Micros start = 0, end = 1000000;
    const double before = timeline::timeToX(anchor, start, end, 0, 800);
    timeline::zoomAround(anchor, factor, &start, &end, 100);
    QVERIFY(std::abs(timeline::timeToX(anchor, start, end, 0, 800) - before) < 0.01);
    QVERIFY(std::abs(static_cast<double>(end - start) - 1000000 / factor) < 2);
}

void TestTimeline::ticksAreRoundNumbers_data()
{
    QTest::addColumn<qint64>("span");
    QTest::addColumn<qint64>("step");
    QTest::addColumn<QString>("label");
    QTest::newRow("4.5 s on 800 px") << qint64(4500000) << qint64(1000000) << "3 s";
    QTest::newRow("2 s") << qint64(2000000) << qint64(500000) << "1.5 s";
    QTest::newRow("300 ms") << qint64(300000) << qint64(50000) << "150 ms";
    QTest::newRow("5 ms") << qint64(5000) << qint64(1000) << "3 ms";
}

void TestTimeline::ticksAreRoundNumbers()
{
    QFETCH(qint64, span);
    QFETCH(qint64, step);
    QFETCH(QString, label);
    QCOMPARE(timeline::tickStep(0, span, 800, 100), step);
    QCOMPARE(timeline::tickLabel(3 * step, step), label);
}

void TestTimeline::theViewportFollowsALiveRunUntilTheUserZooms()
{
    TimelineViewport v;
    QSignalSpy changed(&v, &TimelineViewport::rangeChanged);
    v.setContentEnd(2000000);
    QVERIFY(v.isFitted());
    QCOMPARE(v.start(), Micros(0));
    QVERIFY(v.end() >= 2000000);
    v.setContentEnd(4000000); // the run goes on: the view grows with it
    QVERIFY(v.end() >= 4000000);
    v.zoomAround(1000000, 4);
    QVERIFY(!v.isFitted());
    const Micros zoomedEnd = v.end();
    v.setContentEnd(8000000); // now the user's zoom stays
    QCOMPARE(v.end(), zoomedEnd);
    v.fit();
    QVERIFY(v.end() >= 8000000);
    QVERIFY(changed.count() >= 4);
}

void TestTimeline::layoutFindsHeadersAndLanes()
{
    GanttModel model;
    model.setTraces({runOn(ClockKind::Virtual, builtinDemo(), QStringLiteral("sequential")),
                     runOn(ClockKind::Virtual, builtinDemo(), QStringLiteral("gather"))});
    QCOMPARE(model.groups().size(), 2);
    QCOMPARE(model.laneCount(), 6);
    const TimelineLayout layout(model, 20, 30, 24);
    QCOMPARE(layout.hitTest(5).group, 0);
    QCOMPARE(layout.hitTest(5).lane, -1);
    QCOMPARE(layout.hitTest(30 + 45).lane, 2);
    const double second = layout.groupTop(1);
    QCOMPARE(second, 30 + 3 * 20 + 24 + TimelineLayout::groupGap);
    QCOMPARE(layout.hitTest(30 + 3 * 20 + 5).lane, -1); // the caller's row
    QCOMPARE(layout.hitTest(second + 30 + 1).group, 1);
    QCOMPARE(layout.hitTest(second + 30 + 1).lane, 0);
    QCOMPARE(layout.hitTest(10000).group, -1);
}

void TestTimeline::barsArePaintedWhereTheTimesAre()
{
    GanttModel model;
    model.setTraces({runOn(ClockKind::Virtual, builtinDemo(), QStringLiteral("sequential"))});
    const Theme theme = Theme::make(Theme::Kind::Light, QPalette());
    QImage image(1200, 400, QImage::Format_ARGB32);
    QPainter p(&image);
    const GanttPainter painter(theme);
    GanttPainter::Options o;
    o.start = 0;
    o.end = 4500000;
    o.laneHeight = 30;
    painter.paint(p, image.rect(), model, o);
    p.end();
    const QRectF plot = painter.plotArea(image.rect());
    auto pixel = [&](Micros t, int lane) {
        const int x = static_cast<int>(timeline::timeToX(t, o.start, o.end, plot.left(), plot.width()));
        const int y = static_cast<int>(plot.top() + theme.headerHeight + lane * o.laneHeight + o.laneHeight / 2);
        return image.pixelColor(x, y);
    };
    QCOMPARE(pixel(500000, 0), theme.running);   // A runs 0..1 s
    QVERIFY(pixel(2000000, 0) != theme.running); // but not at 2 s
    QCOMPARE(pixel(2000000, 1), theme.running);  // B does
    QCOMPARE(pixel(4000000, 2), theme.running);  // and C at 4 s
}

void TestTimeline::aMillionSpansPaintFoldedIntoPixelRows()
{
    GanttModel model;
    model.setTraces({syntheticTrace(500000, 2)});
    QCOMPARE(model.spanCount(), qsizetype(1000000));
    const Theme theme = Theme::make(Theme::Kind::Light, QPalette());
    QImage image(1920, 1080, QImage::Format_ARGB32);
    QPainter p(&image);
    const GanttPainter painter(theme);
    GanttPainter::Options o;
    o.start = 0;
    o.end = 10000000;
    o.laneHeight = TimelineLayout::fittingLaneHeight(model, painter.plotArea(image.rect()).height(), theme, theme.laneHeight);
    QVERIFY(o.laneHeight < 0.01); // hundreds of tasks per pixel row
    painter.paint(p, image.rect(), model, o);
    p.end();
    // Every pixel row of the lane area shows running tasks somewhere.
    const QRectF plot = painter.plotArea(image.rect());
    int rowsWithBars = 0;
    const int firstRow = static_cast<int>(plot.top() + theme.headerHeight) + 2;
    for (int y = firstRow; y < firstRow + 200; ++y) {
        for (int x = static_cast<int>(plot.left()); x < plot.right(); x += 3) {
            const QColor c = image.pixelColor(x, y);
            if (c.blue() > c.red() + 40) {
                ++rowsWithBars;
                break;
            }
        }
    }
    QCOMPARE(rowsWithBars, 200);
}

void TestTimeline::clickingABarSelectsItsTask()
{
    TimelineWidget widget;
    widget.resize(1000, 500);
    widget.setTheme(Theme::make(Theme::Kind::Light, QPalette()));
    widget.setTraces({runOn(ClockKind::Virtual, builtinDemo(), QStringLiteral("sequential")),
                      runOn(ClockKind::Virtual, builtinDemo(), QStringLiteral("gather"))});
    widget.fit();
    widget.show();
    QVERIFY(QTest::qWaitForWindowExposed(&widget));
    QSignalSpy clicked(&widget, &TimelineWidget::taskClicked);
    const QRectF plot = GanttPainter(widget.theme()).plotArea(widget.rect());
    const TimelineLayout layout(widget.model(), widget.laneHeight(), widget.theme());
    const int y = static_cast<int>(plot.top() + layout.laneTop(1, 2) + widget.laneHeight() / 2);
    QTest::mouseClick(&widget, Qt::LeftButton, {}, QPoint(static_cast<int>(plot.left()) + 20, y));
    QCOMPARE(clicked.count(), 1);
    QCOMPARE(clicked.first().at(0).toInt(), 1); // gather
    QCOMPARE(clicked.first().at(1).toInt(), 2); // C
}

void TestTimeline::bandsAreNamedByTheirFirstAndLastLane()
{
    QCOMPARE(laneRangeName(QStringLiteral("request#1"), QStringLiteral("request#4")), QStringLiteral("request#1–4"));
    QCOMPARE(laneRangeName(QStringLiteral("fetch"), QStringLiteral("fetch")), QStringLiteral("fetch"));
    QCOMPARE(laneRangeName(QStringLiteral("fetch"), QStringLiteral("parse")), QStringLiteral("fetch … parse"));
    QCOMPARE(laneRangeName(QStringLiteral("a#1"), QStringLiteral("b#2")), QStringLiteral("a#1 … b#2"));
    QCOMPARE(laneRangeName(QStringLiteral("v#x"), QStringLiteral("v#y")), QStringLiteral("v#x … v#y"));
}

namespace {

// The semaphore lesson: ten requests under three strategies, as the window shows it by default.
QList<Trace> tenTasksThreeWays()
{
    const Scenario s = *ScenarioReader::readFile(QStringLiteral(CONCVIZ_SOURCE_DIR "/resources/scenarios/semaphore.json")).scenario;
    QList<Trace> traces;
    for (const QString &strategy : {QStringLiteral("sequential"), QStringLiteral("semaphore:3"), QStringLiteral("gather")})
        traces << runOn(ClockKind::Virtual, s, strategy);
    return traces;
}

} // namespace

void TestTimeline::projectorTextNeverShrinksWithItsLanes_data()
{
    // The timeline's share of the window at 1080p and at 720p, and a cramped one.
    QTest::addColumn<QSize>("size");
    QTest::newRow("1080p") << QSize(1450, 640);
    QTest::newRow("720p") << QSize(800, 330);
    QTest::newRow("cramped") << QSize(600, 200);
}

void TestTimeline::projectorTextNeverShrinksWithItsLanes()
{
    QFETCH(QSize, size);
    const Theme theme = Theme::make(Theme::Kind::Projector, QPalette());
    QVERIFY2(QFontInfo(theme.font).pixelSize() >= 18, QByteArray::number(QFontInfo(theme.font).pixelSize()));
    TimelineWidget widget;
    widget.setTheme(theme);
    widget.resize(size);
    widget.setTraces(tenTasksThreeWays());
    widget.fit();
    const GanttPainter painter(theme, &widget.model());
    const double lh = widget.laneHeight();
    // Lanes name themselves, or are named in bands, always with a full line of the theme's text:
    // every name and mark is drawn in the theme's own font, so this is the size of them all.
    QVERIFY2(lh >= painter.legibleLaneHeight() || painter.bandSize(lh) * lh >= painter.legibleLaneHeight() - 0.01,
             qPrintable(QStringLiteral("lanes %1 px, bands of %2").arg(lh).arg(painter.bandSize(lh))));
    // And a run's lanes together are never shorter than a line, whatever the room: it scrolls.
    QVERIFY(10 * lh >= painter.legibleLaneHeight() - 0.01);
    QVERIFY(painter.legibleLaneHeight() >= QFontMetricsF(theme.font).ascent());
}

void TestTimeline::fitShowsEveryLaneAndTheCallersRowOfAHugeRun()
{
    // Two runs of 250,000 tasks in a small timeline: well over a thousand lanes to a pixel row.
    TimelineWidget widget;
    widget.resize(900, 420);
    widget.setTheme(Theme::make(Theme::Kind::Projector, QPalette()));
    Trace second = syntheticTrace(250000, 1);
    second.strategy = QStringLiteral("second");
    widget.setTraces({syntheticTrace(250000, 1), second});
    widget.fit();
    // Nothing to scroll to: the last run's caller row is inside the plot, above the legend.
    QVERIFY(widget.findChild<QScrollBar *>()->isHidden());
    const QRectF plot = GanttPainter(widget.theme(), &widget.model()).plotArea(widget.rect());
    const QRect caller = widget.callerRowRect(1);
    QVERIFY2(caller.bottom() <= plot.bottom() + 1, qPrintable(QStringLiteral("caller row ends at %1, the plot at %2").arg(caller.bottom()).arg(plot.bottom())));
    QVERIFY(caller.top() > widget.callerRowRect(0).bottom());
}

void TestTimeline::paintingNeverWaitsForBackgroundWork()
{
    // Qt's raster painting hands large fills to the global thread pool's threads and waits for
    // them: a big result's model built there would hold every frame until it was done. Here every
    // thread of the background pool is busy for five seconds while the window's parts are drawn.
    QSemaphore release;
    QSemaphore started;
    std::atomic<int> ended = 0;
    const int threads = backgroundPool().maxThreadCount();
    for (int i = 0; i < threads; ++i) {
        backgroundPool().start([&] {
            started.release();
            release.tryAcquire(1, 5000);
            ++ended;
        });
    }
    QVERIFY(started.tryAcquire(threads, 10000));
    // What the window draws meanwhile: the status bar's busy progress bar and the timeline.
    QProgressBar progress;
    progress.setRange(0, 0);
    progress.resize(1920, 40);
    const QPixmap bar = progress.grab();
    TimelineWidget widget;
    widget.resize(1920, 1080);
    widget.setTraces({syntheticTrace(2000, 2)});
    widget.fit();
    const QPixmap frame = widget.grab();
    const int endedWhileDrawing = ended;
    release.release(threads);
    backgroundPool().waitForDone();
    QVERIFY(!frame.isNull() && !bar.isNull());
    QVERIFY2(endedWhileDrawing == 0, "the frame waited for the background work to end");
}

void TestTimeline::hoveringATaskSaysWhatItGotBack()
{
    TimelineWidget widget;
    widget.resize(1200, 700);
    Trace trace = runOn(ClockKind::Virtual, scenarioFrom(R"({"concviz": 1, "tasks": [{"name": "users", "kind": "db", "duration_ms": 200}]})"),
                        QStringLiteral("gather"));
    // What a real query on the demo database records.
    trace.tasks[0].editExtras().dbRows = 20;
    trace.tasks[0].editExtras().dbFirstRow = QStringLiteral("(1, 'Ada <b>')");
    widget.setTraces({trace});
    widget.fit();
    const QRect caller = widget.callerRowRect(0);
    const QString tip = widget.tooltipAt(QPoint(caller.center().x() / 2, caller.top() - 5));
    QVERIFY2(tip.contains(QStringLiteral("20 rows, the first (1, 'Ada &lt;b&gt;')")), qPrintable(tip));
}

void TestTimeline::hoveringARecordedTaskSaysWhoCreatedItAndWhatItAwaited()
{
    const TraceReadResult read = TraceReader::read(R"({"scenario": "crawl", "strategy": "recorded", "clock": "real", "makespan_ms": 400,
        "tasks": [{"name": "main", "state": "ok", "created_ms": 0, "start_ms": 0, "end_ms": 400},
                  {"name": "fetch", "state": "ok", "created_ms": 0, "start_ms": 0, "end_ms": 300, "parent": "main",
                   "waits": [{"on": "sleep", "detail": "sleep 0.2 s", "start_ms": 50, "end_ms": 250}]}]})",
                                                   QStringLiteral("crawl.json"));
    QVERIFY2(read.error.isEmpty(), qPrintable(read.error));
    TimelineWidget widget;
    widget.resize(1200, 700);
    widget.setTraces(read.traces);
    widget.fit();
    const QRectF plot = GanttPainter(widget.theme(), &widget.model()).plotArea(widget.rect());
    const TimelineLayout layout(widget.model(), widget.laneHeight(), widget.theme());
    const int y = static_cast<int>(plot.top() + layout.laneTop(0, 1) + widget.laneHeight() / 2);
    const QString tip = widget.tooltipAt(QPoint(static_cast<int>(plot.left()) + 20, y));
    QVERIFY2(tip.contains(QStringLiteral("<b>fetch</b>")), qPrintable(tip));
    QVERIFY2(tip.contains(QStringLiteral("created by main")), qPrintable(tip));
    QVERIFY2(tip.contains(QStringLiteral("awaited sleep 1× (200 ms)")), qPrintable(tip));
}

void TestTimeline::hoveringNamesTheCallersStepsAndSumsTheGilTurns()
{
    TimelineWidget widget;
    widget.resize(1200, 700);
    const Scenario withSteps = scenarioFrom(R"({"concviz": 1, "caller": [{"name": "prepare", "kind": "blocking", "duration_ms": 300},
        {"name": "other work", "kind": "sleep", "duration_ms": 500}], "tasks": [{"name": "crunch", "kind": "cpu", "duration_ms": 300,
        "offload": true, "count": 2}]})");
    widget.setTraces({runOn(ClockKind::Virtual, withSteps, QStringLiteral("gather"))});
    widget.fit();
    const QRect caller = widget.callerRowRect(0);
    const QString steps = widget.tooltipAt(caller.center());
    QVERIFY2(steps.contains(QStringLiteral("prepare: holds the loop 300 ms (0.0 ms → 300 ms)")), qPrintable(steps));
    QVERIFY2(steps.contains(QStringLiteral("other work: awaits 500 ms")), qPrintable(steps));
    QVERIFY2(steps.contains(QStringLiteral("gather returned")), qPrintable(steps));
    // A task that took sixty turns for the GIL: one line for all of them, not sixty.
    const QString task = widget.tooltipAt(QPoint(caller.center().x(), caller.top() - 5));
    QVERIFY2(task.contains(QStringLiteral("waiting for the GIL: ")) && task.contains(QStringLiteral(" turns")), qPrintable(task));
    QVERIFY2(task.count(QStringLiteral("<br/>")) < 6, qPrintable(task));
}

void TestTimeline::theLegendWrapsAndNamesWhatIsShown()
{
    const Theme theme = Theme::make(Theme::Kind::Projector, QPalette());
    // With nothing to go by, all of it, on as many rows as it needs and nothing past the edge.
    const GanttPainter everything(theme);
    const QList<QRectF> places = everything.legendPlaces(1000);
    QCOMPARE(places.size(), 13);
    for (const QRectF &r : places)
        QVERIFY2(r.right() <= 1000 - 8 + 0.5, qPrintable(QString::number(r.right())));
    QVERIFY(places.last().top() > places.first().top()); // wrapped
    QCOMPARE(everything.legendHeight(1000), places.last().bottom());
    // The semaphore lesson shows running, waiting its turn and ok: one short row.
    GanttModel model;
    model.setTraces(tenTasksThreeWays());
    const GanttPainter lesson(theme, &model);
    const QList<QRectF> shown = lesson.legendPlaces(1000);
    QCOMPARE(shown.size(), 3);
    QCOMPARE(shown.last().top(), shown.first().top());
}

void TestTimeline::headerFactsGiveWayWholeAndNeverCut()
{
    const Theme theme = Theme::make(Theme::Kind::Projector, QPalette());
    GanttModel model;
    model.setTraces(tenTasksThreeWays());
    const GanttPainter painter(theme, &model);
    const QFontMetricsF fm(theme.font);
    const QString full = painter.headerFacts(model, 2, 5000);
    QCOMPARE(full, QStringLiteral("work 10.000 s  ·  longest task 1.000 s  ·  10 at most at once  ·  10.00× faster than sequential"));
    const QStringList facts = full.split(QStringLiteral("  ·  "));
    for (double width : {900.0, 600.0, 400.0, 100.0}) {
        const QString line = painter.headerFacts(model, 2, width);
        QVERIFY2(fm.horizontalAdvance(line) <= width, qPrintable(line));
        for (const QString &part : line.split(QStringLiteral("  ·  "), Qt::SkipEmptyParts))
            QVERIFY2(facts.contains(part) || part == QStringLiteral("10.00× faster"), qPrintable(part)); // whole facts only
    }
    // The comparison is the last to go, and before it goes it drops the name of the first run.
    QCOMPARE(painter.headerFacts(model, 2, fm.horizontalAdvance(facts.last()) + 1), facts.last());
    QCOMPARE(painter.headerFacts(model, 2, fm.horizontalAdvance(facts.last()) - 1), QStringLiteral("10.00× faster"));
}

void TestTimeline::aLiveHeaderCountsWhatRunsNow()
{
    // Three tasks, two of them in an attempt not yet ended: the run goes on.
    Trace live;
    live.strategy = QStringLiteral("gather");
    live.tasks.resize(3);
    for (int i = 0; i < 3; ++i) {
        live.tasks[i].name = QStringLiteral("t%1").arg(i);
        live.tasks[i].created = 0;
        live.tasks[i].start = 0;
        live.tasks[i].attempts.append({1, 0, i == 0 ? 500 : -1, i == 0 ? Outcome::Ok : Outcome::Pending, {}});
        live.tasks[i].end = i == 0 ? 500 : -1;
        live.tasks[i].outcome = i == 0 ? Outcome::Ok : Outcome::Pending;
    }
    GanttModel model;
    model.setTraces({live});
    QVERIFY(!model.groups().first().finished);
    const Theme theme = Theme::make(Theme::Kind::Light, QPalette());
    QVERIFY2(GanttPainter(theme, &model).headerFacts(model, 0, 5000).contains(QStringLiteral("2 running now")),
             qPrintable(GanttPainter(theme, &model).headerFacts(model, 0, 5000)));
}

namespace {

// The semaphore lesson's three runs in a widget of the given size, fitted.
std::unique_ptr<TimelineWidget> shownWidget(QSize size, Theme::Kind kind = Theme::Kind::Light)
{
    auto widget = std::make_unique<TimelineWidget>();
    widget->setTheme(Theme::make(kind, QPalette()));
    widget->resize(size);
    widget->setTraces(tenTasksThreeWays());
    widget->fit();
    widget->show();
    return widget;
}

} // namespace

void TestTimeline::keysMoveTheViewAsDocumented()
{
    const auto widget = shownWidget(QSize(1200, 500));
    QVERIFY(QTest::qWaitForWindowExposed(widget.get()));
    TimelineViewport &v = *widget->viewport();
    const Micros fullSpan = v.end() - v.start();
    QTest::keyClick(widget.get(), Qt::Key_W);
    QVERIFY(v.end() - v.start() < fullSpan); // W zooms in
    const Micros zoomed = v.end() - v.start();
    const Micros start = v.start();
    QTest::keyClick(widget.get(), Qt::Key_D);
    QVERIFY(v.start() > start); // D moves forward in time
    QCOMPARE(v.end() - v.start(), zoomed);
    QTest::keyClick(widget.get(), Qt::Key_A);
    QCOMPARE(v.start(), start); // A moves back as far
    QTest::keyClick(widget.get(), Qt::Key_Right);
    QVERIFY(v.start() > start);
    QTest::keyClick(widget.get(), Qt::Key_Left);
    QCOMPARE(v.start(), start);
    QTest::keyClick(widget.get(), Qt::Key_End);
    QVERIFY(v.end() >= 10000000); // the sequential run's 10 s end in view
    QCOMPARE(v.end() - v.start(), zoomed);
    QTest::keyClick(widget.get(), Qt::Key_Home);
    QCOMPARE(v.start(), Micros(0));
    QTest::keyClick(widget.get(), Qt::Key_S);
    QVERIFY(v.end() - v.start() > zoomed); // S zooms out
    QTest::keyClick(widget.get(), Qt::Key_F);
    QVERIFY(v.isFitted());
    QCOMPARE(v.end() - v.start(), fullSpan);
}

void TestTimeline::backReturnsToTheViewBefore()
{
    const auto widget = shownWidget(QSize(1200, 500));
    TimelineViewport &v = *widget->viewport();
    const Micros fitStart = v.start();
    const Micros fitEnd = v.end();
    QTest::keyClick(widget.get(), Qt::Key_W);
    const Micros zoomedStart = v.start();
    const Micros zoomedEnd = v.end();
    QTest::keyClick(widget.get(), Qt::Key_D);
    QTest::keyClick(widget.get(), Qt::Key_Left, Qt::AltModifier);
    QCOMPARE(v.start(), zoomedStart); // before the pan
    QCOMPARE(v.end(), zoomedEnd);
    QTest::keyClick(widget.get(), Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
    QCOMPARE(v.start(), fitStart); // before the zoom
    QCOMPARE(v.end(), fitEnd);
    QVERIFY(!widget->back()); // nothing further back
}

void TestTimeline::aFilterShowsTheLanesItNames_data()
{
    QTest::addColumn<QString>("filter");
    QTest::addColumn<int>("lanes");
    QTest::addColumn<QString>("first");
    QTest::newRow("everything") << QString() << 30 << QStringLiteral("request#1");
    QTest::newRow("a name") << QStringLiteral("request#7") << 3 << QStringLiteral("request#7");
    QTest::newRow("any case") << QStringLiteral("REQUEST#1") << 6 << QStringLiteral("request#1"); // #1 and #10
    QTest::newRow("waiting") << QStringLiteral("waiting") << 7 << QStringLiteral("request#4"); // under semaphore:3 only
    QTest::newRow("failed") << QStringLiteral("failed") << 0 << QString();
    QTest::newRow("ok and a name") << QStringLiteral("ok request#2") << 3 << QStringLiteral("request#2");
}

void TestTimeline::aFilterShowsTheLanesItNames()
{
    QFETCH(QString, filter);
    QFETCH(int, lanes);
    QFETCH(QString, first);
    const auto widget = shownWidget(QSize(1200, 500));
    widget->setFilter(filter);
    QCOMPARE(widget->shownLanes(), lanes);
    QCOMPARE(widget->totalLanes(), 30);
    if (lanes > 0) {
        bool found = false;
        for (const GanttModel::Group &g : widget->model().groups())
            found = found || (!g.lanes.isEmpty() && g.lanes.first().name == first);
        QVERIFY(found);
    }
    // What a run says of itself stays, whatever lanes show.
    QCOMPARE(widget->model().groups()[0].makespan, Micros(10000000));
    QCOMPARE(widget->model().groups()[1].makespan, Micros(4000000));
}

void TestTimeline::clickingABandOpensItsLanes()
{
    // At 720p in the Projector theme the lanes are named in bands; a click opens the band clicked.
    const auto widget = shownWidget(QSize(800, 330), Theme::Kind::Projector);
    QVERIFY(QTest::qWaitForWindowExposed(widget.get()));
    const GanttPainter painter(widget->theme(), &widget->model());
    QVERIFY(widget->laneHeight() < painter.legibleLaneHeight());
    QSignalSpy clicked(widget.get(), &TimelineWidget::taskClicked);
    const QRectF plot = painter.plotArea(widget->rect());
    const TimelineLayout layout(widget->model(), widget->laneHeight(), widget->theme());
    QTest::mouseClick(widget.get(), Qt::LeftButton, {},
                      QPoint(static_cast<int>(plot.left()) + 20, static_cast<int>(plot.top() + layout.laneTop(0, 0) + widget->laneHeight() / 2)));
    QCOMPARE(clicked.count(), 0); // opened, not selected
    QVERIFY2(widget->laneHeight() >= painter.legibleLaneHeight() - 0.01, qPrintable(QString::number(widget->laneHeight())));
    QTest::keyClick(widget.get(), Qt::Key_F);
    QVERIFY(widget->laneHeight() < painter.legibleLaneHeight()); // F folds them again
}

void TestTimeline::everyTextReadsAtAAInEveryTheme_data()
{
    QTest::addColumn<int>("kind");
    for (Theme::Kind kind : {Theme::Kind::System, Theme::Kind::Light, Theme::Kind::Dark, Theme::Kind::Projector})
        QTest::newRow(qPrintable(Theme::kindName(kind))) << static_cast<int>(kind);
}

void TestTimeline::everyTextReadsAtAAInEveryTheme()
{
    QFETCH(int, kind);
    const Theme t = Theme::make(static_cast<Theme::Kind>(kind), QPalette());
    QCOMPARE(Theme::contrastRatio(Qt::black, Qt::white), 21.0);
    // Every colour text is drawn in, on every surface it is drawn on.
    QList<std::pair<QString, QColor>> texts{{QStringLiteral("text"), t.text},
                                            {QStringLiteral("muted"), t.mutedText},
                                            {QStringLiteral("marker"), t.markerText},
                                            {QStringLiteral("deadline"), t.deadlineText},
                                            {QStringLiteral("guess"), t.guessText}};
    for (Outcome o : {Outcome::Ok, Outcome::Failed, Outcome::Timeout, Outcome::Cancelled})
        texts.append({outcomeName(o), t.outcomeTextColor(o)});
    for (const auto &[name, colour] : texts) {
        for (const QColor &surface : {t.background, t.laneStripe}) {
            const double ratio = Theme::contrastRatio(colour, surface);
            QVERIFY2(ratio >= 4.5, qPrintable(QStringLiteral("%1 %2 on %3: %4:1").arg(name, colour.name(), surface.name()).arg(ratio)));
        }
    }
    for (const QColor &colour : {t.text, t.mutedText})
        QVERIFY2(Theme::contrastRatio(colour, t.groupHeader) >= 4.5, qPrintable(colour.name()));
    // The cancelled mark was grey on white at 2.85:1; the bars keep their own colours.
    QCOMPARE(t.outcomeColor(Outcome::Cancelled), QColor(0x99, 0x99, 0x99));
}

void TestTimeline::foldedLanesAreCountedPerColumn()
{
    // The demo under gather, A 1 s, B 2 s and C 1.5 s, folded into one row of four columns of 0.5 s.
    GanttModel model;
    model.setTraces({runOn(ClockKind::Virtual, builtinDemo(), QStringLiteral("gather"))});
    const GanttModel::Group &g = model.groups().first();
    FoldedRow row;
    row.fold(g, 0, 3, 0, fromMs(2000), fromMs(2000), 4);
    QCOMPARE(row.running(0), 3);
    QCOMPARE(row.running(1), 3);
    QCOMPARE(row.running(2), 2); // A has ended
    QCOMPARE(row.running(3), 1); // only B is left
    QCOMPARE(row.waiting(0), 0);
    QCOMPARE(row.peak(), 3);
    // A span far narrower than a column still counts in one.
    row.fold(g, 0, 1, 0, fromMs(2000000), fromMs(2000000), 4);
    QCOMPARE(row.running(0), 1);
    QCOMPARE(row.running(1), 0);
}

void TestTimeline::packedSpansFoldAsTheFullOnes()
{
    // Every frame of a huge run reads the packed spans; a filtered one, or one too long to pack,
    // reads the full ones. Both must draw the same picture, column for column.
    GanttModel model;
    Trace trace = syntheticTrace(5000, 3);
    // Some of the tasks wait before they run, so that both kinds of count are filled.
    for (int i = 0; i < trace.tasks.size(); i += 3) {
        TaskTrace &t = trace.tasks[i];
        t.phases.append({PhaseKind::WaitSemaphore, t.start, t.start + 200});
    }
    model.setTraces({trace});
    const GanttModel::Group &g = model.groups().first();
    QCOMPARE(g.packed.size(), g.spans.size());
    GanttModel::Group unpacked = g;
    unpacked.packed.clear();
    for (const auto &[from, to, width] : {std::tuple{Micros(0), Micros(10000000), 1920},
                                          std::tuple{Micros(1234567), Micros(1334567), 777},
                                          std::tuple{Micros(9990000), Micros(12000000), 64}}) {
        FoldedRow packed, full;
        packed.fold(g, 0, g.lanes.size(), from, to, to, width);
        full.fold(unpacked, 0, g.lanes.size(), from, to, to, width);
        int waited = 0;
        for (int x = 0; x < width; ++x) {
            QCOMPARE(packed.running(x), full.running(x));
            QCOMPARE(packed.waiting(x), full.waiting(x));
            waited += packed.waiting(x);
        }
        QCOMPARE(packed.peak(), full.peak());
        if (width == 1920)
            QVERIFY(waited > 0);
    }
    // Filtering keeps the packed spans in step with the spans that are left.
    model.keepLanes([](const GanttModel::Lane &lane) { return lane.name.endsWith(QLatin1Char('7')); });
    const GanttModel::Group &kept = model.groups().first();
    QCOMPARE(kept.lanes.size(), 500);
    QCOMPARE(kept.packed.size(), kept.spans.size());
    for (int i = 0; i < kept.spans.size(); ++i) {
        QCOMPARE(Micros(kept.packed[i].start), kept.spans[i].start);
        QCOMPARE(Micros(kept.packed[i].end & GanttModel::PackedSpan::openEnd), kept.spans[i].end);
    }
}

void TestTimeline::aRunLongerThanPackedTimesStillFolds()
{
    // Two tasks of an hour each, one after the other: past the 35 minutes a packed time holds.
    Trace trace;
    trace.strategy = QStringLiteral("sequential");
    trace.tasks.resize(2);
    const Micros hour = Micros(3600) * 1000000;
    for (int i = 0; i < 2; ++i) {
        TaskTrace &t = trace.tasks[i];
        t.name = QStringLiteral("T%1").arg(i);
        t.created = 0;
        t.start = i * hour;
        t.end = (i + 1) * hour;
        t.outcome = Outcome::Ok;
        t.attempts.append({1, t.start, t.end, Outcome::Ok, {}});
    }
    trace.end = 2 * hour;
    GanttModel model;
    model.setTraces({trace});
    const GanttModel::Group &g = model.groups().first();
    QVERIFY(g.packed.isEmpty());
    FoldedRow row;
    row.fold(g, 0, 2, 0, 2 * hour, 2 * hour, 4);
    for (int x = 0; x < 4; ++x)
        QCOMPARE(row.running(x), 1);
    // Zoomed to 100 µs a minute in, the first hour's span reaches tens of billions of columns
    // past the view: it still fills every column, not one.
    row.fold(g, 0, 1, Micros(60) * 1000000, Micros(60) * 1000000 + 100, 2 * hour, 1500);
    for (int x = 0; x < 1500; ++x)
        QCOMPARE(row.running(x), 1);
}

void TestTimeline::aRealRunIsOutlinedWhereItsIdealRan()
{
    // One task, late and slow on the real clock (0.5 s to 1 s), ideal 0 to 0.3 s on the virtual one.
    Trace trace;
    trace.strategy = QStringLiteral("gather");
    trace.tasks.resize(1);
    TaskTrace &t = trace.tasks[0];
    t.name = QStringLiteral("A");
    t.created = 0;
    t.start = 500000;
    t.end = 1000000;
    t.outcome = Outcome::Ok;
    t.attempts.append({1, 500000, 1000000, Outcome::Ok, {}});
    t.editExtras().idealStart = 0;
    t.editExtras().idealEnd = 300000;
    trace.end = 1000000;
    GanttModel model;
    model.setTraces({trace});
    const Theme theme = Theme::make(Theme::Kind::Light, QPalette());
    const GanttPainter painter(theme, &model);
    auto outlinePixels = [&](bool show) {
        QImage image(1000, 300, QImage::Format_ARGB32);
        QPainter p(&image);
        GanttPainter::Options o;
        o.start = 0;
        o.end = 1000000;
        o.laneHeight = 30;
        o.showIdeal = show;
        painter.paint(p, image.rect(), model, o);
        p.end();
        // Count the outline's colour over the ideal's stretch of the lane, where no real bar is.
        const QRectF plot = painter.plotArea(image.rect());
        const int laneTop = static_cast<int>(plot.top() + theme.headerHeight);
        const int x0 = static_cast<int>(timeline::timeToX(0, o.start, o.end, plot.left(), plot.width()));
        const int x1 = static_cast<int>(timeline::timeToX(300000, o.start, o.end, plot.left(), plot.width()));
        int count = 0;
        for (int y = laneTop; y < laneTop + 30; ++y)
            for (int x = x0; x <= x1 + 1; ++x)
                count += image.pixelColor(x, y) == theme.mutedText;
        return count;
    };
    QVERIFY2(outlinePixels(true) > 100, qPrintable(QString::number(outlinePixels(true))));
    QCOMPARE(outlinePixels(false), 0);
    // The legend has an entry for the outline only when a run has one.
    Trace noIdeal = trace;
    noIdeal.tasks[0].editExtras().idealStart = noIdeal.tasks[0].editExtras().idealEnd = -1;
    GanttModel plain;
    plain.setTraces({noIdeal});
    QCOMPARE(painter.legendPlaces(1000).size(), GanttPainter(theme, &plain).legendPlaces(1000).size() + 1);
    // The tooltip gives its times.
    TimelineWidget widget;
    widget.resize(1000, 300);
    widget.setTraces({trace});
    const QRectF plot = GanttPainter(widget.theme(), &widget.model()).plotArea(widget.rect());
    const QPoint onLane(static_cast<int>(plot.left() + plot.width() * 0.75), static_cast<int>(plot.top() + widget.theme().headerHeight + widget.laneHeight() / 2));
    QVERIFY2(widget.tooltipAt(onLane).contains(QStringLiteral("ideal, on the virtual clock: started 0.0 ms, ended 300 ms")),
             qPrintable(widget.tooltipAt(onLane)));
}

void TestTimeline::aLongNoticeFoldsRatherThanBeingCut()
{
    const Theme theme = Theme::make(Theme::Kind::Projector, QPalette());
    const GanttPainter painter(theme);
    const QString text = QStringLiteral("A trace read from viz.json, not a run of the scenario on the left: F5 runs the scenario instead.");
    const int oneLine = painter.noticeHeight(4000, text);
    QCOMPARE(oneLine, QFontMetrics(theme.font).height() + 12);
    // On a narrow timeline it takes the lines it needs, and the runs start below them.
    QVERIFY(painter.noticeHeight(500, text) >= 2 * QFontMetrics(theme.font).height() + 12);
    TimelineWidget widget;
    widget.setTheme(theme);
    widget.resize(500, 400);
    widget.setNotice(text);
    QImage image(widget.size(), QImage::Format_ARGB32);
    widget.render(&image);
    // The note's pale yellow reaches down as far as its text does.
    QCOMPARE(image.pixelColor(2, painter.noticeHeight(500, text) - 2), QColor(0xFF, 0xF4, 0xCE));
}

QTEST_MAIN(TestTimeline)
#include "tst_timeline.moc"
