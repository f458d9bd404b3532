#pragma once

#include <QFrame>

class QLabel;
class QLineEdit;

namespace concviz {

// The bar above the timeline that Ctrl+F opens: what to look for (a name, or failed, timed out,
// cancelled, waiting) and how many lanes are left. Esc or × closes it and shows every lane again.
class FindBar : public QFrame
{
    Q_OBJECT
public:
    explicit FindBar(QWidget *parent = nullptr);

    // Opens the bar with the text selected, ready for typing.
    void open();
    void setCounts(int shown, int total);
    QString text() const;
    QLineEdit *field() const { return m_field; }

Q_SIGNALS:
    void filterChanged(const QString &text);

protected:
    void keyPressEvent(QKeyEvent *event) override;

private:
    void close();

    QLineEdit *m_field;
    QLabel *m_count;
};

} // namespace concviz
