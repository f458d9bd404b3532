#include "taskspec.h"

#include <array>
#include <utility>

namespace concviz {

namespace {
const std::array<std::pair<TaskKind, const char *>, 5> kindNames{{
    {TaskKind::Sleep, "sleep"},
    {TaskKind::Fail, "fail"},
    {TaskKind::Blocking, "blocking"},
    {TaskKind::Cpu, "cpu"},
    {TaskKind::Http, "http"},
}};
}

QString taskKindName(TaskKind kind)
{
    for (const auto &[k, name] : kindNames)
        if (k == kind)
            return QString::fromLatin1(name);
    return {};
}

std::optional<TaskKind> taskKindFromName(const QString &name)
{
    for (const auto &[k, n] : kindNames)
        if (name == QLatin1String(n))
            return k;
    return std::nullopt;
}

} // namespace concviz
