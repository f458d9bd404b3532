#include "pythonhighlighter.h"

#include "theme.h"

namespace concviz {

PythonHighlighter::PythonHighlighter(QTextDocument *document)
    : QSyntaxHighlighter(document)
    , m_keywords(QStringLiteral("\\b(?:async|await|def|return|for|in|while|if|elif|else|try|except|finally|raise|with|as|"
                                "import|from|class|lambda|not|and|or|is|None|True|False|pass|break|continue|global|"
                                "nonlocal|yield|del|assert)\\b"))
    , m_numbers(QStringLiteral("\\b\\d+(?:\\.\\d+)?(?:e[-+]?\\d+)?\\b"))
{
}

void PythonHighlighter::setTheme(const Theme &theme)
{
    const QList<QColor> surface{theme.background};
    // The Okabe–Ito hues the timeline uses, made readable on this background.
    m_keyword.setForeground(Theme::readableOn(QColor(0x00, 0x72, 0xB2), surface));
    m_keyword.setFontWeight(QFont::Bold);
    m_string.setForeground(Theme::readableOn(QColor(0x00, 0x9E, 0x73), surface));
    m_comment.setForeground(Theme::readableOn(theme.mutedText, surface));
    m_comment.setFontItalic(true);
    m_number.setForeground(Theme::readableOn(QColor(0xD5, 0x5E, 0x00), surface));
    rehighlight();
}

void PythonHighlighter::highlightBlock(const QString &text)
{
    for (auto it = m_keywords.globalMatch(text); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        setFormat(static_cast<int>(m.capturedStart()), static_cast<int>(m.capturedLength()), m_keyword);
    }
    for (auto it = m_numbers.globalMatch(text); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        setFormat(static_cast<int>(m.capturedStart()), static_cast<int>(m.capturedLength()), m_number);
    }
    // Strings and comments last, over what the patterns above found inside them. A one-quote string
    // ends on its line; a triple-quoted one (a docstring) may run on, which the block state carries.
    const QString triple = QStringLiteral("\"\"\"");
    qsizetype i = 0;
    setCurrentBlockState(0);
    if (previousBlockState() == 1) {
        const qsizetype close = text.indexOf(triple);
        if (close < 0) {
            setFormat(0, static_cast<int>(text.size()), m_string);
            setCurrentBlockState(1);
            return;
        }
        setFormat(0, static_cast<int>(close + 3), m_string);
        i = close + 3;
    }
    for (; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c == u'#') {
            setFormat(static_cast<int>(i), static_cast<int>(text.size() - i), m_comment);
            return;
        }
        if (text.mid(i, 3) == triple) {
            const qsizetype close = text.indexOf(triple, i + 3);
            if (close < 0) {
                setFormat(static_cast<int>(i), static_cast<int>(text.size() - i), m_string);
                setCurrentBlockState(1);
                return;
            }
            setFormat(static_cast<int>(i), static_cast<int>(close + 3 - i), m_string);
            i = close + 2;
            continue;
        }
        if (c == u'"' || c == u'\'') {
            qsizetype end = i + 1;
            while (end < text.size() && text.at(end) != c) {
                if (text.at(end) == u'\\')
                    ++end;
                ++end;
            }
            end = std::min(end, text.size() - 1);
            setFormat(static_cast<int>(i), static_cast<int>(end - i + 1), m_string);
            i = end;
        }
    }
}

} // namespace concviz
