#include "mainwindow.h"

#include "appicon.h"
#include "autosave.h"
#include "charts/concurrencychart.h"
#include "codepanel.h"
#include "charts/distributionchart.h"
#include "charts/makespanchart.h"
#include "editor/scenarioeditor.h"
#include "engine/comparison.h"
#include "engine/pythonprogram.h"
#include "engine/openedfile.h"
#include "async/backgroundpool.h"
#include "eventlog.h"
#include "findbar.h"
#include "freedmemory.h"
#include "insightspanel.h"
#include "playback/playbackbar.h"
#include "playback/statepanel.h"
#include "gantt/finishorder.h"
#include "gantt/runstate.h"
#include "lessonbar.h"
#include "predictdialog.h"
#include "shortcutsdialog.h"
#include "gantt/speedcomparison.h"
#include "scenario/examples.h"
#include "scenario/scenarioreader.h"
#include "scenario/scenariovalidator.h"
#include "scenario/taskkindregistry.h"
#include "settings.h"
#include "timeline/timelinewidget.h"
#include "timelineexport.h"
#include "trace/exportformat.h"
#include "trace/tracereader.h"
#include "trace/statistics.h"
#include "trace/timeformat.h"

#include <algorithm>
#include <limits>

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QDockWidget>
#include <QElapsedTimer>
#include <QFileDialog>
#include <QDir>
#include <QFileInfo>
#include <QFrame>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QProgressBar>
#include <QPushButton>
#include <QSaveFile>
#include <QScreen>
#include <QScrollArea>
#include <QStatusBar>
#include <QStyleHints>
#include <QTabWidget>
#include <QTableView>
#include <QToolBar>
#include <QToolButton>
#include <QUndoStack>
#include <QVBoxLayout>

