"""Records every asyncio task's steps and waits, and the jobs handed to executor threads.

How: while recording, BaseEventLoop.create_task makes instances of RecordedTask, a subclass of
asyncio's pure-Python Task (asyncio.tasks._PyTask), whose step method is timed. The C Task runs
its steps internally, so only the Python one can be timed without a tracing hook. After each step
the task's await chain tells what it now waits on. BaseEventLoop.run_in_executor wraps the job to
time it on its worker thread.

Python 3.10 and 3.11 run a step in Task.__step (mangled _Task__step); 3.12 and later split it and
run the coroutine in __step_run_and_handle_result, which eager tasks also call directly, so that is
the method timed there.
"""
import asyncio
import asyncio.base_events
import asyncio.futures
import asyncio.locks
import asyncio.queues
import asyncio.selector_events
import asyncio.streams
import asyncio.subprocess
import asyncio.tasks
import concurrent.futures
import contextvars
import functools
import os
import threading
import time

_now = time.perf_counter_ns
_PyTask = getattr(asyncio.tasks, "_PyTask", None)
_PENDING = asyncio.futures._PENDING
_CANCELLED = asyncio.futures._CANCELLED
_current_task = asyncio.tasks.current_task
_BaseEventLoop = asyncio.base_events.BaseEventLoop

MAX_WAITS = 10000  # per task: a long-lived task must not grow the trace without bound

if _PyTask is not None and hasattr(_PyTask, "_Task__step_run_and_handle_result"):
    _STEP_NAME = "_Task__step_run_and_handle_result"  # 3.12+
elif _PyTask is not None and hasattr(_PyTask, "_Task__step"):
    _STEP_NAME = "_Task__step"  # 3.10, 3.11
else:
    _STEP_NAME = None

SUPPORTED = _STEP_NAME is not None

_lock = threading.Lock()  # guards the list of loops and each loop's list of executor jobs
_active = False
_slow_ns = 100 * 1000000
_loops = []


_BLOCK = 1024


class LoopRec:
    """What happened on one event loop.

    Tasks are kept in columns, indexed by the task's number on the loop, not as an object each:
    ints and strings in a few lists give the garbage collector next to nothing to walk, where an
    object and its lists per task made its full collections the recorder's main cost."""

    __slots__ = ("index", "name", "coro_name", "created", "parent", "first", "last", "nsteps",
                 "run", "end", "state", "error", "o_start", "o_kind", "o_detail", "o_arg",
                 "nwaits", "dropped", "w_task", "w_start", "w_end", "w_kind", "w_detail", "w_arg",
                 "long", "jobs", "exec_futs", "stepping", "sleep_fut", "sleep_delay")

    def __init__(self, index):
        self.index = index
        self.name = {}  # task -> name given; a task without one shows its coroutine's name
        self.coro_name = []
        self.created = []
        self.parent = []  # number of the creating task, the name of one not recorded, or None
        self.first = []  # start of the first step
        self.last = []  # end of the latest step
        self.nsteps = []
        self.run = []  # ns spent in steps
        self.end = []
        self.state = []  # pending, ok, failed, cancelled; None for a task that never was made
        self.error = {}  # task -> "Type: message" of a failed task
        # The wait under way: its start (None when there is none), kind, detail and argument (a
        # sleep's delay, an awaited task). Columns, not a tuple per wait, for the same reason.
        self.o_start = []
        self.o_kind = []
        self.o_detail = []
        self.o_arg = []
        self.nwaits = []
        self.dropped = {}  # task -> waits past MAX_WAITS, not kept
        # Waits that ended, in the order they ended.
        self.w_task = []
        self.w_start = []
        self.w_end = []
        self.w_kind = []
        self.w_detail = []
        self.w_arg = []
        self.long = []  # (task, start, end), steps longer than the threshold
        self.jobs = []  # started executor jobs, appended by worker threads under _lock
        self.exec_futs = {}  # id(asyncio future) -> Job, while the future is pending
        self.stepping = None  # number of the task whose step runs now
        # id of the future of the asyncio.sleep a task began in its step, and the sleep's delay
        self.sleep_fut = []
        self.sleep_delay = []

    def add(self, name, coro_name, created, parent):
        i = len(self.coro_name)
        if i == len(self.first):
            self._grow()
        if name is not None:
            self.name[i] = name
        self.coro_name.append(coro_name)
        self.created.append(created)
        self.parent.append(parent)
        return i

    def _grow(self):
        # The columns written on steps grow a block at a time: one extend per block of tasks
        # costs less than a dozen appends per task.
        for column, blank in ((self.first, None), (self.last, None), (self.nsteps, 0),
                              (self.run, 0), (self.end, None), (self.state, "pending"),
                              (self.o_start, None), (self.o_kind, None), (self.o_detail, None),
                              (self.o_arg, None), (self.sleep_fut, 0), (self.sleep_delay, 0.0),
                              (self.nwaits, 0)):
            column.extend([blank] * _BLOCK)

    def open_wait(self, i):
        """(start, kind, detail, argument) of the wait task i is in, or None."""
        start = self.o_start[i]
        if start is None:
            return None
        return (start, self.o_kind[i], self.o_detail[i], self.o_arg[i])

    def closed_waits(self):
        """(task, start, end, kind, detail, argument) of every wait that ended."""
        n = len(self.w_end)  # the last column written: every column has these
        return list(zip(self.w_task[:n], self.w_start[:n], self.w_end[:n], self.w_kind[:n],
                        self.w_detail[:n], self.w_arg[:n]))

    def label(self, i):
        return self.name.get(i, self.coro_name[i])

    def count(self):
        return len(self.coro_name)


