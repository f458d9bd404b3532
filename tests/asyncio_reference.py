#!/usr/bin/env python3
"""Runs a ConcViz scenario as plain asyncio code, in real time, and prints what happened.

This is the reference for what each strategy must do: the same scenario run by ConcViz must give
the same start and end times. Usage:

    asyncio_reference.py SCENARIO.json STRATEGY

Prints one JSON object: {"makespan_ms": ..., "tasks": [{"name", "state", "start_ms", "end_ms"}]}.
Only what the reference tests use is here: sleep, fail, blocking and cpu tasks (offloaded or not,
to threads or processes), db tasks (their query's server time, on a pool with SQLAlchemy's limits;
the sync driver blocks the loop), count, timeouts, retries, the deadline, the caller's own steps, and every
strategy.
"""
import asyncio
import concurrent.futures
import json
import sys
import time


class TaskError(Exception):
    def __init__(self, state, message):
        super().__init__(message)
        self.state = state


def expand(scenario):
    out = []
    for i, spec in enumerate(scenario["tasks"]):
        name = spec.get("name", f"T{i + 1}")
        count = spec.get("count", 1)
        names = [name] if count == 1 else [f"{name}#{k}" for k in range(1, count + 1)]
        out += [(n, spec) for n in names]
    return out


def parse_strategy(text):
    name, _, args = text.partition(":")
    parts = args.split(",") if args else []
    options = dict(p.split("=") for p in parts[1:])
    return name, (parts[0] if parts else ""), options


def burn(seconds):
    # The thread's own CPU time: a thread waiting for the GIL or a core does not count it as work.
    end = time.thread_time() + seconds
    while time.thread_time() < end:
        sum(i * i for i in range(200))


class Run:
    def __init__(self, scenario):
        self.scenario = scenario
        self.instances = expand(scenario)
        self.records = [{"name": n, "state": "pending", "start_ms": None, "end_ms": None} for n, _ in self.instances]
        workers = scenario.get("executor_workers", 4)
        if scenario.get("executor", "thread") == "process":
            self.executor = concurrent.futures.ProcessPoolExecutor(max_workers=workers)
        else:
            self.executor = concurrent.futures.ThreadPoolExecutor(max_workers=workers)
        retries = scenario.get("retries", {})
        self.max_retries = retries.get("max", 0)
        self.backoff = retries.get("backoff_ms", 0) / 1000
        self.t0 = 0.0
        pool = scenario.get("db_pool", {})
        # SQLAlchemy's QueuePool: size + max_overflow connections at once, a bounded wait for one.
        self.pool = asyncio.Semaphore(pool.get("size", 5) + pool.get("max_overflow", 10))
        self.pool_timeout = pool.get("timeout_ms", 30000) / 1000

    def now_ms(self):
        return (time.perf_counter() - self.t0) * 1000

    async def body(self, spec):
        seconds = spec.get("duration_ms", 0) / 1000
        kind = spec["kind"]
        if kind in ("sleep", "fail"):
            await asyncio.sleep(seconds)
            if kind == "fail":
                raise RuntimeError(spec.get("error", "failed"))
        elif kind in ("blocking", "cpu"):
            work = time.sleep if kind == "blocking" else burn
            if spec.get("offload"):
                await asyncio.get_running_loop().run_in_executor(self.executor, work, seconds)
            else:
                work(seconds)
        elif kind == "db":
            # A free connection is handed over without a trip round the loop, as QueuePool does.
            if not self.pool.locked():
                await self.pool.acquire()
            else:
                try:
                    await asyncio.wait_for(self.pool.acquire(), self.pool_timeout)
                except asyncio.TimeoutError:
                    raise RuntimeError("pool timeout") from None
            try:
                if spec.get("driver", "async") == "sync":
                    time.sleep(seconds)  # psycopg2 or sqlite3 inside async def
                else:
                    await asyncio.sleep(seconds)
            finally:
                self.pool.release()
        else:
            raise ValueError(f"the reference does not run {kind} tasks")

    async def attempts(self, i):
        spec = self.instances[i][1]
        timeout = spec.get("timeout_ms", self.scenario.get("timeout_ms"))
        attempt = 1
        while True:
            if self.records[i]["start_ms"] is None:
                self.records[i]["start_ms"] = self.now_ms()
            try:
                if timeout:
                    await asyncio.wait_for(self.body(spec), timeout / 1000)
                else:
                    await self.body(spec)
                return
            except asyncio.TimeoutError:
                state = "timeout"
            except asyncio.CancelledError:
                raise
            except Exception:
                state = "failed"
            if attempt > self.max_retries:
                raise TaskError(state, state)
            await asyncio.sleep(self.backoff * 2 ** (attempt - 1))
            attempt += 1

    async def task(self, i, semaphore=None, limiter=None):
        record = self.records[i]
        try:
            if semaphore:
                async with semaphore:
                    await self.attempts(i)
            else:
                if limiter:
                    await limiter.acquire()
                await self.attempts(i)
            record["state"] = "ok"
        except TaskError as e:
            record["state"] = e.state
            raise
        except asyncio.CancelledError:
            record["state"] = "cancelled"
            raise
        finally:
            record["end_ms"] = self.now_ms()


