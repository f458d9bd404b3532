#pragma once

#include <QColor>
#include <QWidget>

#include <optional>

class QLabel;
class QPlainTextEdit;

namespace concviz {

class PythonHighlighter;
class ScenarioDocument;
class Theme;

// The asyncio code the current scenario and strategy stand for (core's PythonProgram), beside the
// bars: the tasks and the strategy, coloured, monospaced, as large as the theme's text, rewritten
// as the scenario is edited. Copy gives the whole runnable program, as File ▸ Export as Python
// writes it.
class CodePanel : public QWidget
{
    Q_OBJECT
public:
    explicit CodePanel(ScenarioDocument *document, QWidget *parent = nullptr);

    void setTheme(const Theme &theme);
    // The code as shown.
    QString code() const;
    // Puts the whole runnable program on the clipboard.
    void copy();
    // Marks the line the caller is at during playback: in its step `step` (a caller step's name or
    // a pause), or, with an empty step, awaiting the strategy. std::nullopt takes the mark away.
    void showCaller(const std::optional<QString> &step);
    // The line marked, from 0; -1 for none.
    int callerLine() const { return m_callerLine; }

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    void refresh();

    ScenarioDocument *m_document;
    QLabel *m_title;
    QPlainTextEdit *m_text;
    PythonHighlighter *m_highlighter;
    QColor m_callerColour;
    int m_callerLine = -1;
};

} // namespace concviz