namespace concviz {

namespace {
constexpr int maxRecent = 8;
// The docks' arrangement as saved: a layout saved before the asyncio code dock (version 0) is not
// restored, so that dock starts behind the editor instead of wherever Qt puts a dock it was never
// told of.
constexpr int layoutVersion = 1;
// Repaint a live run at display rate, whatever rate events come in at.
constexpr int frameMs = 16;
// A live redraw of the timeline builds its model from the whole trace: runs of up to this many
// tasks are redrawn each frame while one redraw holds the window no longer than liveRebuildBudgetMs;
// larger ones from a model built on another thread, as often as it can be built while that thread
// is busy half the time, up to liveInBackgroundUpTo tasks (the copy of the trace each build reads
// costs the window a millisecond for every 30,000); larger still, a progress bar until they end.
constexpr qsizetype liveRedrawUpTo = 20000;
constexpr qint64 liveRebuildBudgetMs = 20;
constexpr qsizetype liveInBackgroundUpTo = 300000;
// Runs this small always redraw live: one slow frame on a busy machine must not stop them.
constexpr qsizetype liveRedrawAlwaysUpTo = 10000;
// Results of up to this many tasks are shown at once when a run ends; larger ones in turns.
constexpr qsizetype showAtOnceUpTo = 20000;
// Files of up to this many bytes are read at once (a twentieth of a second at most); larger ones
// on another thread, while the window goes on.
constexpr qint64 openAtOnceUpTo = qint64(1) << 20;
// Predict offers to order the tasks only for this many or fewer.
constexpr int maxOrderGuess = 12;

qsizetype taskCount(const QList<Trace> &traces)
{
    qsizetype tasks = 0;
    for (const Trace &t : traces)
        tasks += t.tasks.size();
    return tasks;
}
} // namespace

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
    , m_runs(new Comparison(this))
    , m_timeline(new TimelineWidget(this))
    , m_systemPalette(QApplication::palette())
    , m_systemFont(QApplication::font())
{
    setObjectName(QStringLiteral("MainWindow"));
    setWindowIcon(applicationIcon());
    setAcceptDrops(true);
    // The timeline, and above it a bar that appears only when unsaved work can be recovered.
    auto *centre = new QWidget(this);
    auto *centreLayout = new QVBoxLayout(centre);
    centreLayout->setContentsMargins(0, 0, 0, 0);
    centreLayout->setSpacing(0);
    createRecoveryBar();
    centreLayout->addWidget(m_recoveryBar);
    m_lessonBar = new LessonBar(this);
    m_lessonBar->hide();
    centreLayout->addWidget(m_lessonBar);
    m_findBar = new FindBar(this);
    centreLayout->addWidget(m_findBar);
    m_playback = new PlaybackBar(this);
    m_playback->hide();
    centreLayout->addWidget(m_playback);
    centreLayout->addWidget(m_timeline, 1);
    m_presentedCode = new CodePanel(&m_document, this);
    m_presentedCode->setObjectName(QStringLiteral("presentedCode"));
    m_presentedCode->hide();
    centreLayout->addWidget(m_presentedCode, 1);
    setCentralWidget(centre);
    createDocks();
    createActions();
    createMenus();
    createHelpMenu();
    // Keys stay live when the menu bar is hidden (presentation mode): the window holds them too.
    const QList<QMenu *> menus = menuBar()->findChildren<QMenu *>();
    for (QMenu *menu : menus)
        for (QAction *a : menu->actions())
            if (!a->shortcut().isEmpty())
                addAction(a);
    // Stepping between events takes the arrows only where the timeline and playback are: in the
    // editor they still move the cursor.
    m_nextEventAction->setShortcut(QKeySequence(Qt::Key_Right));
    m_previousEventAction->setShortcut(QKeySequence(Qt::Key_Left));
    for (QAction *a : {m_nextEventAction, m_previousEventAction}) {
        a->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        centre->addAction(a);
    }
    connect(m_playback, &PlaybackBar::positionChanged, this, &MainWindow::onPlaybackPosition);
    connect(m_playback, &PlaybackBar::closeRequested, this, &MainWindow::leavePlayback);
    connect(m_timeline, &TimelineWidget::playheadDragged, m_playback, [this](Micros t) {
        if (!isPlayingBack())
            return; // left while the mouse was still down
        m_playback->pause();
        m_playback->setPosition(t);
    });
    connect(m_findBar, &FindBar::filterChanged, this, [this](const QString &text) {
        m_timeline->setFilter(text);
        m_findBar->setCounts(m_timeline->shownLanes(), m_timeline->totalLanes());
    });

    m_refresh.setInterval(frameMs);
    connect(&m_refresh, &QTimer::timeout, this, &MainWindow::refreshLive);
    connect(m_runs, &Comparison::runStarted, this, [this](int, const QString &strategy) {
        m_log->beginRun(strategy);
        m_liveDone = 0;
        m_dirty = true;
    });
    connect(m_runs, &Comparison::eventsAvailable, this, [this](int run, const QList<TraceEvent> &events) {
        const QList<Trace> traces = m_runs->traces();
        if (run < traces.size())
            m_log->addEvents(events, traces[run]);
        m_liveDone += std::count_if(events.begin(), events.end(), [](const TraceEvent &e) { return e.type == TraceEvent::Type::TaskEnded; });
        m_dirty = true;
    });
    connect(m_runs, &Comparison::finished, this, &MainWindow::onRunsFinished);
    connect(m_runs, &Comparison::failed, this, [this](int, const QString &error) { m_runError = error; });
    connect(m_timeline, &TimelineWidget::taskClicked, this, &MainWindow::onTaskClicked);
    connect(&m_document, &ScenarioDocument::modifiedChanged, this, &MainWindow::updateTitle);
    connect(&m_document, &ScenarioDocument::pathChanged, this, &MainWindow::updateTitle);
    connect(&m_document, &ScenarioDocument::changed, this, &MainWindow::updateTitle);
    connect(&m_document, &ScenarioDocument::changed, this,
            [this] { m_lessonBar->setLesson(m_document.scenario().name, m_document.scenario().description); });
    // Results from before an edit no longer show this scenario: say so until the next run.
    connect(&m_document, &ScenarioDocument::changed, this, [this] {
        if (!m_timeline->model().groups().isEmpty())
            m_timeline->setNotice(tr("The scenario has changed since this run: press F5 to run it again."));
    });
    m_timeline->setEmptyText(tr("Press F5 to run this scenario, or Ctrl+R to compare its strategies."));

    m_lastDir = Settings::lastDirectory();
    m_recent = Settings::recentFiles();
    m_clock = Settings::clock();
    m_virtualAction->setChecked(m_clock == ClockKind::Virtual);
    setThemeKind(Theme::kindFromName(Settings::theme()), false);
    updateRecentMenu();
    m_defaultLayout = saveState();
    if (!restoreGeometry(Settings::geometry())) {
        // The first start: roomy on a laptop, never bigger than the screen (a 1280×720 projector).
        const QSize room = screen() ? screen()->availableGeometry().size() : QSize(1400, 860);
        resize(QSize(1400, 860).boundedTo(room));
    }
    restoreState(Settings::windowState(), layoutVersion);

    openScenario(builtinDemo(), QString());
    m_progress = new QProgressBar(this);
    m_progress->setObjectName(QStringLiteral("runProgress"));
    m_progress->setTextVisible(true);
    m_progress->hide();
    statusBar()->addPermanentWidget(m_progress);
    statusBar()->showMessage(tr("Press F5 to run the scenario, Ctrl+R to compare strategies"));

    m_autosave = new Autosave(&m_document, this);
    m_recovered = Autosave::recover();
    if (m_recovered) {
        const QString from = m_recovered->path.isEmpty() ? tr("a scenario never saved")
                                                         : QFileInfo(m_recovered->path).fileName();
        m_recoveryText->setText(tr("ConcViz did not close properly last time. Unsaved changes to “%1” (%2) were kept.")
                                    .arg(m_recovered->scenario.name, from));
        m_recoveryBar->show();
    } else {
        m_autosave->start();
    }
}

MainWindow::~MainWindow()
{
    // The document goes before the widgets do, and a field that had the focus reports losing it as
    // they go: the editor must not pass that on to a document that is gone.
    m_editor->stopListening();
    // And its table goes while the document is still there: a table being hidden as the window
    // goes asks its model for the size of every cell.
    delete m_editor;
    m_editor = nullptr;
    // Gone without a close (a crash of the program around it, a test): the copy of unsaved work
    // stays. The document's undo history says "clean" as it is torn down; the copy must not hear it.
    delete m_autosave;
}

void MainWindow::createRecoveryBar()
{
    m_recoveryBar = new QFrame(this);
    m_recoveryBar->setObjectName(QStringLiteral("recoveryBar"));
    m_recoveryBar->setStyleSheet(QStringLiteral("#recoveryBar { background: #FFF4CE; color: #3B2F00; }"));
    auto *layout = new QHBoxLayout(m_recoveryBar);
    m_recoveryText = new QLabel(m_recoveryBar);
    m_recoveryText->setWordWrap(true);
    auto *restore = new QPushButton(tr("&Restore"), m_recoveryBar);
    restore->setObjectName(QStringLiteral("restoreRecovered"));
    auto *discard = new QPushButton(tr("&Discard"), m_recoveryBar);
    discard->setObjectName(QStringLiteral("discardRecovered"));
    layout->addWidget(m_recoveryText, 1);
    layout->addWidget(restore);
    layout->addWidget(discard);
    connect(restore, &QPushButton::clicked, this, &MainWindow::restoreRecovered);
    connect(discard, &QPushButton::clicked, this, &MainWindow::discardRecovered);
    m_recoveryBar->hide();
}

bool MainWindow::offersRecovery() const
{
    return m_recoveryBar->isVisibleTo(this);
}

void MainWindow::restoreRecovered()
{
    m_recoveryBar->hide();
    if (m_recovered) {
        // Back where the work was: the same file, its changes still unsaved.
        openScenario(m_recovered->scenario, m_recovered->path);
        m_document.markUnsaved();
        statusBar()->showMessage(tr("Restored unsaved changes to %1").arg(m_recovered->scenario.name), 5000);
        m_recovered.reset();
    }
    m_autosave->start();
    m_autosave->saveNow();
}

void MainWindow::discardRecovered()
{
    m_recoveryBar->hide();
    m_recovered.reset();
    Autosave::discard();
    m_autosave->start();
}

void MainWindow::createDocks()
{
    m_editor = new ScenarioEditor(&m_document, this);
    // The editor scrolls rather than holding the window taller than a 720-line projector.
    auto *editorScroll = new QScrollArea(this);
    editorScroll->setObjectName(QStringLiteral("editorScroll"));
    editorScroll->setWidget(m_editor);
    editorScroll->setWidgetResizable(true);
    editorScroll->setFrameShape(QFrame::NoFrame);
    editorScroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    auto *editorDock = new QDockWidget(tr("Scenario"), this);
    editorDock->setObjectName(QStringLiteral("ScenarioDock"));
    editorDock->setWidget(editorScroll);
    addDockWidget(Qt::LeftDockWidgetArea, editorDock);

    // The asyncio code behind the same place as the editor: one tab away, without taking width
    // from the timeline on a 1280-pixel projector.
    m_code = new CodePanel(&m_document, this);
    auto *codeDock = new QDockWidget(tr("asyncio Code"), this);
    codeDock->setObjectName(QStringLiteral("CodeDock"));
    codeDock->setWidget(m_code);
    addDockWidget(Qt::LeftDockWidgetArea, codeDock);
    tabifyDockWidget(editorDock, codeDock);
    editorDock->raise();

    m_bottomTabs = new QTabWidget(this);
    m_statistics = new QLabel(this);
    m_statistics->setTextFormat(Qt::RichText);
    m_statistics->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_statistics->setMargin(8);
    m_statistics->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_statistics->setWordWrap(true); // the lesson's text before a run; the table keeps its columns
    auto *statsScroll = new QScrollArea(this);
    statsScroll->setObjectName(QStringLiteral("statisticsScroll"));
    statsScroll->setWidget(m_statistics);
    statsScroll->setWidgetResizable(true);
    m_concurrency = new ConcurrencyChart(this);
    m_makespan = new MakespanChart(this);
    m_distribution = new DistributionChart(this);
    m_log = new EventLog(this);
    m_bottomTabs->addTab(statsScroll, tr("Statistics"));
    m_insights = new InsightsPanel(this);
    m_bottomTabs->addTab(m_insights, tr("Insights"));
    connect(m_insights, &InsightsPanel::taskChosen, this, [this](int group, int task) {
        m_timeline->selectTask(group, task);
        onTaskClicked(group, task);
    });
    // Each chart keeps the height its text needs and scrolls in a short dock: switching tabs never
    // resizes the dock.
    auto scrolled = [this](QWidget *chart) {
        auto *scroll = new QScrollArea(this);
        scroll->setWidget(chart);
        scroll->setWidgetResizable(true);
        scroll->setFrameShape(QFrame::NoFrame);
        scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
        return scroll;
    };
    m_bottomTabs->addTab(scrolled(m_makespan), tr("Makespan"));
    m_bottomTabs->addTab(scrolled(m_concurrency), tr("Concurrency"));
    m_bottomTabs->addTab(scrolled(m_distribution), tr("Waits"));
    m_bottomTabs->addTab(m_log, tr("Log"));
    // What is true at playback's instant, in front while playing back: the full width holds a
    // column per run.
    m_state = new StatePanel(this);
    m_bottomTabs->addTab(m_state, tr("State"));
    auto *bottomDock = new QDockWidget(tr("Results"), this);
    bottomDock->setObjectName(QStringLiteral("ResultsDock"));
    bottomDock->setWidget(m_bottomTabs);
    addDockWidget(Qt::BottomDockWidgetArea, bottomDock);
    resizeDocks({editorDock}, {460}, Qt::Horizontal);
    resizeDocks({bottomDock}, {170}, Qt::Vertical); // grows after a run as far as the statistics need (fitStatistics)
}

void MainWindow::createActions()
{
    m_runAction = new QAction(tr("&Run"), this);
    m_runAction->setShortcuts({QKeySequence(Qt::Key_F5), QKeySequence(Qt::Key_Space)});
    m_runAction->setToolTip(tr("Run the scenario: its comparison when it has one (F5, Space)"));
    connect(m_runAction, &QAction::triggered, this, [this] { run(!m_document.scenario().compare.isEmpty()); });

    m_runAllAction = new QAction(tr("Run all &compared strategies"), this);
    m_runAllAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_R));
    connect(m_runAllAction, &QAction::triggered, this, [this] { run(true); });

    m_predictAction = new QAction(tr("&Predict, then Run…"), this);
    m_predictAction->setToolTip(tr("Guess how long each strategy takes, then run them and see the guesses beside the truth"));
    connect(m_predictAction, &QAction::triggered, this, &MainWindow::predictThenRun);

    m_runOneAction = new QAction(tr("Run the chosen strategy &only"), this);
    m_runOneAction->setShortcut(QKeySequence(Qt::SHIFT | Qt::Key_F5));
    connect(m_runOneAction, &QAction::triggered, this, [this] { run(false); });

    m_stopAction = new QAction(tr("&Stop"), this);
    m_stopAction->setShortcut(QKeySequence(Qt::Key_Escape));
    m_stopAction->setEnabled(false);
    // Esc first leaves presentation mode (the action stays enabled while presenting for that).
    connect(m_stopAction, &QAction::triggered, this, [this] {
        if (m_presenting)
            setPresenting(false);
        else if (isPlayingBack())
            leavePlayback();
        else
            stop();
    });

    m_playAction = new QAction(tr("Play &Back the Run"), this);
    m_playAction->setIconText(tr("Play Back"));
    m_playAction->setShortcut(QKeySequence(Qt::Key_K));
    m_playAction->setToolTip(tr("Play the finished run back, pause it, step through it (K; ← → step, Esc leaves)"));
    connect(m_playAction, &QAction::triggered, this, [this] {
        if (isPlayingBack())
            m_playback->togglePlaying();
        else if (startPlayback())
            m_playback->play();
    });
    m_nextEventAction = new QAction(tr("&Next Event"), this);
    m_nextEventAction->setEnabled(false);
    connect(m_nextEventAction, &QAction::triggered, this, [this] { m_playback->stepForward(); });
    m_previousEventAction = new QAction(tr("Pre&vious Event"), this);
    m_previousEventAction->setEnabled(false);
    connect(m_previousEventAction, &QAction::triggered, this, [this] { m_playback->stepBack(); });

    m_virtualAction = new QAction(tr("&Virtual clock (instant, exact times)"), this);
    m_virtualAction->setCheckable(true);
    connect(m_virtualAction, &QAction::toggled, this, [this](bool on) { setClock(on ? ClockKind::Virtual : ClockKind::Real); });
}