class Job:
    """One callable run on an executor thread."""

    __slots__ = ("loop", "task", "fn", "submitted", "thread", "start", "end", "error")

    def __init__(self, loop, task, fn, submitted):
        self.loop = loop
        self.task = task
        self.fn = fn
        self.submitted = submitted
        self.thread = None
        self.start = None
        self.end = None
        self.error = None


def _loop_rec(loop):
    rec = loop.__dict__.get("_concviz_loop")
    if rec is None:
        with _lock:
            rec = LoopRec(len(_loops))
            _loops.append(rec)
        loop.__dict__["_concviz_loop"] = rec
    return rec


def error_text(exc):
    try:
        message = str(exc)
    except Exception:
        message = "<unprintable>"
    text = type(exc).__name__ + (": " + message if message else "")
    return text if len(text) <= 200 else text[:199] + "\u2026"


# --- what a task waits on ---------------------------------------------------------------------

_KNOWN = {}  # id(code object) -> (kind, detail). Ids, not the code objects: hashing code is slow.


def _know(owner, attr, kind, detail):
    fn = getattr(owner, attr, None) if owner is not None else None
    code = getattr(fn, "__code__", None)
    if code is not None:
        _KNOWN[id(code)] = (kind, detail)
    return code


_SLEEP_CODE = _know(asyncio.tasks, "sleep", "sleep", None)
_know(asyncio.tasks, "wait_for", "wait_for", None)
_know(asyncio.locks.Lock, "acquire", "lock", "lock")
_know(asyncio.locks.Event, "wait", "event", "event")
_know(asyncio.locks.Condition, "wait", "condition", "condition")
_know(asyncio.locks.Condition, "wait_for", "condition", "condition")
_know(asyncio.locks.Semaphore, "acquire", "semaphore", "semaphore")
_know(asyncio.locks.BoundedSemaphore, "acquire", "semaphore", "semaphore")
_Barrier = getattr(asyncio.locks, "Barrier", None)
for _attr in ("wait", "_block", "_wait"):
    _know(_Barrier, _attr, "barrier", "barrier")
_know(asyncio.queues.Queue, "get", "queue", "queue get")
_know(asyncio.queues.Queue, "put", "queue", "queue put")
_know(asyncio.queues.Queue, "join", "queue", "queue join")
_know(asyncio.tasks, "wait", "future", "wait")
_know(asyncio.tasks, "_wait", "future", "wait")
for _const in asyncio.tasks.as_completed.__code__.co_consts:  # 3.10-3.12: a nested function
    if getattr(_const, "co_name", None) == "_wait_for_one":
        _KNOWN[id(_const)] = ("future", "as_completed")
_know(getattr(asyncio.tasks, "_AsCompletedIterator", None), "_wait_for_one", "future", "as_completed")
_TaskGroup = getattr(asyncio, "TaskGroup", None)
_know(_TaskGroup, "__aexit__", "future", "task group")
_know(_TaskGroup, "_aexit", "future", "task group")
_know(asyncio.streams.StreamReader, "_wait_for_data", "io", "stream read")
_know(asyncio.streams.StreamWriter, "drain", "io", "stream drain")
_SOCKET_WAITS = (("sock_recv", "socket recv"), ("sock_recv_into", "socket recv"),
                 ("sock_recvfrom", "socket recv"), ("sock_sendall", "socket send"),
                 ("sock_sendto", "socket send"), ("sock_connect", "socket connect"),
                 ("sock_accept", "socket accept"), ("create_connection", "connect"),
                 ("getaddrinfo", "getaddrinfo"))
