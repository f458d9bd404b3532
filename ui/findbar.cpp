#include "findbar.h"

#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QToolButton>

namespace concviz {

FindBar::FindBar(QWidget *parent)
    : QFrame(parent)
    , m_field(new QLineEdit(this))
    , m_count(new QLabel(this))
{
    setObjectName(QStringLiteral("findBar"));
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(8, 4, 8, 4);
    auto *label = new QLabel(tr("&Find tasks:"), this);
    label->setBuddy(m_field);
    m_field->setPlaceholderText(tr("a name, or failed, timed out, cancelled, waiting"));
    m_field->setClearButtonEnabled(true);
    auto *close = new QToolButton(this);
    close->setText(QStringLiteral("×"));
    close->setToolTip(tr("Show every task again (Esc)"));
    layout->addWidget(label);
    layout->addWidget(m_field, 1);
    layout->addWidget(m_count);
    layout->addWidget(close);
    connect(m_field, &QLineEdit::textChanged, this, &FindBar::filterChanged);
    connect(close, &QToolButton::clicked, this, &FindBar::close);
    hide();
}

void FindBar::open()
{
    show();
    m_field->setFocus();
    m_field->selectAll();
}

void FindBar::setCounts(int shown, int total)
{
    const QLocale locale;
    m_count->setText(m_field->text().trimmed().isEmpty() ? QString()
                                                         : tr("%1 of %2 tasks").arg(locale.toString(shown), locale.toString(total)));
}

QString FindBar::text() const
{
    return isVisible() ? m_field->text() : QString();
}

void FindBar::keyPressEvent(QKeyEvent *event)
{
    if (event->key() == Qt::Key_Escape) {
        close();
        event->accept();
        return;
    }
    QFrame::keyPressEvent(event);
}

void FindBar::close()
{
    m_field->clear(); // shows every lane again
    hide();
    Q_EMIT filterChanged(QString());
}

} // namespace concviz
