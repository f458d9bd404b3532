#include "lessonbar.h"

#include <QLabel>
#include <QVBoxLayout>

namespace concviz {

LessonBar::LessonBar(QWidget *parent)
    : QFrame(parent)
    , m_title(new QLabel(this))
    , m_description(new QLabel(this))
    , m_headline(new QLabel(this))
{
    setObjectName(QStringLiteral("lessonBar"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(12, 8, 12, 8);
    for (QLabel *label : {m_title, m_description, m_headline}) {
        label->setWordWrap(true);
        label->setTextFormat(Qt::PlainText);
        layout->addWidget(label);
    }
    QFont bold = font();
    bold.setBold(true);
    m_title->setFont(bold);
    m_headline->setFont(bold);
    m_headline->hide();
}

void LessonBar::setLesson(const QString &title, const QString &description)
{
    m_title->setText(title);
    m_description->setText(description);
    m_description->setVisible(!description.isEmpty());
}

void LessonBar::setHeadline(const QString &headline)
{
    m_headline->setText(headline);
    m_headline->setVisible(!headline.isEmpty());
}

QString LessonBar::text() const
{
    return QStringList{m_title->text(), m_description->text(), m_headline->text()}.join(QLatin1Char('\n')).trimmed();
}

} // namespace concviz
