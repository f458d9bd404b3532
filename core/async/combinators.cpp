#include "combinators.h"

#include "hostturn.h"

namespace concviz {

namespace {

// What whenAll or whenFirst shares with the callback it gives each of its tasks. Counted by hand:
// a callback that holds a plain pointer and an index fits inside std::function, where one holding
// a shared_ptr costs an allocation, a million times over under gather.
struct Watch
{
    // Each task's state, to be asked how it ended: only by its own callback, which runs while the
    // task ends, so the state is always there then.
    std::vector<TaskStateBase *> tasks;
    void (*onDone)(Watch *, std::size_t) = nullptr; // what a task ending does, here not in each callback
    std::size_t remaining = 0;
    int first = -1;
    bool failuresOnly = false;
    std::size_t holders = 1; // the awaiting coroutine, and each callback not yet called
    AsyncEvent event;

    // A watch of these tasks, doing `onDone` as each ends; already set when there are none.
    static Watch *of(const std::vector<Task<void>> &tasks, void (*onDone)(Watch *, std::size_t))
    {
        auto *watch = new Watch;
        watch->tasks.reserve(tasks.size());
        for (const Task<void> &t : tasks)
            watch->tasks.push_back(t.state().get());
        watch->onDone = onDone;
        watch->remaining = tasks.size();
        if (tasks.empty())
            watch->event.set();
        return watch;
    }

    void release()
    {
        if (--holders == 0)
            delete this;
    }
};

// The awaiting coroutine's hold on its Watch, let go however the coroutine ends.
struct Hold
{
    Watch *watch;
    ~Hold() { watch->release(); }
};

// Gives each task its callback. Between two of them the window may take its turn: a million
// tasks take a tenth of a second to be watched, and nothing ends meanwhile.
Task<void> watchEach(Watch *watch)
{
    Clock &clock = *Clock::current();
    for (std::size_t i = 0; i < watch->tasks.size(); ++i) {
        co_await hostTurn(clock);
        ++watch->holders;
        watch->tasks[i]->onDone([watch, i] {
            watch->onDone(watch, i);
            watch->release();
        });
    }
}

} // namespace

bool hasFailed(const TaskStateBase &task)
{
    return task.error() && !task.wasCancelled();
}

Task<void> whenAll(const std::vector<Task<void>> &tasks)
{
    Watch *watch = Watch::of(tasks, [](Watch *w, std::size_t) {
        if (--w->remaining == 0)
            w->event.set();
    });
    const Hold hold{watch};
    co_await watchEach(watch);
    co_await watch->event.wait();
}

Task<int> whenFirst(const std::vector<Task<void>> &tasks, bool failuresOnly)
{
    Watch *watch = Watch::of(tasks, [](Watch *w, std::size_t i) {
        if (w->first < 0 && (!w->failuresOnly || hasFailed(*w->tasks[i]))) {
            w->first = static_cast<int>(i);
            w->event.set();
        }
        if (--w->remaining == 0)
            w->event.set();
    });
    const Hold hold{watch};
    watch->failuresOnly = failuresOnly;
    co_await watchEach(watch);
    co_await watch->event.wait();
    co_return watch->first;
}

} // namespace concviz
