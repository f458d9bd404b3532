#include "codepanel.h"

#include "editor/scenariodocument.h"
#include "engine/pythonprogram.h"
#include "pythonhighlighter.h"
#include "theme.h"

#include <QClipboard>
#include <QFontDatabase>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QScrollBar>
#include <QTextBlock>
#include <QToolButton>
#include <QVBoxLayout>

namespace concviz {

CodePanel::CodePanel(ScenarioDocument *document, QWidget *parent)
    : QWidget(parent)
    , m_document(document)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    auto *top = new QHBoxLayout;
    m_title = new QLabel(this);
    m_title->setWordWrap(true);
    auto *copyButton = new QToolButton(this);
    copyButton->setText(tr("&Copy"));
    copyButton->setToolTip(tr("Copy the whole program, with what records and prints the times, to run with python3"));
    connect(copyButton, &QToolButton::clicked, this, &CodePanel::copy);
    top->addWidget(m_title, 1);
    top->addWidget(copyButton);
    layout->addLayout(top);

    m_text = new QPlainTextEdit(this);
    m_text->setObjectName(QStringLiteral("asyncioCode"));
    m_text->setReadOnly(true);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    // Code keeps its lines: a line longer than the panel scrolls sideways rather than folding
    // where Python would not.
    m_text->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_highlighter = new PythonHighlighter(m_text->document());
    layout->addWidget(m_text, 1);

    connect(m_document, &ScenarioDocument::changed, this, &CodePanel::refresh);
    refresh();
}

void CodePanel::setTheme(const Theme &theme)
{
    QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    mono.setPointSizeF(theme.font.pointSizeF());
    m_text->setFont(mono);
    QPalette palette = m_text->palette();
    palette.setColor(QPalette::Base, theme.background);
    palette.setColor(QPalette::Text, theme.text);
    m_text->setPalette(palette);
    m_highlighter->setTheme(theme);
    // The playhead's colour, faint enough for the code's colours to stay readable on it.
    m_callerColour = theme.nowLine;
    m_callerColour.setAlpha(60);
}

void CodePanel::showCaller(const std::optional<QString> &step)
{
    m_callerLine = step ? PythonProgram::callerLine(code(), *step) : -1;
    QList<QTextEdit::ExtraSelection> marks;
    if (m_callerLine >= 0) {
        QTextEdit::ExtraSelection mark;
        mark.cursor = QTextCursor(m_text->document()->findBlockByNumber(m_callerLine));
        mark.format.setBackground(m_callerColour);
        mark.format.setProperty(QTextFormat::FullWidthSelection, true);
        marks.append(mark);
        // In sight: the text scrolls only when the line is out of view.
        m_text->setTextCursor(mark.cursor);
        m_text->ensureCursorVisible();
    }
    m_text->setExtraSelections(marks);
}

void CodePanel::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    // A dock that shrank (playback makes room for its state) keeps the caller's line in sight.
    if (m_callerLine >= 0)
        m_text->ensureCursorVisible();
}

QString CodePanel::code() const
{
    return m_text->toPlainText();
}

void CodePanel::copy()
{
    const Scenario &s = m_document->scenario();
    QGuiApplication::clipboard()->setText(PythonProgram(s, s.strategy, m_document->path()).text());
}

void CodePanel::refresh()
{
    const Scenario &s = m_document->scenario();
    m_title->setText(tr("<b>%1</b> in asyncio").arg(s.strategy.toString().toHtmlEscaped()));
    const QString program = PythonProgram(s, s.strategy, m_document->path()).essentials();
    if (program == m_text->toPlainText())
        return;
    // Rewritten whole, at the place the reader was.
    const int scroll = m_text->verticalScrollBar()->value();
    m_text->setPlainText(program);
    m_text->verticalScrollBar()->setValue(scroll);
}

} // namespace concviz
