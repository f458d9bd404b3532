#include "openedfile.h"

#include "engine/tracescenario.h"
#include "scenario/scenarioreader.h"
#include "trace/tracereader.h"

#include <QFile>
#include <QJsonObject>

namespace concviz {

namespace {

OpenedFile traceOf(TraceReadResult read, const QString &path)
{
    OpenedFile opened;
    if (!read.error.isEmpty() || read.traces.isEmpty()) {
        opened.error = read.error.isEmpty() ? QStringLiteral("%1: no run in it").arg(path) : read.error;
        return opened;
    }
    opened.traces = std::move(read.traces);
    opened.traceTasks = TraceScenario::from(opened.traces.first(), path);
    return opened;
}

} // namespace

OpenedFile OpenedFile::read(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {{}, {}, {}, QStringLiteral("%1: cannot be read: %2").arg(path, file.errorString())};
    // Read once, parsed once: a trace of a hundred megabytes costs its reading only one time.
    // A trace may be larger than a scenario; a file larger than either is refused by the trace
    // reader, which names its limit.
    static_assert(TraceReader::maxBytes >= ScenarioReader::maxFileBytes);
    const QByteArray bytes = file.read(TraceReader::maxBytes + 1);
    const bool largerThanAScenario = bytes.size() > ScenarioReader::maxFileBytes;
    QJsonParseError parseError;
    const QJsonDocument document = bytes.size() > TraceReader::maxBytes ? QJsonDocument() : QJsonDocument::fromJson(bytes, &parseError);
    if (bytes.size() > TraceReader::maxBytes || parseError.error != QJsonParseError::NoError) {
        // The size, or the line and column where the JSON broke: as the scenario reader says it,
        // or the trace reader for a file larger than a scenario may be.
        OpenedFile opened;
        opened.error = largerThanAScenario ? TraceReader::read(bytes, path).error
                                           : ScenarioReader::read(bytes, path).errors.join(QLatin1Char('\n'));
        return opened;
    }
    // A scenario says so with its format version; anything else is read as a trace, and its
    // problems are a trace's.
    if (document.isObject() && document.object().contains(QLatin1String("concviz"))) {
        ScenarioReadResult scenario = largerThanAScenario ? ScenarioReader::read(bytes, path) // says it is too large
                                                          : ScenarioReader::read(document, path);
        OpenedFile opened;
        opened.scenario = std::move(scenario.scenario);
        opened.error = scenario.errors.join(QLatin1Char('\n'));
        return opened;
    }
    OpenedFile opened = traceOf(TraceReader::read(document, path), path);
    if (!opened.isTrace())
        opened.error += QStringLiteral("\n%1: not a scenario either: a scenario starts with \"concviz\": 1").arg(path);
    return opened;
}

OpenedFile OpenedFile::readTrace(const QString &path)
{
    return traceOf(TraceReader::readFile(path), path);
}

} // namespace concviz
