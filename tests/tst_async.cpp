// The coroutine core: results, exceptions, cancellation, QFuture in both directions, the clocks and
// the waiting primitives.

#include "async/asyncevent.h"
#include "async/asyncqueue.h"
#include "async/combinators.h"
#include "async/futureawaiter.h"
#include "async/hostturn.h"
#include "async/realclock.h"
#include "async/semaphore.h"
#include "async/sleep.h"
#include "async/task.h"
#include "async/threadpooljob.h"
#include "async/virtualclock.h"

#include <QElapsedTimer>
#include <QTest>
#include <QThread>
#include <QThreadPool>
#include <QTimer>

using namespace concviz;

namespace {

// Runs `make` with `clock` current and waits (at most 10 s of wall time) until the task ends.
template<typename T>
Task<T> runUntilDone(Clock &clock, const std::function<Task<T>()> &make)
{
    Task<T> task;
    {
        CurrentClockScope scope(&clock);
        task = make();
    }
    QElapsedTimer wall;
    wall.start();
    while (!task.isDone() && wall.elapsed() < 10000)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
    return task;
}

Task<int> answerAfter(Micros delay)
{
    co_await sleepFor(delay);
    co_return 42;
}

Task<void> failAfter(Micros delay)
{
    co_await sleepFor(delay);
    throw TaskFailure{QStringLiteral("boom")};
}

struct Cleanup
{
    int *count;
    ~Cleanup() { ++*count; }
};

Task<void> sleepWithCleanup(Micros delay, int *cleanups)
{
    Cleanup c{cleanups};
    co_await sleepFor(delay);
}

Task<int> awaitChild(Task<int> child)
{
    co_return co_await child;
}

// Holds the loop for about `us` of real time, as a task's own work between two awaits does.
void busy(qint64 us)
{
    QElapsedTimer t;
    t.start();
    while (t.nsecsElapsed() < us * 1000) {
    }
}

// Wakes at 1 ms, works a little and writes down when and in which order it woke.
Task<void> wakeAndNote(int i, std::vector<int> *order, std::vector<Micros> *woke, const int *hostTicks, int *ticksAtFirstWake)
{
    co_await sleepFor(1000);
    if (order->empty())
        *ticksAtFirstWake = *hostTicks;
    busy(2);
    order->push_back(i);
    woke->push_back(Clock::current()->now());
}

// Makes n tasks at one instant, working a little on each, then waits for them all.
Task<void> makeMany(int n, std::vector<int> *order, std::vector<Micros> *woke, const int *hostTicks, int *ticksMade, int *ticksAtFirstWake)
{
    Clock &clock = *Clock::current();
    std::vector<Task<void>> tasks;
    for (int i = 0; i < n; ++i) {
        co_await hostTurn(clock);
        busy(2);
        tasks.push_back(wakeAndNote(i, order, woke, hostTicks, ticksAtFirstWake));
    }
    *ticksMade = *hostTicks;
    co_await whenAll(tasks);
}

// makeMany(n) run on `clock` while the application's own zero-interval timer ticks beside it.
struct ManyTasks
{
    bool done = false;
    int hostTicks = 0;
    int ticksMade = -1;        // the ticks when the last task was made
    int ticksAtFirstWake = -1; // the ticks when the first woke
    std::vector<int> order;    // which task woke, in the order they woke
    std::vector<Micros> woke;  // when each woke
};

ManyTasks runMany(Clock &clock, int n)
{
    ManyTasks m;
    QTimer tick;
    tick.setInterval(0);
    QObject::connect(&tick, &QTimer::timeout, [&m] { ++m.hostTicks; });
    tick.start();
    Task<void> t = runUntilDone<void>(clock, [&] { return makeMany(n, &m.order, &m.woke, &m.hostTicks, &m.ticksMade, &m.ticksAtFirstWake); });
    m.done = t.isDone();
    return m;
}

} // namespace

