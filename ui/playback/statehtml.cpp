#include "statehtml.h"

#include "gantt/runstate.h"

#include <QStringList>

namespace concviz {

QString stateHtml(const QList<Trace> &traces, Micros time, int maxNames)
{
    QString html = QStringLiteral("<table cellspacing='0' cellpadding='6' width='100%'><tr>");
    for (const Trace &trace : traces) {
        html += QStringLiteral("<td valign='top'>");
        const QList<RunState::Section> sections = RunState::at(trace, time).sections(trace, maxNames);
        for (qsizetype i = 0; i < sections.size(); ++i) {
            const RunState::Section &s = sections[i];
            if (i == 0) { // the run and the instant
                html += QStringLiteral("<p><b><u>%1</u></b></p>").arg(s.title.toHtmlEscaped());
                continue;
            }
            QStringList lines;
            for (const QString &line : s.lines)
                lines << line.toHtmlEscaped();
            html += lines.isEmpty() ? QStringLiteral("<p><b>%1</b></p>").arg(s.title.toHtmlEscaped())
                                    : QStringLiteral("<p><b>%1:</b> %2</p>").arg(s.title.toHtmlEscaped(), lines.join(QStringLiteral(" · ")));
        }
        html += QStringLiteral("</td>");
    }
    return html + QStringLiteral("</tr></table>");
}

} // namespace concviz
