// The trace reader takes files from strangers (`concviz view`): any bytes must give traces or one
// message, never a crash, a hang or unbounded memory. What it accepts must also write out and read
// back to the same tasks, and draw in the terminal.

#include "gantt/terminalgantt.h"
#include "trace/jsonexporter.h"
#include "trace/tracereader.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
    const concviz::TraceReadResult result = concviz::TraceReader::read(bytes, QStringLiteral("fuzz.json"));
    if (result.traces.isEmpty() == result.error.isEmpty())
        __builtin_trap(); // either traces or a message, never both or neither
    for (const concviz::Trace &trace : result.traces) {
        const concviz::TraceReadResult again = concviz::TraceReader::read(concviz::JsonExporter::toJson(trace), QStringLiteral("again.json"));
        if (again.traces.size() != 1 || again.traces.first().tasks.size() != trace.tasks.size())
            __builtin_trap(); // what was accepted must survive a write
        for (qsizetype i = 0; i < trace.tasks.size(); ++i) {
            const concviz::TaskTrace &a = trace.tasks[i];
            const concviz::TaskTrace &b = again.traces.first().tasks[i];
            if (a.name != b.name || a.start != b.start || a.end != b.end || a.outcome != b.outcome || a.phases.size() != b.phases.size())
                __builtin_trap();
        }
        concviz::TerminalGantt::Options chart;
        chart.maxLanes = 20;
        (void)concviz::TerminalGantt::render(trace, chart);
    }
    return 0;
}