class TestAsync : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void aResultArrivesThroughCoAwaitAndQFuture();
    void anExceptionReachesTheAwaiter();
    void cancellingWakesTheTaskAtItsAwaitAndRunsItsCleanup();
    void cancellingTheAwaiterCancelsTheAwaited();
    void aCancelWhileRunningIsThrownAtTheNextAwait();
    void aQFutureFromAThreadIsAwaitedOnTheLoopThread();
    void aWakeResumesFromTheLoopNotFromTheCaller();
    void theVirtualClockJumpsToTheNextDeadline();
    void aLongInstantLetsTheApplicationInWithoutChangingTimesOrOrder();
    void aSlicedRealClockLetsTheWindowInWhileManyTasksStartAndWake_data();
    void aSlicedRealClockLetsTheWindowInWhileManyTasksStartAndWake();
    void realTimersNeverFireEarlyAndKeepTheirOrder();
    void aSemaphoreServesWaitersInArrivalOrder();
    void aFullQueueBlocksTheProducerUntilRoomIsMade();
};

void TestAsync::aResultArrivesThroughCoAwaitAndQFuture()
{
    VirtualClock clock;
    QFuture<int> future;
    Task<int> t = runUntilDone<int>(clock, [&] {
        Task<int> child = answerAfter(1000);
        future = child.toFuture();
        return awaitChild(child);
    });
    QVERIFY(t.isDone());
    QVERIFY(!t.state()->error());
    QCOMPARE(*t.state()->value, 42);
    QVERIFY(future.isFinished());
    QCOMPARE(future.result(), 42);
}

void TestAsync::anExceptionReachesTheAwaiter()
{
    VirtualClock clock;
    QString caught;
    Task<void> t = runUntilDone<void>(clock, [&]() -> Task<void> {
        return [](QString *out) -> Task<void> {
            try {
                co_await failAfter(10);
            } catch (const TaskFailure &f) {
                *out = f.message;
            }
        }(&caught);
    });
    QVERIFY(t.isDone());
    QCOMPARE(caught, QStringLiteral("boom"));
}

void TestAsync::cancellingWakesTheTaskAtItsAwaitAndRunsItsCleanup()
{
    RealClock clock;
    int cleanups = 0;
    Task<void> sleeper;
    {
        CurrentClockScope scope(&clock);
        sleeper = sleepWithCleanup(60 * 1000 * 1000, &cleanups); // a minute
    }
    QElapsedTimer wall;
    wall.start();
    sleeper.cancel(CancelKind::Timeout, QStringLiteral("too slow"));
    QTRY_VERIFY_WITH_TIMEOUT(sleeper.isDone(), 2000);
    QVERIFY(wall.elapsed() < 2000);
    QCOMPARE(cleanups, 1);
    QVERIFY(sleeper.state()->wasCancelled());
    try {
        std::rethrow_exception(sleeper.state()->error());
    } catch (const CancelledError &e) {
        QCOMPARE(e.kind, CancelKind::Timeout);
        QCOMPARE(e.reason, QStringLiteral("too slow"));
    }
}

void TestAsync::cancellingTheAwaiterCancelsTheAwaited()
{
    VirtualClock clock;
    Task<int> child;
    Task<int> parent;
    {
        CurrentClockScope scope(&clock);
        child = answerAfter(5000);
        parent = awaitChild(child);
    }
    parent.cancel();
    QTRY_VERIFY_WITH_TIMEOUT(parent.isDone(), 2000);
    QVERIFY(child.isDone());
    QVERIFY(child.state()->wasCancelled());
    QVERIFY(parent.state()->wasCancelled());
    QCOMPARE(clock.now(), Micros(0)); // nobody waited for the 5 s
}

