#include "scenariofields.h"

#include "scenario.h"

namespace concviz::ScenarioFields {

namespace {

Field integer(const char *key, double minimum, double maximum, int byDefault, const char *help)
{
    return Field{.key = QString::fromLatin1(key), .type = Field::Type::Integer, .minimum = minimum, .maximum = maximum,
                 .defaultValue = byDefault, .help = QString::fromUtf8(help)};
}

Field millis(const char *key, bool allowZero, const char *help)
{
    return Field{.key = QString::fromLatin1(key), .type = Field::Type::Millis, .allowZero = allowZero,
                 .defaultValue = allowZero ? QVariant(0.0) : QVariant(), .help = QString::fromUtf8(help), .unit = QStringLiteral("ms")};
}

} // namespace

const Field taskCount = integer("count", 1, Limits::maxTasks, 1, "How many copies of this task to run, named name#1, name#2, ...");
const Field taskTimeoutMs = millis("timeout_ms", false, "This task's own timeout, instead of the scenario's.");
const Field timeoutMs = millis("timeout_ms", false, "Per task, from the moment its body starts, like asyncio.wait_for.");
const Field deadlineMs = millis("deadline_ms", false, "The whole run, like asyncio.timeout around the strategy.");
const Field retriesMax = integer("max", 0, 100, 0, "How many more attempts a failed or timed-out task gets.");
const Field retriesBackoffMs = millis("backoff_ms", true, "The wait before the first retry; it doubles for each later one.");
const Field retriesMaxBackoffMs = Field{.key = QStringLiteral("max_backoff_ms"),
                                       .type = Field::Type::Millis,
                                       .defaultValue = RetryPolicy::defaultMaxBackoffMs,
                                       .help = QStringLiteral("The longest wait between two attempts: the doubling stops there."),
                                       .unit = QStringLiteral("ms")};
const Field executorWorkers = integer("executor_workers", 1, 256, 4, "Threads of the executor pool for offloaded tasks.");
const Field executor = Field{.key = QStringLiteral("executor"),
                             .type = Field::Type::Word,
                             .choices = {QStringLiteral("thread"), QStringLiteral("process")},
                             .defaultValue = QStringLiteral("thread"),
                             .help = QStringLiteral("Where offloaded work runs: a thread pool (run_in_executor(None, ...)) or a process pool.")};
const Field gil = Field{.key = QStringLiteral("gil"),
                        .type = Field::Type::Bool,
                        .defaultValue = true,
                        .help = QStringLiteral("CPython's global interpreter lock: CPU work in threads takes turns. false is free-threaded Python 3.13t.")};
const Field cores = Field{.key = QStringLiteral("cores"),
                          .type = Field::Type::Integer,
                          .minimum = 1,
                          .maximum = 256,
                          .help = QStringLiteral("The CPU cores the virtual clock assumes (this machine's when left out); the real clock has this machine's.")};
const Field callerName = Field{.key = QStringLiteral("name"), .type = Field::Type::Text, .help = QStringLiteral("What the step is called on the caller's row.")};
const Field callerKind = Field{.key = QStringLiteral("kind"),
                               .type = Field::Type::Word,
                               .required = true,
                               .choices = {QStringLiteral("sleep"), QStringLiteral("blocking"), QStringLiteral("cpu")},
                               .help = QStringLiteral("sleep awaits (the tasks run meanwhile); blocking and cpu hold the loop.")};
const Field callerDurationMs = Field{.key = QStringLiteral("duration_ms"),
                                     .type = Field::Type::Millis,
                                     .required = true,
                                     .help = QStringLiteral("How long the step takes."),
                                     .unit = QStringLiteral("ms")};
const Field httpClient = Field{.key = QStringLiteral("http_client"),
                               .type = Field::Type::Word,
                               .choices = {QStringLiteral("aiohttp"), QStringLiteral("httpx"), QStringLiteral("browser")},
                               .defaultValue = QStringLiteral("aiohttp"),
                               .help = QStringLiteral("Whose connection limits HTTP tasks get: aiohttp and httpx open 100 in all, a browser 6 per host.")};
const Field connectionsPerHost = Field{.key = QStringLiteral("connections_per_host"),
                                       .type = Field::Type::Integer,
                                       .minimum = 1,
                                       .maximum = 1000,
                                       .help = QStringLiteral("HTTP connections open at once to one host and port, instead of the client's own limit.")};

const Field database = Field{.key = QStringLiteral("database"),
                             .type = Field::Type::Database,
                             .defaultValue = QStringLiteral("demo"),
                             .help = QStringLiteral("What db tasks query: demo (a small shop database), sqlite:PATH, or "
                                                    "postgresql://user:password@host:port/dbname.")};
const Field dbPoolSize = integer("size", 1, 1000, DbPoolPolicy{}.size, "Connections the pool keeps open, like SQLAlchemy's pool_size.");
const Field dbPoolMaxOverflow = integer("max_overflow", 0, 1000, DbPoolPolicy{}.maxOverflow,
                                        "More connections the pool opens when all of them are busy, like SQLAlchemy's max_overflow.");
const Field dbPoolTimeoutMs = Field{.key = QStringLiteral("timeout_ms"),
                                    .type = Field::Type::Millis,
                                    .allowZero = false,
                                    .defaultValue = DbPoolPolicy{}.timeoutMs,
                                    .help = QStringLiteral("How long a task waits for a connection before it fails, like SQLAlchemy's pool_timeout."),
                                    .unit = QStringLiteral("ms")};

} // namespace concviz::ScenarioFields