class RateLimiter:
    """At most `calls` starts in any window of `period` seconds, first come first served."""

    def __init__(self, calls, period):
        self.calls, self.period = calls, period
        self.starts = []
        self.lock = asyncio.Lock()

    async def acquire(self):
        async with self.lock:
            while True:
                now = time.perf_counter()
                self.starts = [s for s in self.starts if s + self.period > now]
                if len(self.starts) < self.calls:
                    self.starts.append(now)
                    return
                await asyncio.sleep(self.starts[0] + self.period - now)


async def caller_steps(scenario):
    """The caller's own work between creating the tasks and awaiting them."""
    for step in scenario.get("caller", []):
        seconds = step["duration_ms"] / 1000
        if step["kind"] == "sleep":
            await asyncio.sleep(seconds)
        elif step["kind"] == "blocking":
            time.sleep(seconds)
        else:
            burn(seconds)


async def strategy_main(run, text, spawned):
    name, arg, options = parse_strategy(text)
    n = len(run.instances)

    def spawn(i, **admission):
        t = asyncio.create_task(run.task(i, **admission))
        spawned.append(t)
        return t

    async def spawn_all(**admission):
        tasks = [spawn(i, **admission) for i in range(n)]
        await caller_steps(run.scenario)
        return tasks

    if name == "sequential":
        for i in range(n):
            try:
                await spawn(i)
            except TaskError:
                pass
    elif name == "gather":
        tasks = await spawn_all()
        try:
            await asyncio.gather(*tasks, return_exceptions=(arg == "return_exceptions"))
        except TaskError:
            pass
    elif name == "task_group":
        try:
            async with asyncio.TaskGroup() as tg:
                for i in range(n):
                    spawned.append(tg.create_task(run.task(i)))
                await caller_steps(run.scenario)
        except* TaskError:
            pass
    elif name == "as_completed":
        for next_done in asyncio.as_completed(await spawn_all()):
            try:
                await next_done
            except TaskError:
                pass
    elif name == "wait":
        when = {"first_completed": asyncio.FIRST_COMPLETED, "first_exception": asyncio.FIRST_EXCEPTION,
                "all_completed": asyncio.ALL_COMPLETED}[arg]
        timeout = float(options["timeout"]) / 1000 if "timeout" in options else None
        done, pending = await asyncio.wait(await spawn_all(), return_when=when, timeout=timeout)
        for t in pending:
            t.cancel()
    elif name == "semaphore":
        semaphore = asyncio.Semaphore(int(arg))
        await asyncio.gather(*await spawn_all(semaphore=semaphore), return_exceptions=True)
    elif name == "rate_limit":
        calls, period = arg.split("/")
        limiter = RateLimiter(int(calls), float(period) / 1000)
        await asyncio.gather(*await spawn_all(limiter=limiter), return_exceptions=True)
    elif name == "queue":
        queue = asyncio.Queue(int(options.get("maxsize", 0)))
        interval = float(options.get("interval", 0)) / 1000

        async def worker():
            while True:
                i = await queue.get()
                try:
                    await spawn(i)
                except TaskError:
                    pass
                queue.task_done()

        workers = [asyncio.create_task(worker()) for _ in range(int(arg))]
        for i in range(n):
            if i > 0 and interval > 0:
                await asyncio.sleep(interval)
            await queue.put(i)
        await queue.join()
        for w in workers:
            w.cancel()
    elif name == "batches":
        size = int(arg)
        concurrency = int(options.get("concurrency", 0))
        pause = float(options.get("pause", 0)) / 1000
        for first in range(0, n, size):
            if first > 0 and pause > 0:
                await asyncio.sleep(pause)
            semaphore = asyncio.Semaphore(concurrency) if concurrency else None
            await asyncio.gather(*(spawn(i, semaphore=semaphore) for i in range(first, min(n, first + size))),
                                 return_exceptions=True)
    else:
        raise ValueError(f"unknown strategy {text}")


async def main(path, text):
    with open(path, encoding="utf-8") as f:
        scenario = json.load(f)
    run = Run(scenario)
    if isinstance(run.executor, concurrent.futures.ProcessPoolExecutor):
        # Worker processes start before the clock does, as a program's pool is made before its work.
        list(run.executor.map(time.sleep, [0.05] * scenario.get("executor_workers", 4)))
    spawned = []
    run.t0 = time.perf_counter()
    deadline = scenario.get("deadline_ms")
    try:
        async with asyncio.timeout(deadline / 1000 if deadline else None):
            await strategy_main(run, text, spawned)
    except TimeoutError:
        for t in spawned:
            t.cancel()  # the deadline ends everything still unfinished
    # Tasks the caller did not wait for still run to their end, as in ConcViz.
    await asyncio.gather(*spawned, return_exceptions=True)
    makespan = run.now_ms()
    run.executor.shutdown(wait=True)
    for r in run.records:
        if r["state"] == "pending":
            r["state"] = "cancelled"
            r["end_ms"] = makespan
    print(json.dumps({"makespan_ms": makespan, "tasks": run.records}))


if __name__ == "__main__":
    asyncio.run(main(sys.argv[1], sys.argv[2]))
