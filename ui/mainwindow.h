#pragma once

#include "autosave.h"
#include "editor/scenariodocument.h"
#include "engine/runner.h"
#include "theme.h"
#include "trace/statistics.h"

#include <QMainWindow>
#include <QElapsedTimer>
#include <QTimer>

#include <functional>
#include <memory>

class QAction;
class QActionGroup;
class QLabel;
class QProgressBar;
class QMenu;
class QTabWidget;

namespace concviz {

class CodePanel;
class ConcurrencyChart;
class FindBar;
class LessonBar;
class DistributionChart;
class InsightsPanel;
class EventLog;
class MakespanChart;
class PlaybackBar;
class StatePanel;
class Comparison;
class ScenarioEditor;
class TimelineWidget;
struct OpenedFile;

// The window: the scenario editor on the left, the timeline in the middle, statistics, charts and
// the event log below. Runs go on while the window stays responsive; it repaints at display rate.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    // Opens a scenario file, or a trace file (as openTrace) when it is one. A broken file is
    // reported and the current scenario stays as it was. A file of more than a mebibyte is read
    // on another thread, with a progress bar and Esc to stop, and a trace of more than 20,000
    // tasks is shown a view at a time: true at once, isOpening() until it is all on screen, and
    // fileOpened() then, or once it was refused or stopped.
    bool openFile(const QString &path);
    // File ▸ Open Trace: a trace written before (concviz run or compare --format json, an exported
    // program's --json) shown as a finished run is, to read, compare with and play back; its tasks
    // are on the left, read-only, and F5 runs them. A broken file is reported, nothing lost.
    bool openTrace(const QString &path);
    bool isOpening() const { return m_opening || m_showingTrace; }
    // File ▸ Edit Trace as Scenario: the trace's tasks on the left become a scenario to change and run.
    void editTraceAsScenario();
    // Whether the runs on screen came from a trace file rather than from running the scenario.
    bool isShowingTrace() const { return m_shownIsTrace; }
    void openScenario(const Scenario &scenario, const QString &path);
    // Runs the scenario under its compare list (allCompared) or its own strategy only.
    void run(bool allCompared);
    // Run ▸ Predict: asks the class for each compared strategy's makespan, then runs them all.
    void predictThenRun();
    // Runs every compared strategy with these predictions (ms, one per strategy) drawn beside them,
    // and, when given, the order the class thinks the tasks finish in under the scenario's own
    // strategy (task names, first first), marked after each of its lanes.
    void runWithGuesses(const QList<double> &guessesMs, const QStringList &finishOrder = {});
    void stop();
    bool isRunning() const;
    // `remember` keeps the choice for the next start (a menu choice does; a command-line option does not).
    void setClock(ClockKind clock, bool remember = true);
    ClockKind clock() const { return m_clock; }
    void setThemeKind(Theme::Kind kind, bool remember = true);
    // Presentation mode: the timeline, the lesson and the headline only, full screen; Esc leaves.
    void setPresenting(bool on);
    bool isPresenting() const { return m_presenting; }
    // Ctrl+F: the bar that filters the lanes.
    void findTasks();
    FindBar *findBar() { return m_findBar; }
    LessonBar *lessonBar() { return m_lessonBar; }
    // The layout of docks and bars as a first start has it.
    void resetLayout();
    void showShortcuts();
    // Brings the asyncio code panel in front of the editor.
    void showCode();
    // C: the asyncio code in front of the editor; when presenting, instead of the timeline and back.
    void toggleCode();
    bool isPresentingCode() const;
    // Brings a tab of the results forward: statistics, makespan, concurrency, waits or log.
    // False for a name that is none of those.
    bool showResults(const QString &tab);
    // Run ▸ Play Back (K): the finished runs from their start, paused, with the state at the
    // instant beside them and the caller's line marked in the code; K plays and pauses, ← and →
    // step between events, the time axis scrubs, Esc leaves. False, with a word in the status bar,
    // when there is no finished run to play back.
    bool startPlayback();
    void leavePlayback();
    bool isPlayingBack() const;
    PlaybackBar *playbackBar() { return m_playback; }
    StatePanel *statePanel() { return m_state; }
    CodePanel *codePanel() { return m_code; }
    // Saves a picture of the whole window.
    bool saveScreenshot(const QString &path, QString *error);
    // Errors go to the status bar and lastError() instead of a dialog (for scripted use and tests).
    void setQuietErrors(bool quiet) { m_quietErrors = quiet; }
    QString lastError() const { return m_lastError; }