void MainWindow::createMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(tr("&New"), QKeySequence::New, this, [this] {
        if (!maybeSave())
            return;
        Scenario s;
        s.name = tr("New scenario");
        s.tasks << TaskKindRegistry::find(QStringLiteral("sleep"))->makeTask(QStringLiteral("T1"));
        openScenario(s, QString());
    });
    file->addAction(tr("&Open…"), QKeySequence::Open, this, [this] {
        if (!maybeSave())
            return;
        const QString path = QFileDialog::getOpenFileName(this, tr("Open scenario"), m_lastDir, tr("Scenarios (*.json)"));
        if (!path.isEmpty())
            openFile(path);
    });
    m_recentMenu = file->addMenu(tr("Open &Recent"));
    // The examples by topic, each with the one line it teaches; the whole description on hover.
    m_examplesMenu = file->addMenu(tr("&Examples"));
    m_examplesMenu->setToolTipsVisible(true);
    QMenu *topicMenu = nullptr;
    for (const Example &e : examplesByTopic()) {
        const QString topic = e.topic.isEmpty() ? tr("Other") : e.topic;
        if (!topicMenu || topicMenu->title() != topic) {
            topicMenu = m_examplesMenu->addMenu(topic);
            topicMenu->setToolTipsVisible(true);
        }
        QAction *a = topicMenu->addAction(e.lesson.isEmpty() ? e.name : QStringLiteral("%1 — %2").arg(e.name, e.lesson), this,
                                          [this, path = e.path] {
                                              if (maybeSave())
                                                  openFile(path);
                                          });
        a->setToolTip(e.description);
    }
    file->addSeparator();
    file->addAction(tr("Open &Trace…"), this, [this] {
        if (!maybeSave())
            return; // the trace's tasks take the editor's place
        const QString path = QFileDialog::getOpenFileName(this, tr("Open a trace"), m_lastDir,
                                                          tr("ConcViz traces (*.json);;All files (*)"));
        if (!path.isEmpty())
            openTrace(path);
    });
    m_editTraceAction = file->addAction(tr("&Edit Trace as Scenario"), this, &MainWindow::editTraceAsScenario);
    m_editTraceAction->setEnabled(false);
    file->addAction(tr("&Save"), QKeySequence::Save, this, &MainWindow::save);
    file->addAction(tr("Save &As…"), QKeySequence::SaveAs, this, &MainWindow::saveAs);
    QMenu *exportMenu = file->addMenu(tr("&Export"));
    exportMenu->addAction(tr("Timeline as &Image (PNG, SVG, PDF)…"), QKeySequence(Qt::CTRL | Qt::Key_E), this, &MainWindow::exportImage);
    exportMenu->addAction(tr("&Trace (JSON, CSV, Chrome trace)…"), this, &MainWindow::exportTrace);
    file->addAction(tr("Export as &Python…"), this, &MainWindow::exportPython);
    file->addSeparator();
    file->addAction(tr("&Quit"), QKeySequence::Quit, this, &QWidget::close);

    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    QAction *undo = m_document.undoStack()->createUndoAction(this, tr("&Undo"));
    undo->setShortcut(QKeySequence::Undo);
    QAction *redo = m_document.undoStack()->createRedoAction(this, tr("&Redo"));
    // The same keys on every system; on the timeline Ctrl+Shift+Z goes back to the view before.
    redo->setShortcuts({QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z), QKeySequence(Qt::CTRL | Qt::Key_Y)});
    edit->addAction(undo);
    edit->addAction(redo);
    edit->addSeparator();
    edit->addAction(tr("&Add Task"), QKeySequence(Qt::CTRL | Qt::Key_T), m_editor, &ScenarioEditor::addTask);
    edit->addAction(tr("&Duplicate Tasks"), QKeySequence(Qt::CTRL | Qt::Key_D), m_editor, &ScenarioEditor::duplicateTasks);
    edit->addAction(tr("De&lete Tasks"), m_editor, &ScenarioEditor::deleteTasks);
    edit->addSeparator();
    edit->addAction(tr("&Find Tasks…"), QKeySequence::Find, this, &MainWindow::findTasks);

    QMenu *runMenu = menuBar()->addMenu(tr("&Run"));
    runMenu->addActions({m_runAction, m_runAllAction, m_predictAction, m_runOneAction, m_stopAction});
    runMenu->addSeparator();
    runMenu->addActions({m_playAction, m_nextEventAction, m_previousEventAction});
    runMenu->addSeparator();
    runMenu->addAction(m_virtualAction);

    QMenu *view = menuBar()->addMenu(tr("&View"));
    view->addAction(tr("Zoom &In"), QKeySequence::ZoomIn, m_timeline, &TimelineWidget::zoomIn);
    view->addAction(tr("Zoom &Out"), QKeySequence::ZoomOut, m_timeline, &TimelineWidget::zoomOut);
    view->addAction(tr("&Fit the Run"), QKeySequence(Qt::CTRL | Qt::Key_0), m_timeline, &TimelineWidget::fit);
    m_fullScreenAction = view->addAction(tr("F&ull Screen"));
    m_fullScreenAction->setShortcut(QKeySequence(Qt::Key_F11));
    m_fullScreenAction->setCheckable(true);
    connect(m_fullScreenAction, &QAction::toggled, this, [this](bool on) { on ? showFullScreen() : showNormal(); });
    m_presentAction = view->addAction(tr("&Presentation Mode"));
    m_presentAction->setShortcut(QKeySequence(Qt::Key_P));
    m_presentAction->setCheckable(true);
    m_presentAction->setToolTip(tr("The timeline, the lesson and the numbers only, large (P; Esc leaves)"));
    connect(m_presentAction, &QAction::triggered, this, [this](bool on) { setPresenting(on); });
    QAction *ideal = view->addAction(tr("Show the I&deal Times"));
    ideal->setCheckable(true);
    ideal->setChecked(true);
    ideal->setToolTip(tr("Outline each task of a real-clock run where it ran on the virtual clock, so the overhead shows"));
    connect(ideal, &QAction::toggled, m_timeline, &TimelineWidget::setShowIdeal);
    QAction *code = view->addAction(tr("Show the asyncio &Code"));
    code->setShortcut(QKeySequence(Qt::Key_C));
    code->setToolTip(tr("The asyncio code of the scenario: in front of the editor, or in the timeline's place when presenting (C)"));
    connect(code, &QAction::triggered, this, &MainWindow::toggleCode);
    view->addSeparator();
    for (QDockWidget *dock : findChildren<QDockWidget *>())
        view->addAction(dock->toggleViewAction());
    view->addAction(tr("&Reset the Layout"), this, &MainWindow::resetLayout);
    view->addSeparator();
    QMenu *themes = view->addMenu(tr("&Theme"));
    m_themeGroup = new QActionGroup(this);
    const std::pair<Theme::Kind, QString> kinds[] = {{Theme::Kind::System, tr("&System")},
                                                     {Theme::Kind::Light, tr("&Light")},
                                                     {Theme::Kind::Dark, tr("&Dark")},
                                                     {Theme::Kind::Projector, tr("&Projector (large, high contrast)")}};
    for (const auto &[kind, label] : kinds) {
        QAction *a = themes->addAction(label);
        a->setCheckable(true);
        a->setData(Theme::kindName(kind));
        m_themeGroup->addAction(a);
        connect(a, &QAction::triggered, this, [this, kind = kind] { setThemeKind(kind); });
    }
    view->addAction(tr("Show the &Log"), QKeySequence(Qt::CTRL | Qt::Key_L), this, [this] { m_bottomTabs->setCurrentWidget(m_log); });

    QToolBar *bar = addToolBar(tr("Run"));
    bar->setObjectName(QStringLiteral("RunToolBar"));
    bar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    bar->addActions({m_runAction, m_runAllAction, m_stopAction, m_playAction});
    bar->addSeparator();
    bar->addAction(m_virtualAction);
    bar->addSeparator();
    bar->addAction(tr("Fit"), m_timeline, &TimelineWidget::fit);
    bar->addAction(tr("Zoom +"), m_timeline, &TimelineWidget::zoomIn);
    bar->addAction(tr("Zoom −"), m_timeline, &TimelineWidget::zoomOut);
}