for _owner in (asyncio.base_events.BaseEventLoop, asyncio.selector_events.BaseSelectorEventLoop):
    for _attr, _detail in _SOCKET_WAITS:
        if _attr in vars(_owner):
            _know(_owner, _attr, "io", _detail)
_know(getattr(asyncio.subprocess, "Process", None), "wait", "io", "subprocess")
_know(getattr(asyncio.subprocess, "Process", None), "communicate", "io", "subprocess")

# Housekeeping coroutines asyncio.run starts after main ends: not the program's tasks.
_SKIP = set()
for _attr in ("shutdown_asyncgens", "shutdown_default_executor"):
    _code = getattr(getattr(_BaseEventLoop, _attr, None), "__code__", None)
    if _code is not None:
        _SKIP.add(id(_code))

_TASK_TYPES = tuple({t for t in (asyncio.tasks.Task, _PyTask, getattr(asyncio.tasks, "_CTask", None))
                     if isinstance(t, type)})


def _local(coro, name):
    frame = getattr(coro, "cr_frame", None) or getattr(coro, "gi_frame", None)
    if frame is None:
        return None
    try:
        return frame.f_locals.get(name)
    except Exception:
        return None


def _classify_coro(coro, L, i):
    """(kind, detail, argument) from a coroutine's await chain, or None.

    The outermost asyncio primitive on the chain names the wait: a Barrier waits through a
    Condition, a Condition re-takes its Lock, as_completed reads a Queue. wait_for and
    asyncio.timeout are looked through: what they wrap is the wait. Only code objects are read,
    never a frame's locals on this path: asking for a frame makes Python build it and keep it."""
    c = coro
    found = None
    innermost_wait_for = None
    while c is not None:
        try:
            code = c.cr_code
            nxt = c.cr_await
        except AttributeError:
            try:
                code = c.gi_code
                nxt = c.gi_yieldfrom
            except AttributeError:
                break
        known = _KNOWN.get(id(code))
        if known is not None:
            if known[0] == "wait_for":
                innermost_wait_for = c
            elif found is None:
                found = known
        c = nxt
    if found is not None:
        return found + (None,)
    if innermost_wait_for is not None and L is not None:
        # 3.10 and 3.11 run a coroutine given to wait_for in a task of its own, made by this task
        # and left unnamed: that task is looked through to what it runs. A task the program
        # made and handed to wait_for is the wait itself.
        inner = _local(innermost_wait_for, "fut")
        if isinstance(inner, _TASK_TYPES):
            j = _task_ref(inner, L)
            if isinstance(j, int) and L.parent[j] == i and j not in L.name and not inner.done():
                inner_coro = inner.get_coro()
                if getattr(inner_coro, "cr_code", None) is _SLEEP_CODE:
                    delay = _local(inner_coro, "delay")  # not started yet: its locals are its arguments
                    if isinstance(delay, (int, float)) and delay > 0:
                        return ("sleep", "sleep %g s" % delay, float(delay))
                got = _classify_coro(inner_coro, None, None)
                if got is not None:
                    return got
            return ("task", None, j)
    return None


def _task_ref(task, lrec):
    """How a wait or a child names a task: its number when recorded on the same loop, else its
    name."""
    # getattr, not task.__dict__: asking for the dict would make Python build one per task
    if lrec is not None and getattr(task, "_cv_loop", None) is lrec:
        return task._cv_i
    try:
        return str(task.get_name())
    except Exception:
        return None


def _classify(task, L, i):
    """The wait a task starts: (kind, detail, argument). A sleep's detail is written
    from its delay when the trace is: formatting text on every step would cost more."""
    fut = task._fut_waiter
    if fut is not None:
        if L.sleep_fut[i] == id(fut):
            L.sleep_fut[i] = 0
            return ("sleep", None, L.sleep_delay[i])
        job = L.exec_futs.get(id(fut))
        if job is not None:
            return ("executor", "executor " + job.fn, None)
    got = _classify_coro(task._coro, L, i)
    if got is not None:
        if got[0] == "sleep" and got[1] is None and got[2] is None:
            # asyncio.sleep without a timer: sleep(0), which only yields to the loop
            return ("sleep", None, 0.0) if fut is None else ("sleep", "sleep", None)
        return got
    if fut is None:
        return ("future", "yield", None)
    if isinstance(fut, _TASK_TYPES):
        return ("task", None, _task_ref(fut, L))
    if type(fut).__name__ == "_GatheringFuture":
        return ("future", "gather", None)
    return ("future", "future", None)


# --- the recorded task ------------------------------------------------------------------------

