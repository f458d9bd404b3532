#pragma once

#include <QFrame>

class QLabel;

namespace concviz {

// Above the timeline in presentation mode: the lesson's title and what to look for, and after a run
// the headline ("sequential 4.5 s, gather 2.0 s: 2.25× faster"), word-wrapped and large.
class LessonBar : public QFrame
{
    Q_OBJECT
public:
    explicit LessonBar(QWidget *parent = nullptr);

    void setLesson(const QString &title, const QString &description);
    // Empty before a run.
    void setHeadline(const QString &headline);
    QString text() const;

private:
    QLabel *m_title;
    QLabel *m_description;
    QLabel *m_headline;
};

} // namespace concviz