void MainWindow::createHelpMenu()
{
    QMenu *help = menuBar()->addMenu(tr("&Help"));
    QAction *shortcuts = help->addAction(tr("&Keyboard Shortcuts"), this, &MainWindow::showShortcuts);
    shortcuts->setShortcuts({QKeySequence(Qt::Key_F1), QKeySequence(QStringLiteral("?"))});
    // The lessons: each example, with what it teaches on hover; choosing one opens it.
    QMenu *lessons = help->addMenu(tr("&Lessons"));
    lessons->setToolTipsVisible(true);
    QString lastTopic;
    for (const Example &e : examplesByTopic()) {
        if (e.topic != lastTopic)
            lessons->addSection(e.topic.isEmpty() ? tr("Other") : e.topic);
        lastTopic = e.topic;
        QAction *a = lessons->addAction(e.name, this, [this, path = e.path] {
            if (maybeSave())
                openFile(path);
        });
        a->setToolTip(e.description);
    }
    help->addSeparator();
    help->addAction(tr("&About ConcViz"), this, [this] {
        QMessageBox about(this);
        about.setWindowTitle(tr("About ConcViz"));
        about.setIconPixmap(windowIcon().pixmap(96, 96));
        about.setText(tr("<h3>ConcViz %1</h3><p>See concurrency: describe tasks, pick how they run, and watch what really "
                         "happened, one strategy beside another on one time axis.</p><p>The lessons are those of Python's "
                         "asyncio; every strategy does what its asyncio code does.</p>")
                          .arg(QCoreApplication::applicationVersion()));
        about.exec();
    });
}

void MainWindow::showShortcuts()
{
    ShortcutsDialog dialog(this);
    dialog.exec();
}

bool MainWindow::showResults(const QString &tab)
{
    const QStringList tabs{QStringLiteral("statistics"), QStringLiteral("insights"), QStringLiteral("makespan"), QStringLiteral("concurrency"),
                           QStringLiteral("waits"), QStringLiteral("log")};
    const qsizetype index = tabs.indexOf(tab);
    if (index < 0)
        return false;
    m_bottomTabs->setCurrentIndex(static_cast<int>(index));
    return true;
}

void MainWindow::showCode()
{
    auto *dock = findChild<QDockWidget *>(QStringLiteral("CodeDock"));
    dock->show();
    dock->raise();
}

void MainWindow::toggleCode()
{
    if (!m_presenting) {
        showCode();
        return;
    }
    const bool toCode = !m_presentedCode->isVisible();
    m_presentedCode->setVisible(toCode);
    m_timeline->setVisible(!toCode);
    (toCode ? static_cast<QWidget *>(m_presentedCode) : m_timeline)->setFocus();
}

bool MainWindow::isPresentingCode() const
{
    return m_presenting && m_presentedCode->isVisible();
}

void MainWindow::findTasks()
{
    if (m_presenting)
        setPresenting(false);
    m_findBar->open();
}

void MainWindow::resetLayout()
{
    restoreState(m_defaultLayout);
    for (QDockWidget *dock : findChildren<QDockWidget *>())
        dock->show();
}

void MainWindow::setPresenting(bool on)
{
    if (on == m_presenting)
        return;
    m_presenting = on;
    const QSignalBlocker quiet(m_presentAction);
    m_presentAction->setChecked(on);
    if (on) {
        // Only what the room needs: the lesson, the headline and the timeline, full screen.
        m_layoutBeforePresenting = saveState();
        m_fullScreenBeforePresenting = isFullScreen();
        for (QDockWidget *dock : findChildren<QDockWidget *>())
            dock->hide();
        for (QToolBar *bar : findChildren<QToolBar *>())
            bar->hide();
        menuBar()->hide();
        statusBar()->hide();
        m_findBar->hide();
        m_lessonBar->show();
        m_stopAction->setEnabled(true); // Esc leaves
        showPlaybackWhilePresenting(true);
        showFullScreen();
        m_timeline->setFocus();
    } else {
        m_lessonBar->hide();
        m_presentedCode->hide();
        m_timeline->show();
        menuBar()->show();
        statusBar()->show();
        restoreState(m_layoutBeforePresenting);
        m_stopAction->setEnabled(m_runs->isRunning() || isPlayingBack());
        if (!m_fullScreenBeforePresenting)
            showNormal();
    }
}

void MainWindow::setClock(ClockKind clock, bool remember)
{
    m_clock = clock;
    const QSignalBlocker quiet(m_virtualAction);
    m_virtualAction->setChecked(clock == ClockKind::Virtual);
    if (remember)
        Settings::setClock(clock);
}

void MainWindow::setThemeKind(Theme::Kind kind, bool remember)
{
    m_themeKind = kind;
    for (QAction *a : m_themeGroup->actions())
        a->setChecked(a->data().toString() == Theme::kindName(kind));
    applyPalette();
    const Theme theme = Theme::make(kind, m_systemPalette);
    m_timeline->setTheme(theme);
    m_concurrency->setTheme(theme);
    m_makespan->setTheme(theme);
    m_distribution->setTheme(theme);
    m_code->setTheme(theme);
    m_presentedCode->setTheme(theme);
    if (remember)
        Settings::setTheme(Theme::kindName(kind));
}

