"""Shared by the recorder's test programs: each program times its own tasks and, when the
environment names a file in CONCVIZ_TEST_TIMES, writes them there as

    {"tasks": {"<task name>": {"start_ms": f, "end_ms": f, "state": "ok"|"failed"|"cancelled"}},
     "expect": {...}}

Times are milliseconds from the moment main() starts; start_ms is when the task's body began,
end_ms when it ended. "expect" says what the trace must show besides:

    "waits":       {task: [wait kinds it must have, e.g. "sleep", "queue"]}
    "phases":      {task: [phase kinds it must have, e.g. "semaphore", "holds_loop"]}
    "no_phases":   {task: [phase kinds it must not have]}
    "threads":     number of executor thread lanes
    "blocked_by":  the task whose step held the loop (a marker names it)
    "max_concurrent": at most this many of "limited" tasks hold the resource at once
    "limited":     the tasks "max_concurrent" is about
    "python":      the Python version that ran the program
"""
import asyncio
import json
import os
import sys
import time


class Times:
    def __init__(self):
        self.origin = time.perf_counter()
        self.tasks = {}
        self.expect = {"python": "%d.%d.%d" % sys.version_info[:3]}

    def begin(self):
        """Call first thing in main(): the times are from here."""
        self.origin = time.perf_counter()

    def ms(self):
        return round((time.perf_counter() - self.origin) * 1000, 3)

    def task(self, name):
        return _Span(self, name)

    def write(self):
        path = os.environ.get("CONCVIZ_TEST_TIMES")
        if path:
            with open(path, "w", encoding="utf-8") as f:
                json.dump({"tasks": self.tasks, "expect": self.expect}, f, indent=1)


class _Span:
    """`with times.task("fetch"):` around a task's body records its start, end and how it ended."""

    def __init__(self, times, name):
        self.times = times
        self.name = name

    def __enter__(self):
        self.times.tasks[self.name] = {"start_ms": self.times.ms(), "end_ms": None, "state": "pending"}
        return self

    def __exit__(self, kind, exc, tb):
        entry = self.times.tasks[self.name]
        entry["end_ms"] = self.times.ms()
        if kind is None:
            entry["state"] = "ok"
        elif issubclass(kind, asyncio.CancelledError):
            entry["state"] = "cancelled"
        else:
            entry["state"] = "failed"
        return False
