#pragma once

#include "awaiterbase.h"
#include "waitqueue.h"

namespace concviz {

// asyncio.Semaphore with strict first-come first-served order: release() hands the permit straight
// to the oldest waiter, so a task arriving later can never slip in ahead of it.
class Semaphore
{
public:
    explicit Semaphore(int permits)
        : m_available(permits)
    {
    }
    int available() const { return m_available; }
    // Takes a permit if one is free and nobody waits for it, without suspending.
    bool tryAcquire()
    {
        if (m_available <= 0 || m_waiters.hasWaiters())
            return false;
        --m_available;
        return true;
    }

    void release()
    {
        if (auto waiter = m_waiters.takeFirst())
            waiter->wake();
        else
            ++m_available;
    }

    class Awaiter : public AwaiterBase
    {
    public:
        explicit Awaiter(Semaphore &semaphore)
            : m_semaphore(semaphore)
        {
        }
        bool await_ready() { return m_semaphore.tryAcquire(); }
        template<typename Promise>
        bool await_suspend(std::coroutine_handle<Promise> handle)
        {
            auto wake = beginWait(handle);
            if (!wake)
                return false;
            m_semaphore.m_waiters.push(wake);
            return true;
        }
        void await_resume() const { rethrowIfFailed(); }

    private:
        Semaphore &m_semaphore;
    };
    // co_await acquire() returns holding one permit; give it back with release() (or a Permit).
    Awaiter acquire() { return Awaiter(*this); }

private:
    int m_available;
    WaitQueue<> m_waiters;
};

// Gives a held permit back when the scope ends, however it ends (`async with semaphore:`).
class Permit
{
public:
    explicit Permit(Semaphore &semaphore)
        : m_semaphore(&semaphore)
    {
    }
    ~Permit()
    {
        if (m_semaphore)
            m_semaphore->release();
    }
    Permit(const Permit &) = delete;
    Permit &operator=(const Permit &) = delete;

private:
    Semaphore *m_semaphore;
};

} // namespace concviz