void MainWindow::applyPalette()
{
    // The widgets follow the theme too; "system" gives back what the desktop chose.
    QPalette palette = m_systemPalette;
    QFont font = m_systemFont;
    if (m_themeKind == Theme::Kind::Dark) {
        palette = QPalette(QColor(0x2B, 0x2D, 0x31), QColor(0x1E, 0x1F, 0x22));
        palette.setColor(QPalette::WindowText, QColor(0xE8, 0xE8, 0xE8));
        palette.setColor(QPalette::Text, QColor(0xE8, 0xE8, 0xE8));
        palette.setColor(QPalette::ButtonText, QColor(0xE8, 0xE8, 0xE8));
        palette.setColor(QPalette::Base, QColor(0x1E, 0x1F, 0x22));
        palette.setColor(QPalette::AlternateBase, QColor(0x26, 0x28, 0x2C));
    } else if (m_themeKind == Theme::Kind::Light || m_themeKind == Theme::Kind::Projector) {
        palette = QPalette(QColor(0xEE, 0xEE, 0xEE), Qt::white);
        palette.setColor(QPalette::WindowText, Qt::black);
        palette.setColor(QPalette::Text, Qt::black);
        palette.setColor(QPalette::ButtonText, Qt::black);
    }
    if (m_themeKind != Theme::Kind::System) {
        // A greyed action must look greyed in every theme: Stop while nothing runs, for one.
        const QColor disabled = m_themeKind == Theme::Kind::Dark ? QColor(0x80, 0x80, 0x80) : QColor(0x9A, 0x9A, 0x9A);
        for (QPalette::ColorRole role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
            palette.setColor(QPalette::Disabled, role, disabled);
    }
    if (m_themeKind == Theme::Kind::Projector)
        font.setPointSize(16);
    QApplication::setPalette(palette);
    QApplication::setFont(font);
}

void MainWindow::stopForAFile()
{
    stopOpening();
    // A stopped run still reports its end later: it must not come back over what the file shows.
    if (m_runs->isRunning()) {
        m_discardRuns = true;
        m_refresh.stop();
        stop();
    }
    leavePlayback();
}

void MainWindow::openScenario(const Scenario &scenario, const QString &path)
{
    stopForAFile();
    m_shown.clear();
    m_shownIsTrace = false;
    m_document.setReadOnly(false);
    m_editTraceAction->setEnabled(false);
    m_document.reset(scenario, path);
    m_log->clearLog();
    m_timeline->setTraces({}, scenario.deadlineMs);
    m_timeline->setNotice({});
    m_lessonBar->setLesson(scenario.name, scenario.description);
    m_lessonBar->setHeadline({});
    m_timeline->setNow(-1);
    m_timeline->fit();
    updateStatistics({}, {});
    dropResults();
    if (!path.isEmpty() && !path.startsWith(QLatin1Char(':')))
        addRecent(path);
}

void MainWindow::dropResults()
{
    stopShowingResult();
    m_runs->clear();
    m_concurrency->setTraces({}, {});
    m_makespan->setTraces({}, {});
    m_distribution->setTraces({});
    m_insights->setTraces({});
    // From the loop, once what the replaced views let go of with deleteLater() has gone too.
    QTimer::singleShot(0, this, [] { returnFreedMemory(); });
}

bool MainWindow::openFile(const QString &path)
{
    return open(path, false);
}

bool MainWindow::openTrace(const QString &path)
{
    return open(path, true);
}

bool MainWindow::open(const QString &path, bool traceOnly)
{
    stopOpening();
    if (!path.startsWith(QLatin1Char(':')) && QFileInfo(path).size() > openAtOnceUpTo) {
        openInBackground(path, traceOnly);
        return true;
    }
    return showOpened(traceOnly ? OpenedFile::readTrace(path) : OpenedFile::read(path), path, traceOnly);
}

void MainWindow::openInBackground(const QString &path, bool traceOnly)
{
    // What is on screen stays, and works, until the file is read: a broken one changes nothing.
    const quint64 generation = ++m_openGeneration;
    m_opening = true;
    // Edits made while it is read are asked about before the file replaces them.
    const int edits = m_document.undoStack()->index();
    const QFileInfo file(path);
    m_openingName = file.fileName();
    showReadingProgress();
    m_stopAction->setEnabled(true);
    const QString reading = tr("Reading %1 (%2 MB)… (Esc stops)").arg(file.fileName()).arg(static_cast<double>(file.size()) / 1e6, 0, 'f', 1);
    statusBar()->showMessage(reading);
    // Said above the timeline too, where a class looks; what was said there comes back after.
    m_noticeBeforeReading = m_timeline->notice();
    m_timeline->setNotice(reading);
    runInBackground(
        this, [path, traceOnly] { return traceOnly ? OpenedFile::readTrace(path) : OpenedFile::read(path); },
        [this, path, traceOnly, generation, edits](const OpenedFile &opened) {
            if (generation != m_openGeneration)
                return;
            endOpening();
            if (m_document.undoStack()->index() != edits && !maybeSave()) {
                statusBar()->showMessage(tr("Kept your changes; %1 was not opened").arg(QFileInfo(path).fileName()), 6000);
                Q_EMIT fileOpened(false);
                return;
            }
            const bool ok = showOpened(opened, path, traceOnly);
            if (!ok || !opened.isTrace())
                Q_EMIT fileOpened(ok); // a trace says so once every view shows it
        });
}

void MainWindow::stopOpening()
{
    if (!m_opening)
        return;
    ++m_openGeneration;
    endOpening();
    m_lastError = tr("the reading of the file was stopped");
    statusBar()->showMessage(tr("Stopped reading the file"), 4000);
    Q_EMIT fileOpened(false);
}

void MainWindow::endOpening()
{
    m_opening = false;
    m_progress->hide();
    m_stopAction->setEnabled(m_runs->isRunning() || m_presenting || isPlayingBack());
    m_timeline->setNotice(m_noticeBeforeReading);
}

bool MainWindow::showOpened(const OpenedFile &opened, const QString &path, bool traceOnly)
{
    if (opened.scenario) {
        if (!path.startsWith(QLatin1Char(':')))
            m_lastDir = QFileInfo(path).absolutePath();
        Settings::setLastDirectory(m_lastDir);
        openScenario(*opened.scenario, path);
        statusBar()->showMessage(tr("Opened %1").arg(opened.scenario->name), 4000);
        return true;
    }
    if (!opened.isTrace()) {
        // The scenario on screen stays exactly as it was.
        showError(traceOnly ? tr("Cannot open the trace") : tr("Cannot open the scenario"), opened.error);
        return false;
    }
    showTrace(opened, path);
    return true;
}

void MainWindow::showTrace(const OpenedFile &opened, const QString &path)
{
    stopForAFile();
    m_lastDir = QFileInfo(path).absolutePath();
    Settings::setLastDirectory(m_lastDir);
    stopShowingResult();
    const quint64 generation = m_resultGeneration;
    m_runs->clear();
    m_shown = opened.traces;
    m_shownIsTrace = true;
    // The editor shows the trace's tasks, read-only, until File ▸ Edit Trace as Scenario (or F5).
    const Scenario &tasks = opened.traceTasks;
    m_document.reset(tasks, QString());
    m_document.setReadOnly(true);
    m_editTraceAction->setEnabled(true);
    m_lessonBar->setLesson(tasks.name, {});
    m_lessonBar->setHeadline({});
    m_guesses.clear();
    m_orderGuess.clear();
    m_timeline->setGuesses({});
    m_timeline->setFinishOrderGuess(-1, {});
    m_log->clearLog();
    m_timeline->setNow(-1);
    const QString name = QFileInfo(path).fileName();
    const QList<Trace> traces = m_shown;
    QList<std::function<void()>> steps;
    steps.append([this, name, traces] {
        m_timeline->fit();
        m_timeline->setNotice(tr("A trace read from %1. Its tasks are on the left, read-only: F5 runs them as a scenario, "
                                 "File ▸ Edit Trace as Scenario lets you change them first.")
                                  .arg(name));
        updateStatistics(traces, shownStatistics());
    });
    const qsizetype count = taskCount(traces);
    const bool inTurns = count > showAtOnceUpTo;
    appendChartSteps(steps, traces, !inTurns);
    steps.append([this, name, traces] {
        setThemeKind(m_themeKind, false); // new chart axes take the theme's fonts and colours
        m_lessonBar->setHeadline(headline(traces, shownStatistics()));
        m_progress->hide();
        enableRunActions();
        m_findBar->setCounts(m_timeline->shownLanes(), m_timeline->totalLanes());
        const QString runs = traces.size() == 1 ? tr("one run") : tr("%1 runs").arg(traces.size());
        statusBar()->showMessage(tr("Opened the trace %1: %2; K plays it back").arg(name, runs), 8000);
        m_showingTrace = false;
        Q_EMIT fileOpened(true);
    });
    if (!inTurns) {
        m_timeline->setTraces(traces);
        showSteps(std::move(steps), false, generation);
        return;
    }
    // Too big to show between two frames: as a big run's result, the timeline's model is built
    // on another thread and the other views take a turn each.
    m_timeline->setTraces({});
    m_timeline->setNotice({});
    m_progress->setRange(0, 0);
    m_progress->setFormat(tr("Preparing the trace of %L1 tasks…").arg(count));
    m_progress->show();
    statusBar()->showMessage(tr("Preparing the trace of %L1 tasks…").arg(count));
    m_showingResult = true;
    m_showingTrace = true;
    m_insights->setTracesInBackground(traces);
    m_timeline->setTracesInBackground(traces, {}, [this, steps = std::move(steps), generation] { showSteps(steps, true, generation); });
}

void MainWindow::editTraceAsScenario()
{
    if (!m_document.isReadOnly())
        return;
    m_document.setReadOnly(false);
    m_document.markUnsaved(); // made here, in no file yet: closing asks where to keep it
    m_editTraceAction->setEnabled(false);
    if (m_shownIsTrace)
        m_timeline->setNotice(tr("The trace's tasks are now a scenario of their own: change them, F5 runs them, Ctrl+S keeps them."));
    statusBar()->showMessage(tr("%1: a scenario to change and run").arg(m_document.scenario().name), 6000);
}

void MainWindow::run(bool allCompared)
{
    if (m_runs->isRunning())
        return;
    stopOpening(); // the scenario on screen is the one to run
    stopShowingResult();
    editTraceAsScenario(); // running a trace's tasks makes them a scenario
    leavePlayback();
    m_shown.clear();
    m_shownIsTrace = false;
    const Scenario &s = m_document.scenario();
    m_runStrategies = allCompared ? s.compareOrDefault() : QList<StrategySpec>{s.strategy};
    m_guesses.clear();
    m_orderGuess.clear();
    m_timeline->setGuesses({});
    m_timeline->setFinishOrderGuess(-1, {});
    m_log->clearLog();
    m_timeline->setTraces({}, s.deadlineMs);
    m_timeline->setNotice({});
    m_timeline->fit();
    // The timeline's keys (W, A, S, D…) work at once, unless a field is being typed in.
    QWidget *focus = QApplication::focusWidget();
    if (!focus || !(focus->inherits("QLineEdit") || focus->inherits("QAbstractSpinBox") || focus->inherits("QPlainTextEdit")))
        m_timeline->setFocus();
    m_lessonBar->setHeadline({});
    m_runAction->setEnabled(false);
    m_runAllAction->setEnabled(false);
    m_predictAction->setEnabled(false);
    m_runOneAction->setEnabled(false);
    m_playAction->setEnabled(false);
    m_stopAction->setEnabled(true);
    statusBar()->showMessage(tr("Running on the %1 clock… (Esc stops)").arg(clockKindName(m_clock)));
    m_liveModel = true;
    m_liveInBackground = false;
    m_liveBuilding = false;
    m_liveNextBuildMs = 0;
    m_liveClock.start();
    m_liveDone = 0;
    ++m_resultGeneration;
    m_refresh.start();
    m_runError.clear();
    m_runs->start(s, m_runStrategies, m_clock);
}

void MainWindow::predictThenRun()
{
    if (m_runs->isRunning())
        return;
    const Scenario &s = m_document.scenario();
    // The slider's end: every task's own time added up, one after another, and a quarter more, so
    // that neither end of it hints at the answer.
    double totalMs = 0;
    for (const TaskSpec &t : s.tasks)
        totalMs += t.count * t.fields.value(QStringLiteral("duration_ms"), 1000.0).toDouble();
    const double upToMs = std::clamp(totalMs * 1.25, 1000.0, 86400000.0);
    PredictDialog dialog(s.compareOrDefault(), upToMs, this);
    // The finish order of a few tasks is a fair question; of a hundred, a chore.
    const QList<TaskInstance> instances = s.instances();
    if (instances.size() >= 2 && instances.size() <= maxOrderGuess) {
        QStringList names;
        for (const TaskInstance &i : instances)
            names << i.name;
        dialog.offerFinishOrder(orderStrategy().toString(), names);
    }
    if (dialog.exec() == QDialog::Accepted)
        runWithGuesses(dialog.guessesMs(), dialog.finishOrder());
}

StrategySpec MainWindow::orderStrategy() const
{
    // The scenario's own strategy when it is compared, else the first compared.
    const Scenario &s = m_document.scenario();
    const QList<StrategySpec> compared = s.compareOrDefault();
    for (const StrategySpec &spec : compared)
        if (spec.toString() == s.strategy.toString())
            return spec;
    return compared.value(0, s.strategy);
}

void MainWindow::runWithGuesses(const QList<double> &guessesMs, const QStringList &finishOrder)
{
    run(true);
    for (const double ms : guessesMs)
        m_guesses << fromMs(ms);
    m_timeline->setGuesses(m_guesses);
    m_orderGuess = finishOrder;
}

void MainWindow::stop()
{
    stopOpening();
    if (m_runs->isRunning())
        m_runs->stop();
}

bool MainWindow::isRunning() const
{
    return m_runs->isRunning();
}

void MainWindow::refreshLive()
{
    if (m_discardRuns)
        return;
    m_timeline->setNow(m_runs->now());
    if (!m_dirty)
        return;
    m_dirty = false;
    const QList<Trace> traces = m_runs->traces();
    if (traces.isEmpty())
        return;
    const Trace &live = traces.last();
    if (m_liveModel && !m_liveInBackground) {
        bool tooCostly = live.tasks.size() > liveRedrawUpTo;
        if (!tooCostly) {
            QElapsedTimer cost;
            cost.start();
            m_timeline->setTraces(traces, m_document.scenario().deadlineMs);
            m_findBar->setCounts(m_timeline->shownLanes(), m_timeline->totalLanes());
            tooCostly = cost.elapsed() > liveRebuildBudgetMs && live.tasks.size() > liveRedrawAlwaysUpTo;
        }
        m_liveInBackground = tooCostly;
    }
    if (m_liveModel && m_liveInBackground) {
        const qsizetype tasks = taskCount(traces);
        if (tasks > liveInBackgroundUpTo) {
            m_liveModel = false;
            m_timeline->setNotice(tr("%L1 tasks are too many to redraw as they run: the timeline shows them when the run ends.").arg(tasks));
        } else if (m_liveBuilding || m_liveClock.elapsed() < m_liveNextBuildMs) {
            m_dirty = true; // drawn by a later build
        } else {
            m_liveBuilding = true;
            const qint64 started = m_liveClock.elapsed();
            m_timeline->setTracesInBackground(traces, m_document.scenario().deadlineMs, [this, started] {
                m_liveBuilding = false;
                m_liveNextBuildMs = 2 * m_liveClock.elapsed() - started;
                m_findBar->setCounts(m_timeline->shownLanes(), m_timeline->totalLanes());
            });
        }
    }
    if (m_opening)
        return; // the progress bar and the status line say how the reading of a file goes
    // How far the run has got, as a progress bar says it: the tasks done of all.
    const auto total = static_cast<int>(std::min<qsizetype>(live.tasks.size(), std::numeric_limits<int>::max()));
    m_progress->setRange(0, total);
    m_progress->setValue(static_cast<int>(std::min<qint64>(m_liveDone, total)));
    m_progress->setFormat(tr("%1: %L2 of %L3 done").arg(live.strategy).arg(m_liveDone).arg(total));
    m_progress->show();
    statusBar()->showMessage(tr("Running %1 on the %2 clock… %L3 of %L4 done (Esc stops)")
                                 .arg(live.strategy, clockKindName(m_clock))
                                 .arg(m_liveDone)
                                 .arg(live.tasks.size()));
}

void MainWindow::onRunsFinished(bool stopped)
{
    m_refresh.stop();
    m_progress->hide();
    if (!m_liveModel)
        m_timeline->setNotice({});
    if (m_discardRuns) {
        // Stopped for a file opened meanwhile: what is on screen now is that file's.
        m_discardRuns = false;
        m_timeline->setNow(-1);
        enableRunActions();
        Q_EMIT runsFinished();
        return;
    }
    const QList<Trace> traces = m_runs->traces();
    m_shown = traces;
    m_shownIsTrace = false;
    m_timeline->setNow(-1);
    const quint64 generation = ++m_resultGeneration;
    const qsizetype tasks = taskCount(traces);
    if (tasks <= showAtOnceUpTo) {
        m_timeline->setTraces(traces, m_document.scenario().deadlineMs);
        showResult(traces, stopped, generation, false);
        return;
    }
    // Too big to show between two frames: the timeline's model is built on another thread, and
    // the other views take a turn each, so the window keeps drawing and the progress bar moving.
    m_progress->setRange(0, 0);
    m_progress->setFormat(tr("Preparing the result of %L1 tasks…").arg(tasks));
    m_progress->show();
    statusBar()->showMessage(tr("Preparing the result of %L1 tasks…").arg(tasks));
    m_insights->setTracesInBackground(traces);
    m_timeline->setTracesInBackground(traces, m_document.scenario().deadlineMs,
                                      [this, traces, stopped, generation] { showResult(traces, stopped, generation, true); });
}

void MainWindow::showResult(const QList<Trace> &traces, bool stopped, quint64 generation, bool inTurns)
{
    QList<std::function<void()>> steps;
    steps.append([this, traces, stopped] {
        m_timeline->fit();
        updateStatistics(traces, shownStatistics());
        if (!m_guesses.isEmpty() && !stopped)
            m_statistics->setText(m_statistics->text() + QStringLiteral("<p>%1</p>").arg(guessesBesideTruth(traces).toHtmlEscaped()));
        if (!m_orderGuess.isEmpty() && !stopped) {
            const QString own = orderStrategy().toString();
            for (int g = 0; g < traces.size(); ++g) {
                if (traces[g].strategy != own)
                    continue;
                m_timeline->setFinishOrderGuess(g, m_orderGuess);
                m_statistics->setText(m_statistics->text() + QStringLiteral("<p>%1</p>").arg(
                    tr("Finish order under %1: %2").arg(own, FinishOrder(traces[g], m_orderGuess).summary()).toHtmlEscaped()));
                break;
            }
        }
    });
    appendChartSteps(steps, traces, !inTurns); // in turns, the insights are under way since the run ended
    steps.append([this, traces] { m_lessonBar->setHeadline(headline(traces, shownStatistics())); });
    steps.append([this, stopped] {
        setThemeKind(m_themeKind, false); // new chart axes take the theme's fonts and colours
        m_progress->hide();
        enableRunActions();
        m_findBar->setCounts(m_timeline->shownLanes(), m_timeline->totalLanes());
        if (!m_runError.isEmpty())
            statusBar()->showMessage(tr("Internal error in the engine: %1").arg(m_runError));
        else if (!m_orderGuess.isEmpty() && !stopped)
            statusBar()->showMessage(tr("Your guesses are the dotted lines and the places after the lanes; the statistics say by how much"));
        else if (!m_guesses.isEmpty() && !stopped)
            statusBar()->showMessage(tr("Your guesses are the dotted lines, beside each run; the statistics say by how much"));
        else
            statusBar()->showMessage(stopped ? tr("Stopped") : tr("Done"), 5000);
        Q_EMIT runsFinished();
    });
    showSteps(std::move(steps), inTurns, generation);
}

void MainWindow::appendChartSteps(QList<std::function<void()>> &steps, const QList<Trace> &traces, bool insights)
{
    steps.append([this, traces] { m_concurrency->setTraces(traces, shownStatistics()); });
    steps.append([this, traces] { m_makespan->setTraces(traces, shownStatistics()); });
    steps.append([this, traces] { m_distribution->setTraces(traces); });
    if (insights)
        steps.append([this, traces] { m_insights->setTraces(traces); });
}

void MainWindow::showSteps(QList<std::function<void()>> steps, bool inTurns, quint64 generation)
{
    if (!inTurns) {
        for (const std::function<void()> &step : steps)
            step();
        return;
    }
    m_showingResult = true;
    runStep(std::make_shared<const QList<std::function<void()>>>(std::move(steps)), 0, generation);
}

void MainWindow::runStep(const std::shared_ptr<const QList<std::function<void()>>> &steps, qsizetype i, quint64 generation)
{
    // One step per turn of the event loop; a new run, scenario or trace meanwhile ends the chain.
    if (generation != m_resultGeneration)
        return;
    if (i + 1 == steps->size())
        m_showingResult = false;
    (*steps)[i]();
    if (i + 1 < steps->size())
        QTimer::singleShot(0, this, [this, steps, i, generation] { runStep(steps, i + 1, generation); });
}

void MainWindow::stopShowingResult()
{
    ++m_resultGeneration;
    if (!m_showingResult)
        return;
    m_showingResult = false;
    m_progress->hide();
    enableRunActions();
    if (m_showingTrace) {
        m_showingTrace = false;
        Q_EMIT fileOpened(false); // never on screen whole
    }
}

void MainWindow::enableRunActions()
{
    for (QAction *a : {m_runAction, m_runAllAction, m_predictAction, m_runOneAction, m_playAction})
        a->setEnabled(true);
    m_stopAction->setEnabled(m_presenting || isPlayingBack() || m_opening);
    if (m_opening)
        showReadingProgress(); // a run ended while a file is read: the reading goes on
}

void MainWindow::showReadingProgress()
{
    m_progress->setRange(0, 0);
    m_progress->setFormat(tr("Reading %1…").arg(m_openingName));
    m_progress->show();
}

bool MainWindow::startPlayback()
{
    const QList<Trace> traces = m_shown;
    if (m_runs->isRunning() || traces.isEmpty()) {
        statusBar()->showMessage(m_runs->isRunning() ? tr("Wait for the run to finish, then play it back (K)")
                                                     : tr("Run the scenario first (F5), then play it back (K)"), 5000);
        return false;
    }
    m_state->setTraces(traces);
    m_playingBack = true;
    m_playback->setTraces(traces);
    m_playback->show();
    if (m_bottomTabs->currentWidget() != m_state)
        m_tabBeforePlayback = m_bottomTabs->currentIndex();
    m_bottomTabs->setCurrentWidget(m_state);
    showPlaybackWhilePresenting(true);
    // Room for the state's lines without hiding the timeline it describes.
    auto *results = findChild<QDockWidget *>(QStringLiteral("ResultsDock"));
    if (results && results->isVisible() && results->height() < height() / 3)
        resizeDocks({results}, {height() / 3}, Qt::Vertical);
    m_nextEventAction->setEnabled(true);
    m_previousEventAction->setEnabled(true);
    m_stopAction->setEnabled(true);
    onPlaybackPosition(m_playback->position());
    m_timeline->setFocus();
    return true;
}

void MainWindow::leavePlayback()
{
    if (!isPlayingBack())
        return;
    showPlaybackWhilePresenting(false);
    m_playingBack = false;
    m_playback->pause();
    m_playback->hide();
    m_state->setTraces({});
    if (m_bottomTabs->currentWidget() == m_state)
        m_bottomTabs->setCurrentIndex(m_tabBeforePlayback);
    m_timeline->setPlayhead(-1);
    m_code->showCaller(std::nullopt);
    m_presentedCode->showCaller(std::nullopt);
    m_nextEventAction->setEnabled(false);
    m_previousEventAction->setEnabled(false);
    m_stopAction->setEnabled(m_presenting || m_runs->isRunning());
    statusBar()->clearMessage();
}

void MainWindow::showPlaybackWhilePresenting(bool show)
{
    // The room needs the state and the event's name as much as the bars while stepping through.
    if (!m_presenting || !m_playingBack)
        return;
    if (auto *results = findChild<QDockWidget *>(QStringLiteral("ResultsDock")))
        results->setVisible(show);
    statusBar()->setVisible(show);
}

bool MainWindow::isPlayingBack() const
{
    return m_playingBack;
}

void MainWindow::onPlaybackPosition(Micros time)
{
    m_timeline->setPlayhead(time);
    m_state->setTime(time);
    // The code shows one strategy, the scenario's own: its run, when it was among those played (a
    // trace from a file may come from another program altogether).
    const QList<Trace> &traces = m_shown;
    const QString own = m_document.scenario().strategy.toString();
    const auto run = std::find_if(traces.begin(), traces.end(), [&own](const Trace &t) { return t.strategy == own; });
    std::optional<QString> caller;
    if (run != traces.end() && !m_shownIsTrace) {
        const RunState state = RunState::at(*run, time);
        if (!state.over)
            caller = state.callerSpan >= 0 ? run->callerSpans[state.callerSpan].label : QString();
    }
    m_code->showCaller(caller);
    m_presentedCode->showCaller(caller);
    const QString happened = m_playback->eventText();
    statusBar()->showMessage(happened.isEmpty() ? tr("%1: nothing happens at this instant (→ next event, ← previous)").arg(humanDuration(time))
                                                : tr("%1: %2").arg(humanDuration(time), happened));
}

QString MainWindow::guessesBesideTruth(const QList<Trace> &traces) const
{
    QStringList parts;
    for (qsizetype i = 0; i < traces.size() && i < m_guesses.size(); ++i)
        parts << tr("%1 guessed %2, took %3").arg(traces[i].strategy, humanDuration(m_guesses[i]), humanDuration(traces[i].makespan()));
    return tr("Your guesses: %1").arg(parts.join(QStringLiteral("; ")));
}

QList<Statistics> MainWindow::shownStatistics() const
{
    QList<Statistics> stats;
    for (const GanttModel::Group &g : m_timeline->model().groups())
        stats.append(g.stats);
    return stats;
}

void MainWindow::updateStatistics(const QList<Trace> &traces, const QList<Statistics> &stats)
{
    if (traces.isEmpty()) {
        const Scenario &s = m_document.scenario();
        m_statistics->setText(QStringLiteral("<h3>%1</h3><p>%2</p><p>%3</p>")
                                  .arg(s.name.toHtmlEscaped(), s.description.toHtmlEscaped(),
                                       tr("%n task(s). Press <b>F5</b> to run.", nullptr, static_cast<int>(s.instances().size()))));
        return;
    }
    // Headings may fold onto two lines and long strategies break after their commas, so that the
    // table and the headline fit the dock; a number never breaks.
    QString html = QStringLiteral("<table cellspacing='0' cellpadding='3'><tr>");
    for (const QString &h : {tr("strategy"), tr("makespan"), tr("work"), tr("speedup"), tr("max at once"), tr("ok"), tr("failed"),
                             tr("timed out"), tr("cancelled"), tr("mean wait"), tr("p95 wait")})
        html += QStringLiteral("<th align='left'>%1</th>").arg(h);
    html += QStringLiteral("</tr>");
    // "1,000,000", not "1000000": a count of a million is read out in the room.
    const auto count = [locale = QLocale()](int n) { return locale.toString(n); };
    for (qsizetype i = 0; i < traces.size(); ++i) {
        const Trace &t = traces[i];
        const Statistics &s = stats[i];
        const QString name = t.strategy.toHtmlEscaped().replace(QLatin1Char(','), QStringLiteral(",&#8203;"));
        const QString cell = QStringLiteral("<td style='white-space: nowrap'>");
        html += (QStringLiteral("<tr><td><b>%1</b></td>") + cell + QStringLiteral("%2</td>") + cell + QStringLiteral("%3</td>") + cell
                 + QStringLiteral("%4</td>") + cell + QStringLiteral("%5</td>") + cell + QStringLiteral("%6</td>") + cell
                 + QStringLiteral("%7</td>") + cell + QStringLiteral("%8</td>") + cell + QStringLiteral("%9</td>"))
                    .arg(name, humanDuration(s.makespan), humanDuration(s.sum), speedupText(s), count(s.maxConcurrency),
                         count(s.ok), count(s.failed), count(s.timeout), count(s.cancelled));
        html += QStringLiteral("<td style='white-space: nowrap'>%1</td><td style='white-space: nowrap'>%2</td></tr>")
                    .arg(humanDuration(s.meanWait), humanDuration(s.p95Wait));
    }
    html += QStringLiteral("</table>");
    if (traces.size() > 1)
        html.prepend(QStringLiteral("<p style='font-size: large; font-weight: bold; margin: 0 0 4px 0'>%1</p>").arg(headline(traces, stats).toHtmlEscaped()));
    m_statistics->setText(html);
    fitStatistics();
}

QString MainWindow::headline(const QList<Trace> &traces, const QList<Statistics> &stats) const
{
    // The lesson's result in one line: "sequential 4.500 s, gather 2.000 s: 2.25× faster", or with
    // more runs "sequential 10.000 s, semaphore:3 4.000 s (2.50× faster), gather 1.000 s (…)".
    if (traces.isEmpty())
        return {};
    const Statistics &first = stats.first();
    if (traces.size() == 1)
        return QStringLiteral("%1: %2").arg(traces.first().strategy, humanDuration(first.makespan));
    if (traces.size() == 2) {
        const Statistics &last = stats.last();
        const QString versus = runComparison(first, last);
        return QStringLiteral("%1 %2, %3 %4: %5")
            .arg(traces.first().strategy, humanDuration(first.makespan), traces.last().strategy, humanDuration(last.makespan),
                 versus.isEmpty() ? tr("both took no time") : versus);
    }
    // More runs: each one, and how it compares with the first.
    QStringList parts{QStringLiteral("%1 %2").arg(traces.first().strategy, humanDuration(first.makespan))};
    for (qsizetype i = 1; i < traces.size(); ++i) {
        const Statistics &s = stats[i];
        const QString versus = runComparison(first, s);
        parts << (versus.isEmpty() ? QStringLiteral("%1 %2").arg(traces[i].strategy, humanDuration(s.makespan))
                                   : QStringLiteral("%1 %2 (%3)").arg(traces[i].strategy, humanDuration(s.makespan), versus));
    }
    return parts.join(QStringLiteral(", "));
}

void MainWindow::fitStatistics()
{
    // The results grow to show the whole table without scrolling, up to 45% of the window and as
    // far as the timeline can spare: a teacher should not have to scroll for the numbers, nor for
    // the runs. They never shrink: a height the user chose stays.
    auto *dock = findChild<QDockWidget *>(QStringLiteral("ResultsDock"));
    if (!dock || !dock->isVisible() || dock->isFloating())
        return;
    auto *scroll = qobject_cast<QScrollArea *>(m_bottomTabs->widget(0));
    const int shown = scroll ? scroll->viewport()->height() : m_statistics->height();
    const int wanted = m_statistics->heightForWidth(scroll ? scroll->viewport()->width() : m_statistics->width()) + 4;
    if (wanted <= shown)
        return;
    // Only from room the timeline can spare: its runs stay whole on the screen first.
    const int spare = std::max(0, m_timeline->height() - m_timeline->neededHeight());
    const int target = std::min({dock->height() + wanted - shown, height() * 45 / 100, dock->height() + spare});
    if (target > dock->height())
        resizeDocks({dock}, {target}, Qt::Vertical);
}

QString MainWindow::statisticsText() const
{
    return m_statistics->text();
}

void MainWindow::onTaskClicked(int group, int lane)
{
    const QList<TaskInstance> instances = m_document.scenario().instances();
    if (lane >= 0 && lane < instances.size())
        m_editor->selectSpec(instances[lane].spec);
    m_log->selectTask(group, lane);
}

void MainWindow::updateTitle()
{
    const QString file = m_document.path().isEmpty() ? tr("untitled") : QFileInfo(m_document.path()).fileName();
    setWindowTitle(QStringLiteral("%1 — %2[*] — ConcViz").arg(m_document.scenario().name, file));
    setWindowModified(m_document.isModified());
}

void MainWindow::addRecent(const QString &path)
{
    const QString absolute = QFileInfo(path).absoluteFilePath();
    m_recent.removeAll(absolute);
    m_recent.prepend(absolute);
    while (m_recent.size() > maxRecent)
        m_recent.removeLast();
    Settings::setRecentFiles(m_recent);
    updateRecentMenu();
}

void MainWindow::updateRecentMenu()
{
    m_recentMenu->clear();
    for (const QString &path : m_recent)
        m_recentMenu->addAction(QFileInfo(path).fileName(), this, [this, path] {
            if (maybeSave())
                openFile(path);
        })->setToolTip(path);
    m_recentMenu->setEnabled(!m_recent.isEmpty());
}

bool MainWindow::maybeSave()
{
    if (!m_document.isModified() || m_quietErrors)
        return true;
    const auto answer = QMessageBox::question(this, tr("Unsaved changes"),
                                              tr("“%1” has changes that are not saved. Save them?").arg(m_document.scenario().name),
                                              QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel);
    if (answer == QMessageBox::Save)
        return save();
    return answer == QMessageBox::Discard;
}

bool MainWindow::save()
{
    // Built-in examples cannot be written over: save them somewhere of the user's choice.
    if (m_document.path().isEmpty() || m_document.path().startsWith(QLatin1Char(':')))
        return saveAs();
    QString error;
    if (!m_document.save(m_document.path(), &error)) {
        showError(tr("Cannot save"), error);
        return false;
    }
    statusBar()->showMessage(tr("Saved"), 3000);
    return true;
}

bool MainWindow::saveAs()
{
    QString path = QFileDialog::getSaveFileName(this, tr("Save scenario"), m_lastDir, tr("Scenarios (*.json)"));
    if (path.isEmpty())
        return false;
    if (QFileInfo(path).suffix().isEmpty())
        path += QStringLiteral(".json");
    QString error;
    if (!m_document.save(path, &error)) {
        showError(tr("Cannot save"), error);
        return false;
    }
    addRecent(path);
    return true;
}

void MainWindow::exportImage()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Export timeline"), m_lastDir,
                                                      tr("PNG image (*.png);;SVG drawing (*.svg);;PDF document (*.pdf)"));
    if (path.isEmpty())
        return;
    const Theme theme = Theme::make(m_themeKind, m_systemPalette);
    QString error;
    if (!exportTimeline(m_timeline->model(), theme, path, naturalExportSize(m_timeline->model(), theme, 1600), &error))
        showError(tr("Cannot export"), error);
}

