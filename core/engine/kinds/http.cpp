#include "../../http/httpclient.h"
#include "../../scenario/taskkindregistry.h"
#include "../engine.h"

#include <QVariantMap>

namespace concviz {

namespace {

// The task's fields as the request the HTTP client sends.
FetchRequest requestOf(const Scenario &scenario, const TaskSpec &spec)
{
    FetchRequest r;
    r.url = spec.text(QStringLiteral("url"));
    r.method = spec.text(QStringLiteral("method"));
    const QVariantMap headers = spec.fields.value(QStringLiteral("headers")).toMap();
    for (auto it = headers.begin(); it != headers.end(); ++it)
        r.headers.insert(it.key(), it.value().toString());
    r.body = spec.text(QStringLiteral("body"));
    r.maxBytes = spec.integer(QStringLiteral("max_bytes"));
    if (const std::optional<qint64> status = spec.integer(QStringLiteral("expect_status")))
        r.expectStatus = static_cast<int>(*status);
    r.timedByTask = scenario.timeoutFor(spec).has_value();
    return r;
}

// The trace's name for each part of the waterfall, in HttpPhase's order.
PhaseKind phaseKindOf(HttpPhase phase)
{
    static constexpr PhaseKind kinds[] = {PhaseKind::WaitConnection, PhaseKind::Connecting, PhaseKind::WaitingFirstByte,
                                          PhaseKind::Downloading};
    return kinds[static_cast<int>(phase)];
}

Task<void> run(Engine &engine, int task, const TaskSpec &spec)
{
    auto phase = [&engine, task](HttpPhase phase, bool began) {
        const PhaseKind kind = phaseKindOf(phase);
        began ? engine.beginPhase(task, kind) : engine.endPhase(task, kind);
    };
    const HttpResult result = co_await engine.http().fetch(requestOf(engine.scenario(), spec), phase);
    engine.recordHttpResult(task, result.status, result.bytes, result.hops.join(QStringLiteral(" → ")));
}

// What it does, and the asyncio code it stands for.
const char summary[] = "a GET (or HEAD/POST) of an http or https URL; other schemes are refused";
const char asyncioCode[] = "async with session.get(URL) as response:\n    body = await response.read()\n";

const TaskKindRegistration registration{TaskKindDefinition{.name = QStringLiteral("http"), .order = 50,
    .summary = QString::fromUtf8(summary), .asyncioCode = QString::fromUtf8(asyncioCode),
    .fields = {Field{.key = QStringLiteral("url"),
                     .type = Field::Type::Url,
                     .required = true,
                     .help = QStringLiteral("What to fetch: an http or https URL; http://demo/... is the built-in demo server."),
                     .example = QStringLiteral("http://demo/delay/1")},
               Field{.key = QStringLiteral("method"),
                     .type = Field::Type::Choice,
                     .choices = {QStringLiteral("GET"), QStringLiteral("HEAD"), QStringLiteral("POST")},
                     .defaultValue = QStringLiteral("GET"),
                     .help = QStringLiteral("GET, HEAD or POST.")},
               Field{.key = QStringLiteral("headers"),
                     .type = Field::Type::Headers,
                     .defaultValue = QVariantMap(),
                     .help = QStringLiteral("Request headers, names to values.")},
               Field{.key = QStringLiteral("body"),
                     .type = Field::Type::Text,
                     .defaultValue = QString(),
                     .help = QStringLiteral("What a POST sends.")},
               Field{.key = QStringLiteral("max_bytes"),
                     .type = Field::Type::Integer,
                     .minimum = 1,
                     .maximum = double(qint64(1) << 40),
                     .help = QStringLiteral("The most bytes to accept, headers and decompressed body together; 10 MiB when left out."),
                     .unit = QStringLiteral("bytes")},
               Field{.key = QStringLiteral("expect_status"),
                     .type = Field::Type::Integer,
                     .minimum = 100,
                     .maximum = 599,
                     .help = QStringLiteral("The status that counts as success; any status below 400 when left out.")}},
    .mainField = QStringLiteral("url"),
    .network = true,
    .run = run,
}};

} // namespace

} // namespace concviz
