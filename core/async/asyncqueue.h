#pragma once

#include "awaiterbase.h"
#include "asyncevent.h"
#include "waitqueue.h"

#include <deque>
#include <optional>

namespace concviz {

// asyncio.Queue: put() waits while the queue is full (maxsize > 0), get() waits while it is empty.
// Both sides are served first come first served; join() waits until every item put has been
// marked done with taskDone().
template<typename T>
class AsyncQueue
{
    struct Getter
    {
        std::shared_ptr<Wake> wake;
        std::optional<T> item;
    };
    struct Putter
    {
        std::shared_ptr<Wake> wake;
        T item;
    };

public:
    explicit AsyncQueue(int maxsize = 0)
        : m_maxsize(maxsize)
    {
    }
    int size() const { return static_cast<int>(m_items.size()); }
    bool isFull() const { return m_maxsize > 0 && size() >= m_maxsize; }

    class PutAwaiter : public AwaiterBase
    {
    public:
        PutAwaiter(AsyncQueue &queue, T item)
            : m_queue(queue)
            , m_item(std::move(item))
        {
        }
        bool await_ready()
        {
            if (m_queue.isFull() || m_queue.m_putters.hasWaiters())
                return false;
            m_queue.pushItem(std::move(m_item));
            return true;
        }
        template<typename Promise>
        bool await_suspend(std::coroutine_handle<Promise> handle)
        {
            auto wake = beginWait(handle);
            if (!wake)
                return false;
            // The item goes in when room is made, before this task even resumes.
            m_queue.m_putters.push(std::make_shared<Putter>(Putter{wake, std::move(m_item)}));
            return true;
        }
        void await_resume() const { rethrowIfFailed(); }

    private:
        AsyncQueue &m_queue;
        T m_item;
    };

    class GetAwaiter : public AwaiterBase
    {
    public:
        explicit GetAwaiter(AsyncQueue &queue)
            : m_queue(queue)
        {
        }
        bool await_ready() const { return !m_queue.m_items.empty() && !m_queue.m_getters.hasWaiters(); }
        template<typename Promise>
        bool await_suspend(std::coroutine_handle<Promise> handle)
        {
            auto wake = beginWait(handle);
            if (!wake)
                return false;
            m_getter = std::make_shared<Getter>(Getter{wake, std::nullopt});
            m_queue.m_getters.push(m_getter);
            return true;
        }
        T await_resume()
        {
            rethrowIfFailed();
            if (m_getter)
                return std::move(*m_getter->item);
            return m_queue.popItem();
        }

    private:
        AsyncQueue &m_queue;
        std::shared_ptr<Getter> m_getter;
    };

    PutAwaiter put(T item) { return PutAwaiter(*this, std::move(item)); }
    // put_nowait() on an unbounded queue: never waits.
    void putNowait(T item) { pushItem(std::move(item)); }
    GetAwaiter get() { return GetAwaiter(*this); }

    void taskDone()
    {
        if (--m_unfinished == 0)
            m_allDone.set();
    }
    AsyncEvent::Awaiter join()
    {
        if (m_unfinished == 0)
            m_allDone.set();
        return m_allDone.wait();
    }

private:
    void pushItem(T item)
    {
        ++m_unfinished;
        m_allDone.clear();
        // A waiting getter takes the item straight away, in arrival order.
        if (auto getter = m_getters.takeFirst()) {
            getter->item.emplace(std::move(item));
            getter->wake->wake();
            return;
        }
        m_items.push_back(std::move(item));
    }
    T popItem()
    {
        T item = std::move(m_items.front());
        m_items.pop_front();
        // Room was made: let the oldest blocked producer in.
        if (!isFull()) {
            if (auto putter = m_putters.takeFirst()) {
                pushItem(std::move(putter->item));
                putter->wake->wake();
            }
        }
        return item;
    }

    int m_maxsize;
    int m_unfinished = 0;
    std::deque<T> m_items;
    WaitQueue<Getter> m_getters;
    WaitQueue<Putter> m_putters;
    AsyncEvent m_allDone;
};

} // namespace concviz
