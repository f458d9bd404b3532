// The scenario reader takes files from strangers: any bytes must give a scenario or messages,
// never a crash, a hang or unbounded memory. A scenario it accepts must also save and read back.

#include "scenario/scenarioreader.h"
#include "scenario/scenariowriter.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
    const concviz::ScenarioReadResult result = concviz::ScenarioReader::read(bytes, QStringLiteral("fuzz.json"));
    if (result.scenario) {
        const QByteArray saved = concviz::ScenarioWriter::toJson(*result.scenario);
        const concviz::ScenarioReadResult again = concviz::ScenarioReader::read(saved, QStringLiteral("saved.json"));
        if (!again.scenario || !(*again.scenario == *result.scenario))
            __builtin_trap(); // what was accepted must survive a save
    }
    return 0;
}