def _finished(task, L, i, t1):
    L.end[i] = t1
    if task._state == _CANCELLED:
        L.state[i] = "cancelled"
    else:
        exc = task._exception  # not exception(): that would mark it retrieved
        if exc is None:
            L.state[i] = "ok"
        else:
            L.state[i] = "failed"
            L.error[i] = error_text(exc)


def _waits(task, L, i, t1):
    if L.nwaits[i] >= MAX_WAITS:
        L.dropped[i] = L.dropped.get(i, 0) + 1
        L.sleep_fut[i] = 0
        return
    L.nwaits[i] += 1
    try:
        kind, detail, arg = _classify(task, L, i)
    except Exception:  # never let the recorder break the program
        kind, detail, arg = "future", "future", None
    L.o_start[i] = t1
    L.o_kind[i] = kind
    L.o_detail[i] = detail
    L.o_arg[i] = arg


if SUPPORTED:
    _base_step = getattr(_PyTask, _STEP_NAME)

    class RecordedTask(_PyTask):
        """asyncio's pure-Python Task, with each step timed."""

        def __init__(self, coro, *, _cv_loop, _cv_i, **kwargs):
            # Set before __init__: an eager task runs its first step in it.
            self._cv_loop = _cv_loop
            self._cv_i = _cv_i
            super().__init__(coro, **kwargs)

        def set_name(self, value):
            super().set_name(value)
            self._cv_loop.name[self._cv_i] = self._name

        def _step(self, exc=None):
            # Runs on every step of every task: kept to plain list and attribute work.
            L = self._cv_loop
            i = self._cv_i
            if L.end[i] is not None:
                return _base_step(self, exc)
            t0 = _now()
            start = L.o_start[i]
            if start is not None:
                L.w_task.append(i)
                L.w_start.append(start)
                L.w_kind.append(L.o_kind[i])
                L.w_detail.append(L.o_detail[i])
                L.w_arg.append(L.o_arg[i])
                L.w_end.append(t0)
                L.o_start[i] = None
            outer = L.stepping  # an eager task steps inside the step of the task making it
            L.stepping = i
            try:
                _base_step(self, exc)
            finally:
                t1 = _now()
                L.stepping = outer
                if L.first[i] is None:
                    L.first[i] = t0
                L.nsteps[i] += 1
                L.run[i] += t1 - t0
                L.last[i] = t1
                if t1 - t0 > _slow_ns:
                    L.long.append((i, t0, t1))
                if self._state != _PENDING:
                    _finished(self, L, i, t1)
                else:
                    _waits(self, L, i, t1)

    setattr(RecordedTask, _STEP_NAME, RecordedTask._step)
    del RecordedTask._step
    # Messages such as "Task was destroyed but it is pending!" show the class name: keep asyncio's.
    RecordedTask.__name__ = RecordedTask.__qualname__ = "Task"
else:
    RecordedTask = None


# --- the patches ------------------------------------------------------------------------------

_orig_create_task = _BaseEventLoop.create_task
_orig_run_in_executor = _BaseEventLoop.run_in_executor
_orig_call_later = _BaseEventLoop.call_later
_eager_factory = getattr(asyncio.tasks, "eager_task_factory", None)
_set_result_unless_cancelled = asyncio.futures._set_result_unless_cancelled


def _coro_name(coro):
    name = getattr(coro, "__qualname__", None) or getattr(coro, "__name__", None)
    return str(name) if name else type(coro).__name__


def create_task(self, coro, **kwargs):
    factory = self._task_factory
    # A factory of the program's own makes tasks the recorder cannot time: leave them be. The
    # stdlib's eager factory is taken over, as eager RecordedTasks.
    if not _active or (factory is not None and factory is not _eager_factory) \
            or id(getattr(coro, "cr_code", None)) in _SKIP:
        return _orig_create_task(self, coro, **kwargs)
    self._check_closed()
    L = self.__dict__.get("_concviz_loop") or _loop_rec(self)
    if factory is not None:
        kwargs["eager_start"] = True
    parent = _current_task(self)
    if parent is not None:
        parent = _task_ref(parent, L)
    name = kwargs.get("name")
    i = L.add(None if name is None else str(name), _coro_name(coro), _now(), parent)
    try:
        task = RecordedTask(coro, loop=self, _cv_loop=L, _cv_i=i, **kwargs)
    except BaseException:
        L.state[i] = None  # never made: left out of the trace
        raise
    if task._source_traceback:
        del task._source_traceback[-1]
    return task


