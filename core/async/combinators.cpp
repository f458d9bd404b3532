#include "combinators.h"

namespace concviz {

namespace {
struct FirstState
{
    std::size_t remaining = 0;
    int first = -1;
    AsyncEvent event;
};
} // namespace

bool hasFailed(const TaskStateBase &task)
{
    return task.error() && !task.wasCancelled();
}

Task<void> whenAll(std::vector<Task<void>> tasks)
{
    auto state = std::make_shared<FirstState>();
    state->remaining = tasks.size();
    if (tasks.empty())
        state->event.set();
    for (const Task<void> &t : tasks)
        t.state()->onDone([state] {
            if (--state->remaining == 0)
                state->event.set();
        });
    co_await state->event.wait();
}

Task<int> whenFirst(std::vector<Task<void>> tasks, bool failuresOnly)
{
    auto state = std::make_shared<FirstState>();
    state->remaining = tasks.size();
    if (tasks.empty())
        state->event.set();
    for (std::size_t i = 0; i < tasks.size(); ++i) {
        TaskStateBase *task = tasks[i].state().get();
        task->onDone([state, task, i, failuresOnly] {
            if (state->first < 0 && (!failuresOnly || hasFailed(*task))) {
                state->first = static_cast<int>(i);
                state->event.set();
            }
            if (--state->remaining == 0)
                state->event.set();
        });
    }
    co_await state->event.wait();
    co_return state->first;
}

} // namespace concviz