void MainWindow::exportTrace()
{
    const QList<Trace> traces = m_shown;
    if (traces.isEmpty()) {
        showError(tr("Nothing to export"), tr("Run the scenario first."));
        return;
    }
    const QString path = QFileDialog::getSaveFileName(this, tr("Export trace"), m_lastDir,
                                                      tr("JSON (*.json);;CSV (*.csv);;Chrome trace for Perfetto (*.trace.json)"));
    if (path.isEmpty())
        return;
    const QByteArray data = exportRuns(traces, m_document.scenario().name, exportFormatForPath(path));
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(data) != data.size() || !file.commit())
        showError(tr("Cannot export"), tr("%1: cannot be written: %2").arg(path, file.errorString()));
}

void MainWindow::exportPython()
{
    const Scenario &scenario = m_document.scenario();
    if (const QString problem = ScenarioValidator::callerProblem(scenario, scenario.strategy); !problem.isEmpty()) {
        showError(tr("Cannot export"), problem);
        return;
    }
    const QFileInfo source(m_document.path());
    const QString suggested = QDir(m_lastDir).filePath((source.fileName().isEmpty() ? QStringLiteral("scenario") : source.completeBaseName())
                                                       + QStringLiteral(".py"));
    const QString path = QFileDialog::getSaveFileName(this, tr("Export as Python"), suggested, tr("Python program (*.py)"));
    if (path.isEmpty())
        return;
    const QByteArray data = PythonProgram(scenario, scenario.strategy, source.fileName()).text().toUtf8();
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(data) != data.size() || !file.commit())
        showError(tr("Cannot export"), tr("%1: cannot be written: %2").arg(path, file.errorString()));
    else
        statusBar()->showMessage(tr("Wrote %1: run it with python3 %2").arg(path, QFileInfo(path).fileName()), 8000);
}

