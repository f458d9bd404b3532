#include "shortcutsdialog.h"

#include "shortcuts.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QScrollArea>
#include <QVBoxLayout>

namespace concviz {

ShortcutsDialog::ShortcutsDialog(QWidget *parent)
    : QDialog(parent)
{
    setWindowTitle(tr("Keyboard shortcuts"));
    QString html = QStringLiteral("<table cellspacing='0' cellpadding='4'>");
    for (const auto &[group, shortcuts] : Shortcuts::groups()) {
        html += QStringLiteral("<tr><td colspan='2'><br/><b>%1</b></td></tr>").arg(group.toHtmlEscaped());
        for (const Shortcut &s : shortcuts)
            html += QStringLiteral("<tr><td><b>%1</b></td><td>%2</td></tr>").arg(s.keys.toHtmlEscaped(), s.what.toHtmlEscaped());
    }
    html += QStringLiteral("</table>");
    m_text = html;
    auto *label = new QLabel(html, this);
    label->setTextFormat(Qt::RichText);
    label->setMargin(12);
    // Scrolls where the screen is short: never cut.
    auto *scroll = new QScrollArea(this);
    scroll->setWidget(label);
    scroll->setWidgetResizable(true);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(scroll, 1);
    layout->addWidget(buttons);
    resize(label->sizeHint().width() + 60, std::min(label->sizeHint().height() + 80, parent ? parent->height() - 40 : 700));
}

} // namespace concviz
