#include "statepanel.h"

#include "statehtml.h"

#include <QLabel>

namespace concviz {

namespace {
constexpr int maxNames = 30; // a longer list scrolls the panel for nothing: "… and 70 more"
} // namespace

StatePanel::StatePanel(QWidget *parent)
    : QScrollArea(parent)
    , m_label(new QLabel(this))
{
    setObjectName(QStringLiteral("statePanel"));
    m_label->setTextFormat(Qt::RichText);
    m_label->setWordWrap(true);
    m_label->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_label->setMargin(8);
    m_label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    setWidget(m_label);
    setWidgetResizable(true);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    refresh();
}

void StatePanel::setTraces(const QList<Trace> &traces)
{
    m_traces = traces;
    refresh();
}

void StatePanel::setTime(Micros time)
{
    m_time = time;
    refresh();
}

void StatePanel::refresh()
{
    if (m_traces.isEmpty()) {
        m_label->setText(tr("<p>Run the scenario, then play it back (K) to see what is true at each instant.</p>"));
        return;
    }
    m_label->setText(stateHtml(m_traces, m_time, maxNames));
}

QString StatePanel::text() const
{
    return m_label->text();
}

} // namespace concviz
