#include "insightspanel.h"

#include "async/backgroundpool.h"

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

namespace {

QStringList strategiesOf(const QList<Trace> &traces)
{
    QStringList strategies;
    for (const Trace &t : traces)
        strategies.append(t.strategy);
    return strategies;
}

QList<QList<Insight>> insightsOfEach(const QList<Trace> &traces)
{
    QList<QList<Insight>> insights;
    for (const Trace &t : traces)
        insights.append(insightsOf(t));
    return insights;
}

} // namespace

void InsightsPanel::setTraces(const QList<Trace> &traces)
{
    ++m_generation;
    show(strategiesOf(traces), insightsOfEach(traces));
}

void InsightsPanel::setTracesInBackground(const QList<Trace> &traces)
{
    const quint64 generation = ++m_generation;
    // The traces are shared read-only: nothing writes them once a run has ended.
    runInBackground(
        this, [traces] { return insightsOfEach(traces); },
        [this, generation, strategies = strategiesOf(traces)](const QList<QList<Insight>> &insights) {
            if (generation == m_generation)
                show(strategies, insights);
        });
}

void InsightsPanel::show(const QStringList &strategies, const QList<QList<Insight>> &insights)
{
    if (strategies.isEmpty()) {
        m_label->setText(tr("<p>After a run: what held it up, in words.</p>"));
        return;
    }
    QString html;
    for (qsizetype g = 0; g < strategies.size(); ++g) {
        html += QStringLiteral("<p><b>%1</b></p><ul>").arg(strategies[g].toHtmlEscaped());
        if (insights[g].isEmpty())
            html += QStringLiteral("<li>%1</li>").arg(tr("nothing to point out: no blocked loop, no limit that set the pace, no failure"));
        for (const Insight &i : insights[g]) {
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
