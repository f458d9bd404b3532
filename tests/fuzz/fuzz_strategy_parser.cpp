// Strategy strings come from files, the command line and the editor's box: any text must parse or
// be refused with a sentence, and what parses must print back to the same strategy.

#include "scenario/strategyspec.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
    const QString text = QString::fromUtf8(bytes);
    QString error;
    if (const std::optional<concviz::StrategySpec> spec = concviz::StrategySpec::parse(text, &error)) {
        const std::optional<concviz::StrategySpec> again = concviz::StrategySpec::parse(spec->toString(), &error);
        if (!again || !(*again == *spec))
            __builtin_trap(); // printing and parsing must agree
        spec->concurrencyLimit();
    } else if (error.isEmpty()) {
        __builtin_trap(); // a refusal always says why
    }
    concviz::StrategySpec::parseList(text, &error);
    // The object form, when the bytes are JSON.
    const QJsonDocument doc = QJsonDocument::fromJson(bytes);
    if (doc.isObject())
        concviz::StrategySpec::fromJson(doc.object(), &error);
    return 0;
}
