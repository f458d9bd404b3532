#pragma once

#include <QWidget>

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

private:
    void refresh();

    ScenarioDocument *m_document;
    QLabel *m_title;
    QPlainTextEdit *m_text;
    PythonHighlighter *m_highlighter;
};

} // namespace concviz