bool MainWindow::saveScreenshot(const QString &path, QString *error)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || !grab().save(&file, "PNG") || !file.commit()) {
        *error = tr("%1: cannot be written: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

void MainWindow::showError(const QString &title, const QString &text)
{
    m_lastError = text;
    statusBar()->showMessage(text.section(QLatin1Char('\n'), 0, 0), 8000);
    if (!m_quietErrors)
        QMessageBox::warning(this, title, text);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (!maybeSave()) {
        event->ignore();
        return;
    }
    stop();
    // What is remembered is the window as it is used, not the presentation's hidden docks.
    if (m_presenting)
        setPresenting(false);
    Settings::setWindow(saveGeometry(), saveState(layoutVersion));
    // Closed normally: the work was saved or let go, so the copy goes. A copy from an earlier
    // session that nobody restored or let go yet is kept for the next start.
    if (m_autosave->isActive())
        Autosave::discard();
    event->accept();
}

void MainWindow::dragEnterEvent(QDragEnterEvent *event)
{
    if (event->mimeData()->hasUrls())
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent *event)
{
    const QList<QUrl> urls = event->mimeData()->urls();
    if (!urls.isEmpty() && urls.first().isLocalFile() && maybeSave())
        openFile(urls.first().toLocalFile());
}

} // namespace concviz
