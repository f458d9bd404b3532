#include "statistics.h"

#include <algorithm>
#include <cmath>
#include <utility>
#include <vector>

namespace concviz {

Statistics Statistics::of(const Trace &trace)
{
    Statistics s;
    s.makespan = trace.makespan();
    std::vector<std::pair<Micros, int>> edges; // +1 at a body's start, -1 at its end
    std::vector<Micros> waits;
    waits.reserve(trace.tasks.size());
    for (const TaskTrace &t : trace.tasks) {
        switch (t.outcome) {
        case Outcome::Ok:
            ++s.ok;
            break;
        case Outcome::Failed:
            ++s.failed;
            break;
        case Outcome::Timeout:
            ++s.timeout;
            break;
        case Outcome::Cancelled:
            ++s.cancelled;
            break;
        case Outcome::Pending:
            break;
        }
        const Micros run = t.runTime();
        s.sum += run;
        s.longestTask = std::max(s.longestTask, run);
        if (t.created >= 0)
            waits.push_back(t.waitTime());
        for (const AttemptSpan &a : t.attempts) {
            const Micros end = a.end >= 0 ? a.end : s.makespan;
            if (end > a.start) {
                edges.emplace_back(a.start, +1);
                edges.emplace_back(end, -1);
            }
        }
        // A body waiting for a connection, a thread or a blocked loop is not running meanwhile.
        for (const PhaseSpan &p : t.phases) {
            const Micros end = p.end >= 0 ? p.end : s.makespan;
            if (t.waitsInBody(p) && end > p.start) {
                edges.emplace_back(p.start, -1);
                edges.emplace_back(end, +1);
            }
        }
    }
    s.speedup = s.makespan > 0 ? static_cast<double>(s.sum) / static_cast<double>(s.makespan) : 0;
    s.meanConcurrency = s.speedup;

    // Ends sort before starts at the same time: a task that starts as another ends does not overlap it.
    std::sort(edges.begin(), edges.end());
    int running = 0;
    s.profile.append({0, 0});
    for (const auto &[time, delta] : edges) {
        running += delta;
        if (s.profile.last().time == time)
            s.profile.last().running = running;
        else
            s.profile.append({time, running});
    }
    // On the real clock, one task hands its slot to the next a loop iteration or two before its own
    // end is recorded; a level held for less than 5 ms (the loop's own jitter, the same threshold as
    // for a late wake-up) is that bookkeeping, not concurrency.
    constexpr Micros shortest = 5000;
    for (qsizetype i = 0; i < s.profile.size(); ++i) {
        const Micros until = i + 1 < s.profile.size() ? s.profile[i + 1].time : s.makespan;
        if (until - s.profile[i].time >= shortest || trace.clock == ClockKind::Virtual)
            s.maxConcurrency = std::max(s.maxConcurrency, s.profile[i].running);
    }

    if (!waits.empty()) {
        Micros total = 0;
        for (Micros w : waits)
            total += w;
        s.meanWait = total / static_cast<Micros>(waits.size());
        std::sort(waits.begin(), waits.end());
        // Nearest-rank percentile: the smallest wait that at least 95% of tasks do not exceed.
        const auto rank = static_cast<std::size_t>(std::ceil(0.95 * static_cast<double>(waits.size())));
        s.p95Wait = waits[std::max<std::size_t>(rank, 1) - 1];
    }
    return s;
}

} // namespace concviz
