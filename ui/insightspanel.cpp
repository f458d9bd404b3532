#include "insightspanel.h"

#include "gantt/insights.h"

#include <QLabel>

namespace concviz {

InsightsPanel::InsightsPanel(QWidget *parent)
    : QScrollArea(parent)
    , m_label(new QLabel(this))
{
    m_label->setTextFormat(Qt::RichText);
    m_label->setWordWrap(true);
    m_label->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_label->setMargin(8);
    m_label->setTextInteractionFlags(Qt::TextBrowserInteraction);
    setWidget(m_label);
    setWidgetResizable(true);
    connect(m_label, &QLabel::linkActivated, this, [this](const QString &link) {
        // "task:GROUP:TASK"
        const QStringList parts = link.split(QLatin1Char(':'));
        if (parts.size() == 3 && parts[0] == QLatin1String("task"))
            Q_EMIT taskChosen(parts[1].toInt(), parts[2].toInt());
    });
    setTraces({});
}

void InsightsPanel::setTraces(const QList<Trace> &traces)
{
    if (traces.isEmpty()) {
        m_label->setText(tr("<p>After a run: what held it up, in words.</p>"));
        return;
    }
    QString html;
    for (qsizetype g = 0; g < traces.size(); ++g) {
        const QList<Insight> insights = insightsOf(traces[g]);
        html += QStringLiteral("<p><b>%1</b></p><ul>").arg(traces[g].strategy.toHtmlEscaped());
        if (insights.isEmpty())
            html += QStringLiteral("<li>%1</li>").arg(tr("nothing to point out: no blocked loop, no limit that set the pace, no failure"));
        for (const Insight &i : insights) {
            const QString text = i.text.toHtmlEscaped();
            html += i.tasks.isEmpty() ? QStringLiteral("<li>%1</li>").arg(text)
                                      : QStringLiteral("<li><a href='task:%1:%2'>%3</a></li>").arg(g).arg(i.tasks.first()).arg(text);
        }
        html += QStringLiteral("</ul>");
    }
    m_label->setText(html);
}

QString InsightsPanel::text() const
{
    return m_label->text();
}

} // namespace concviz
