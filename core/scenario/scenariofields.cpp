#include "scenariofields.h"

namespace concviz::ScenarioFields {

const Field &taskCount()
{
    static const Field f{.key = QStringLiteral("count"),
                         .type = Field::Type::Integer,
                         .minimum = 1,
                         .maximum = maxTasks,
                         .defaultValue = 1,
                         .help = QStringLiteral("How many copies of this task to run, named name#1, name#2, ...")};
    return f;
}

const Field &taskTimeoutMs()
{
    static const Field f{.key = QStringLiteral("timeout_ms"),
                         .type = Field::Type::Millis,
                         .allowZero = false,
                         .help = QStringLiteral("This task's own timeout, instead of the scenario's."),
                         .unit = QStringLiteral("ms")};
    return f;
}

const Field &timeoutMs()
{
    static const Field f{.key = QStringLiteral("timeout_ms"),
                         .type = Field::Type::Millis,
                         .allowZero = false,
                         .help = QStringLiteral("Per task, from the moment its body starts, like asyncio.wait_for."),
                         .unit = QStringLiteral("ms")};
    return f;
}

const Field &deadlineMs()
{
    static const Field f{.key = QStringLiteral("deadline_ms"),
                         .type = Field::Type::Millis,
                         .allowZero = false,
                         .help = QStringLiteral("The whole run, like asyncio.timeout around the strategy."),
                         .unit = QStringLiteral("ms")};
    return f;
}

const Field &retriesMax()
{
    static const Field f{.key = QStringLiteral("max"),
                         .type = Field::Type::Integer,
                         .minimum = 0,
                         .maximum = 100,
                         .defaultValue = 0,
                         .help = QStringLiteral("How many more attempts a failed or timed-out task gets.")};
    return f;
}

const Field &retriesBackoffMs()
{
    static const Field f{.key = QStringLiteral("backoff_ms"),
                         .type = Field::Type::Millis,
                         .defaultValue = 0.0,
                         .help = QStringLiteral("The wait before the first retry; it doubles for each later one."),
                         .unit = QStringLiteral("ms")};
    return f;
}

const Field &executorWorkers()
{
    static const Field f{.key = QStringLiteral("executor_workers"),
                         .type = Field::Type::Integer,
                         .minimum = 1,
                         .maximum = 256,
                         .defaultValue = 4,
                         .help = QStringLiteral("Threads of the executor pool for offloaded tasks.")};
    return f;
}

const Field &connectionsPerHost()
{
    static const Field f{.key = QStringLiteral("connections_per_host"),
                         .type = Field::Type::Integer,
                         .minimum = 1,
                         .maximum = 1000,
                         .defaultValue = 6,
                         .help = QStringLiteral("HTTP connections open at once to one host and port, as a browser allows.")};
    return f;
}

} // namespace concviz::ScenarioFields