def call_later(self, delay, callback, *args, context=None):
    handle = _orig_call_later(self, delay, callback, *args, context=context)
    # asyncio.sleep's timer: the delay tells when the sleeping task is due, without reading the
    # sleep's frame.
    if callback is _set_result_unless_cancelled and args:
        L = self.__dict__.get("_concviz_loop")
        if L is not None and L.stepping is not None:
            L.sleep_fut[L.stepping] = id(args[0])
            L.sleep_delay[L.stepping] = delay
    return handle


def _callable_name(func):
    f = func
    for _ in range(4):
        if isinstance(f, functools.partial):
            inner = f.func
            # asyncio.to_thread submits partial(context.run, func, ...)
            if getattr(inner, "__name__", None) == "run" and \
                    isinstance(getattr(inner, "__self__", None), contextvars.Context) and f.args:
                f = f.args[0]
            else:
                f = inner
        else:
            break
    name = getattr(f, "__qualname__", None) or getattr(f, "__name__", None)
    return str(name) if name else type(f).__name__


def _run_job(job, func, *args):
    job.thread = threading.current_thread().name
    job.start = _now()
    with _lock:
        job.loop.jobs.append(job)
    try:
        return func(*args)
    except BaseException as exc:
        job.error = error_text(exc)
        raise
    finally:
        job.end = _now()


def _forget(futs, key, _fut):
    futs.pop(key, None)


def run_in_executor(self, executor, func, *args):
    if not _active:
        return _orig_run_in_executor(self, executor, func, *args)
    if self._debug and hasattr(self, "_check_callback"):
        self._check_callback(func, "run_in_executor")  # asyncio checks func, not our wrapper
    lrec = self.__dict__.get("_concviz_loop") or _loop_rec(self)
    task = _current_task(self)
    job = Job(lrec, _task_ref(task, lrec) if task is not None else None, _callable_name(func), _now())
    pool = executor if executor is not None else self._default_executor
    if pool is None or isinstance(pool, concurrent.futures.ThreadPoolExecutor):
        fut = _orig_run_in_executor(self, executor, functools.partial(_run_job, job, func), *args)
    else:
        # A process pool pickles the callable: it gets the program's own, and is not timed.
        fut = _orig_run_in_executor(self, executor, func, *args)
    key = id(fut)
    lrec.exec_futs[key] = job
    fut.add_done_callback(functools.partial(_forget, lrec.exec_futs, key))
    return fut


_pid = None
_works = None


def _self_test():
    """Whether a RecordedTask steps, is timed and is asyncio's current task while it runs, here.

    asyncio's pure-Python Task is an internal class: a Python newer than those this was written
    for may change it. Then the program runs unrecorded rather than wrongly. Run on a thread of
    its own, as the caller may be inside a running loop."""
    result = []

    def probe_loop():
        loop = asyncio.new_event_loop()
        try:
            L = LoopRec(-1)
            i = L.add(None, "probe", _now(), None)

            async def probe():
                me = _current_task()
                await asyncio.sleep(0)
                return me

            task = RecordedTask(probe(), loop=loop, _cv_loop=L, _cv_i=i)
            result.append(loop.run_until_complete(task) is task and L.nsteps[i] == 2 and L.state[i] == "ok")
        except Exception:
            result.append(False)
        finally:
            loop.close()

    thread = threading.Thread(target=probe_loop, name="concviz_record probe", daemon=True)
    thread.start()
    thread.join(10)
    return bool(result and result[0])


def start(slow_ms=100):
    """Start recording in this process. Returns False where this Python cannot be recorded."""
    global _active, _slow_ns, _pid, _works
    if not SUPPORTED:
        return False
    if _works is None:
        _works = _self_test()
    if not _works:
        return False
    _slow_ns = int(float(slow_ms) * 1000000)
    _pid = os.getpid()
    _BaseEventLoop.create_task = create_task
    _BaseEventLoop.run_in_executor = run_in_executor
    _BaseEventLoop.call_later = call_later
    _active = True
    return True


def stop():
    """Stop recording new tasks and jobs; what was recorded stays. Tasks already made go on
    timing their steps, harmlessly."""
    global _active
    _active = False
    if _BaseEventLoop.create_task is create_task:
        _BaseEventLoop.create_task = _orig_create_task
    if _BaseEventLoop.run_in_executor is run_in_executor:
        _BaseEventLoop.run_in_executor = _orig_run_in_executor
    if _BaseEventLoop.call_later is call_later:
        _BaseEventLoop.call_later = _orig_call_later


def recording_pid():
    return _pid


def slow_ns():
    return _slow_ns


def loops():
    with _lock:
        return list(_loops)


def snapshot_jobs(lrec):
    with _lock:
        return list(lrec.jobs)