void TestAsync::aCancelWhileRunningIsThrownAtTheNextAwait()
{
    VirtualClock clock;
    AsyncEvent event;
    bool woke = false;
    bool sleptAfterwards = false;
    Task<void> t;
    {
        CurrentClockScope scope(&clock);
        t = [](AsyncEvent *e, bool *w, bool *s) -> Task<void> {
            co_await e->wait();
            *w = true;
            co_await sleepFor(10);
            *s = true;
        }(&event, &woke, &sleptAfterwards);
    }
    event.set(); // the resumption is queued: the task is no longer suspended at an await
    t.cancel(CancelKind::Cancelled, QStringLiteral("stop"));
    QTRY_VERIFY_WITH_TIMEOUT(t.isDone(), 2000);
    QVERIFY(woke);
    QVERIFY(!sleptAfterwards);
    QVERIFY(t.state()->wasCancelled());
}

void TestAsync::aQFutureFromAThreadIsAwaitedOnTheLoopThread()
{
    RealClock clock;
    QThreadPool pool;
    QThread *workerThread = nullptr;
    QThread *resumedOn = nullptr;
    Task<void> t = runUntilDone<void>(clock, [&]() -> Task<void> {
        return [](QThreadPool *p, QThread **worker, QThread **resumed) -> Task<void> {
            co_await runOnPool(p, [worker] {
                *worker = QThread::currentThread();
                QThread::msleep(20);
            });
            *resumed = QThread::currentThread();
        }(&pool, &workerThread, &resumedOn);
    });
    QVERIFY(t.isDone());
    QVERIFY(workerThread);
    QVERIFY(workerThread != QThread::currentThread());
    QCOMPARE(resumedOn, QThread::currentThread());
}

void TestAsync::aWakeResumesFromTheLoopNotFromTheCaller()
{
    VirtualClock clock;
    AsyncEvent event;
    bool resumed = false;
    {
        CurrentClockScope scope(&clock);
        [](AsyncEvent *e, bool *r) -> Task<void> {
            co_await e->wait();
            *r = true;
        }(&event, &resumed);
    }
    event.set();
    QVERIFY(!resumed); // set() only queued the resumption
    QTRY_VERIFY_WITH_TIMEOUT(resumed, 2000);
}

void TestAsync::theVirtualClockJumpsToTheNextDeadline()
{
    VirtualClock clock;
    QElapsedTimer wall;
    wall.start();
    Task<int> t = runUntilDone<int>(clock, [] { return answerAfter(Micros(10) * 60 * 1000 * 1000); });
    QVERIFY(t.isDone());
    QCOMPARE(clock.now(), Micros(10) * 60 * 1000 * 1000);
    QVERIFY(wall.elapsed() < 5000);
}

void TestAsync::realTimersNeverFireEarlyAndKeepTheirOrder()
{
    RealClock clock;
    const Micros start = clock.now();
    QList<Micros> late;
    QList<int> order;
    for (int i = 0; i < 200; ++i) {
        const Micros due = start + 20000 + (i % 20) * 1000; // 20..39 ms, many sharing a deadline
        clock.callAt(due, [&, due, i] {
            late.append(clock.now() - due);
            order.append(i);
        });
    }
    QTRY_COMPARE_WITH_TIMEOUT(late.size(), 200, 5000);
    for (Micros l : late)
        QVERIFY2(l >= 0, "a timer fired before its deadline");
    // Same deadline: in the order they were set; different deadlines: earliest first.
    for (int k = 1; k < order.size(); ++k) {
        const int a = order[k - 1], b = order[k];
        QVERIFY((a % 20) < (b % 20) || ((a % 20) == (b % 20) && a < b));
    }
}

void TestAsync::aSemaphoreServesWaitersInArrivalOrder()
{
    VirtualClock clock;
    Semaphore semaphore(1);
    QList<int> order;
    QList<Task<void>> tasks;
    {
        CurrentClockScope scope(&clock);
        for (int i = 0; i < 5; ++i) {
            tasks.append([](Semaphore *s, QList<int> *out, int n) -> Task<void> {
                co_await s->acquire();
                Permit p(*s);
                out->append(n);
                co_await sleepFor(10);
            }(&semaphore, &order, i));
        }
    }
    tasks[2].cancel(); // a cancelled waiter is skipped, not served
    QTRY_VERIFY_WITH_TIMEOUT(std::all_of(tasks.begin(), tasks.end(), [](const Task<void> &t) { return t.isDone(); }), 2000);
    QCOMPARE(order, (QList<int>{0, 1, 3, 4}));
    QCOMPARE(semaphore.available(), 1);
    QCOMPARE(clock.now(), Micros(40));
}

