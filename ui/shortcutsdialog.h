#pragma once

#include <QDialog>

namespace concviz {

// Every shortcut on one page, in the window's own font (large in the Projector theme). ? or F1
// opens it; Esc or any button closes it.
class ShortcutsDialog : public QDialog
{
    Q_OBJECT
public:
    explicit ShortcutsDialog(QWidget *parent = nullptr);
    // The list as the dialog shows it, for the tests.
    QString text() const { return m_text; }

private:
    QString m_text;
};

} // namespace concviz