    ScenarioDocument *document() { return &m_document; }
    TimelineWidget *timeline() { return m_timeline; }
    ScenarioEditor *editor() { return m_editor; }
    EventLog *eventLog() { return m_log; }
    Comparison *runs() { return m_runs; }
    QString statisticsText() const;
    Autosave *autosave() { return m_autosave; }
    // Whether a copy of unsaved work from a session that did not end cleanly is waiting to be
    // restored or let go (the bar above the timeline offers both).
    bool offersRecovery() const;
    void restoreRecovered();
    void discardRecovered();

Q_SIGNALS:
    void runsFinished();
    // A trace is on screen in every view, or a file read on another thread is on screen (ok) or
    // was refused or stopped.
    void fileOpened(bool ok);

protected:
    void closeEvent(QCloseEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    void createActions();
    void createMenus();
    void createRecoveryBar();
    void createDocks();
    void createHelpMenu();
    // `stats` are the traces' statistics, in order (shownStatistics() when the timeline shows them).
    QString headline(const QList<Trace> &traces, const QList<Statistics> &stats) const;
    // The statistics of the runs the timeline shows, worked out once with its model: at a million
    // tasks each working out takes a tenth of a second.
    QList<Statistics> shownStatistics() const;
    void refreshLive();
    // Lets go of the last results everywhere they were kept, once a new scenario replaced them.
    void dropResults();
    void onRunsFinished(bool stopped);
    // Shows finished runs in every view: at once, or (inTurns) a view per turn of the event loop.
    void showResult(const QList<Trace> &traces, bool stopped, quint64 generation, bool inTurns);
    // The charts' steps of a result and, unless worked out in the background, the insights'.
    void appendChartSteps(QList<std::function<void()>> &steps, const QList<Trace> &traces, bool insights);
    // A result's steps at once, or (inTurns) one per turn of the event loop.
    void showSteps(QList<std::function<void()>> steps, bool inTurns, quint64 generation);
    void runStep(const std::shared_ptr<const QList<std::function<void()>>> &steps, qsizetype i, quint64 generation);
    // Ends the showing of a result in turns, when something newer takes the views.
    void stopShowingResult();
    void enableRunActions();
    void updateTitle();
    // "Your guesses: gather guessed 2.000 s, took 1.000 s; ..."
    QString guessesBesideTruth(const QList<Trace> &traces) const;
    // The strategy whose finish order Predict asks about.
    StrategySpec orderStrategy() const;
    void updateStatistics(const QList<Trace> &traces, const QList<Statistics> &stats);
    void fitStatistics();
    void updateRecentMenu();
    void addRecent(const QString &path);
    bool maybeSave();
    bool save();
    bool saveAs();
    void exportImage();
    void exportTrace();
    void exportPython();
    void showError(const QString &title, const QString &text);
    void onTaskClicked(int group, int lane);
    void applyPalette();
    void onPlaybackPosition(Micros time);
    // Before a file replaces what is on screen: stops the runs going for good, and playback.
    void stopForAFile();
    bool open(const QString &path, bool traceOnly);
    void openInBackground(const QString &path, bool traceOnly);
    // Esc, a run or another file while a file is read: what it read is let go.
    void stopOpening();
    void showReadingProgress();
    // A file's reading is over, read or stopped: the bar, Esc and the notice as they were.
    void endOpening();
    // What was read, on screen; false, with the reason shown, when it was neither.
    bool showOpened(const OpenedFile &opened, const QString &path, bool traceOnly);
    void showTrace(const OpenedFile &opened, const QString &path);
    // While presenting, playback brings the state and the status line (with the event's name) back.
    void showPlaybackWhilePresenting(bool show);

    ScenarioDocument m_document;
    Comparison *m_runs;
    TimelineWidget *m_timeline;
    ScenarioEditor *m_editor;
    EventLog *m_log;
    ConcurrencyChart *m_concurrency;
    MakespanChart *m_makespan;
    DistributionChart *m_distribution;
    InsightsPanel *m_insights;
    CodePanel *m_code;
    CodePanel *m_presentedCode; // the same code, large, in the timeline's place while presenting
    QLabel *m_statistics;
    PlaybackBar *m_playback;
    StatePanel *m_state;
    int m_tabBeforePlayback = 0;
    bool m_playingBack = false;
    QTabWidget *m_bottomTabs;
    QTimer m_refresh;
    bool m_dirty = false;
    // The live timeline is redrawn from the whole trace each frame while that stays cheap; past
    // liveRebuildBudgetMs it waits for the end of the run, and the progress bar says how far it got.
    bool m_liveModel = true;
    // A live run too big to redraw each frame is redrawn from a model built on another thread:
    // one at a time, started no sooner than m_liveBuildGap after the one before.
    bool m_liveInBackground = false;
    bool m_liveBuilding = false;
    QElapsedTimer m_liveClock;
    qint64 m_liveNextBuildMs = 0; // on m_liveClock
    qint64 m_liveDone = 0;
    QProgressBar *m_progress;
    // Counts results shown and runs started: a result shown in turns stops when it is outdated.
    quint64 m_resultGeneration = 0;
    // Counts files opened on another thread: what an outdated one read is let go.
    quint64 m_openGeneration = 0;
    bool m_opening = false;
    QString m_openingName; // the file being read, as the progress bar names it
    QString m_noticeBeforeReading; // the timeline's notice, given back once the file is read
    bool m_showingResult = false;
    bool m_showingTrace = false; // the result shown in turns is a trace's: fileOpened() follows
    ClockKind m_clock = ClockKind::Real;
    Theme::Kind m_themeKind = Theme::Kind::System;
    QPalette m_systemPalette;
    QFont m_systemFont;
    bool m_quietErrors = false;
    QString m_lastError;
    QString m_lastDir;
    QStringList m_recent;
    QList<StrategySpec> m_runStrategies;
    QList<Micros> m_guesses; // the predictions of the runs going or shown; empty without Predict
    QStringList m_orderGuess; // the predicted finish order, by task name; empty without one
    QList<Trace> m_shown;     // the finished runs on screen, or the trace opened: what playback plays
    bool m_shownIsTrace = false; // they came from a file, not from the scenario on the left
    bool m_discardRuns = false;  // the runs going were stopped for a file opened meanwhile: drop them
    Autosave *m_autosave = nullptr;
    std::optional<Autosave::Recovered> m_recovered; // what the bar offers, until restored or let go
    QWidget *m_recoveryBar = nullptr;
    QLabel *m_recoveryText = nullptr;
    QString m_runError; // what broke inside the engine during the last runs, if anything did
    FindBar *m_findBar = nullptr;
    LessonBar *m_lessonBar = nullptr;
    bool m_presenting = false;
    QByteArray m_layoutBeforePresenting;
    bool m_fullScreenBeforePresenting = false;
    QByteArray m_defaultLayout;

    QAction *m_runAction = nullptr;
    QAction *m_editTraceAction = nullptr;
    QAction *m_runAllAction = nullptr;
    QAction *m_predictAction = nullptr;
    QAction *m_runOneAction = nullptr;
    QAction *m_stopAction = nullptr;
    QAction *m_virtualAction = nullptr;
    QAction *m_presentAction = nullptr;
    QAction *m_playAction = nullptr;
    QAction *m_nextEventAction = nullptr;
    QAction *m_previousEventAction = nullptr;
    QAction *m_fullScreenAction = nullptr;
    QActionGroup *m_themeGroup = nullptr;
    QMenu *m_recentMenu = nullptr;
    QMenu *m_examplesMenu = nullptr;
};

} // namespace concviz