void TestAsync::aFullQueueBlocksTheProducerUntilRoomIsMade()
{
    VirtualClock clock;
    AsyncQueue<int> queue(1);
    QList<Micros> putTimes;
    QList<int> got;
    Task<void> producer;
    {
        CurrentClockScope scope(&clock);
        producer = [](AsyncQueue<int> *q, Clock *c, QList<Micros> *times) -> Task<void> {
            for (int i = 0; i < 3; ++i) {
                co_await q->put(i);
                times->append(c->now());
            }
        }(&queue, &clock, &putTimes);
        [](AsyncQueue<int> *q, QList<int> *out) -> Task<void> {
            for (int i = 0; i < 3; ++i) {
                co_await sleepFor(100);
                out->append(co_await q->get());
            }
        }(&queue, &got);
    }
    QTRY_COMPARE_WITH_TIMEOUT(got.size(), 3, 2000);
    QCOMPARE(got, (QList<int>{0, 1, 2}));
    QCOMPARE(putTimes, (QList<Micros>{0, 100, 200}));
}

void TestAsync::aLongInstantLetsTheApplicationInWithoutChangingTimesOrOrder()
{
    // 40,000 tasks made at 0 and woken at 1 ms, each holding the loop about 2 µs: both stretches
    // take tens of milliseconds of one virtual instant, and the application's own timer must tick
    // during each, as the window's paint and Stop do, while no time or order changes.
    constexpr int n = 40000;
    VirtualClock clock;
    const ManyTasks m = runMany(clock, n);
    QVERIFY(m.done);
    QVERIFY2(m.ticksMade > 0, "the application never had a turn while the tasks were made");
    QVERIFY2(m.hostTicks > m.ticksAtFirstWake, "the application never had a turn while the tasks woke");
    QCOMPARE(static_cast<int>(m.order.size()), n);
    for (int i = 0; i < n; ++i) {
        QCOMPARE(m.order[static_cast<std::size_t>(i)], i);
        QCOMPARE(m.woke[static_cast<std::size_t>(i)], Micros(1000));
    }
    QCOMPARE(clock.now(), Micros(1000));
}

void TestAsync::aSlicedRealClockLetsTheWindowInWhileManyTasksStartAndWake_data()
{
    QTest::addColumn<bool>("sliced");
    QTest::newRow("sliced, as the window runs it") << true;
    QTest::newRow("whole, as the command line runs it") << false;
}

void TestAsync::aSlicedRealClockLetsTheWindowInWhileManyTasksStartAndWake()
{
    // 40,000 tasks made at once and woken together 1 ms later, each holding the loop about 2 µs:
    // sliced, the application's own timer ticks while they are made and while they wake, as the
    // window's frames do; whole, nothing else runs until all are made. Either way they wake in
    // the order they slept, none before its time.
    QFETCH(bool, sliced);
    constexpr int n = 40000;
    RealClock clock;
    clock.setSliced(sliced);
    const ManyTasks m = runMany(clock, n);
    QVERIFY(m.done);
    if (sliced) {
        QVERIFY2(m.ticksMade > 0, "the application never had a turn while the tasks were made");
        QVERIFY2(m.hostTicks > m.ticksAtFirstWake, "the application never had a turn while the tasks woke");
    } else {
        QCOMPARE(m.ticksMade, 0);
    }
    QCOMPARE(static_cast<int>(m.order.size()), n);
    for (int i = 0; i < n; ++i) {
        QCOMPARE(m.order[static_cast<std::size_t>(i)], i);
        QVERIFY(m.woke[static_cast<std::size_t>(i)] >= Micros(1000));
    }
}


QTEST_GUILESS_MAIN(TestAsync)
#include "tst_async.moc"
