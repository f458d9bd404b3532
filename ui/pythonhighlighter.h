#pragma once

#include <QRegularExpression>
#include <QSyntaxHighlighter>
#include <QTextCharFormat>

namespace concviz {

class Theme;

// Colours Python as a teacher's slides do: keywords, strings, comments and numbers, each in a
// colour that reads at WCAG AA on the theme's background, keywords in bold too (so colour is
// never the only cue).
class PythonHighlighter : public QSyntaxHighlighter
{
    Q_OBJECT
public:
    explicit PythonHighlighter(QTextDocument *document);

    void setTheme(const Theme &theme);

protected:
    void highlightBlock(const QString &text) override;

private:
    QRegularExpression m_keywords;
    QRegularExpression m_numbers;
    QTextCharFormat m_keyword;
    QTextCharFormat m_string;
    QTextCharFormat m_comment;
    QTextCharFormat m_number;
};

} // namespace concviz
