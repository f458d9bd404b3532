"""Turns what was recorded into ConcViz trace JSON: {"runs": [one run per event loop]}."""
import bisect
import json
import os
import platform

from . import _recorder

LATE_NS = 2 * 1000000  # a wake-up later than this after it was due counts as late
EXECUTOR_WAIT_NS = 500 * 1000  # shorter waits for a worker thread are not worth a phase

PHASE_OF_WAIT = {
    "semaphore": "semaphore",
    "queue": "queue",
    "lock": "sync",
    "event": "sync",
    "condition": "sync",
    "barrier": "sync",
}


def _text(s):
    # A lone surrogate is not Unicode: ConcViz refuses it, so it is written as its escape.
    s = str(s)
    try:
        s.encode("utf-8")
        return s
    except UnicodeEncodeError:
        return s.encode("utf-8", "backslashreplace").decode("utf-8")


class _Clock:
    """Nanosecond instants to milliseconds from the run's origin, whole microseconds.

    Flooring to microseconds keeps the order of instants, so no span ends before it starts."""

    def __init__(self, origin):
        self.origin = origin

    def ms(self, t):
        if t is None:
            return None
        return ((t - self.origin) // 1000) / 1000.0


def _names(L, ids):
    """Shown names: a name used by several tasks is numbered, worker#1, worker#2, ..."""
    labels = {i: _text(L.label(i)) for i in ids}
    counts = {}
    for label in labels.values():
        counts[label] = counts.get(label, 0) + 1
    seen = {}
    for i in ids:
        label = labels[i]
        if counts[label] > 1:
            seen[label] = seen.get(label, 0) + 1
            labels[i] = "%s#%d" % (label, seen[label])
    return labels


def _ref_name(ref, names):
    if ref is None:
        return None
    if isinstance(ref, int):
        return names.get(ref)
    return _text(ref)


def _run(L, scenario, strategy, meta):
    n = L.count()
    ids = [i for i in range(n) if L.state[i] is not None]
    jobs = [j for j in _recorder.snapshot_jobs(L) if j.start is not None]
    waits_of = {}
    for w in L.closed_waits():
        waits_of.setdefault(w[0], []).append(w)
    instants = []
    for i in ids:
        instants.append(L.created[i])
        if L.last[i] is not None:
            instants.append(L.last[i])
        if L.o_start[i] is not None:
            instants.append(L.o_start[i])
    for j in jobs:
        instants.append(j.submitted)
        instants.append(j.start)
        if j.end is not None:
            instants.append(j.end)
    if not instants:
        return None
    origin = min(instants)
    last = max(instants)
    ms = _Clock(origin).ms
    names = _names(L, ids)

    blocking = sorted((s, e, names[i]) for i, s, e in L.long if i in names)

    def overlaps_blocking(a, b):
        for s, e, _ in blocking:
            if s < b and e > a:
                return True
        return False

    exec_phases = {}
    for j in jobs:
        if not isinstance(j.task, int) or j.task not in names:
            continue
        # The wait for a worker counts from when the task let go of the loop: a pool that starts
        # a thread does so inside submit(), while the task still runs.
        starts = [w[1] for w in waits_of.get(j.task, ())]
        if L.o_start[j.task] is not None:
            starts.append(L.o_start[j.task])
        k = bisect.bisect_left(starts, j.submitted)
        begin = max(j.submitted, starts[k]) if k < len(starts) else j.submitted
        if j.start - begin > EXECUTOR_WAIT_NS:
            exec_phases.setdefault(j.task, []).append((begin, j.start))
    long_of = {}
    for i, s, e in L.long:
        long_of.setdefault(i, []).append((s, e))

    tasks = []
    for i in ids:
        phases = []
        waits = []
        its = waits_of.get(i, [])
        o = L.open_wait(i)
        if o is not None:
            its = its + [(i, o[0], None, o[1], o[2], o[3])]
        for _, start, end, kind, detail, arg in its:
            woke = end is not None
            if not woke:
                end = last  # still waiting when the program ended
            if kind == "task":
                detail = "task " + (_ref_name(arg, names) or "?")
            elif kind == "sleep":
                try:
                    arg = None if arg is None else float(arg)
                except (TypeError, ValueError):
                    arg = None
                if detail is None:
                    detail = "sleep %g s" % arg if arg is not None else "sleep"
            waits.append({"on": kind, "detail": _text(detail), "start_ms": ms(start), "end_ms": ms(end)})
            phase = PHASE_OF_WAIT.get(kind)
            if phase is not None and detail != "queue join":  # waiting for the work, not in line
                phases.append((start, end, phase))
            elif kind == "sleep" and arg is not None and woke:
                due = start + int(arg * 1e9)
                if end - due > LATE_NS and overlaps_blocking(due, end):
                    phases.append((due, end, "loop_blocked"))
        first = L.first[i]
        created = L.created[i]
        # A task made ready while the loop was held started late just the same.
        if first is not None and first - created > LATE_NS and overlaps_blocking(created, first):
            phases.append((created, first, "loop_blocked"))
        for s, e in long_of.get(i, ()):
            phases.append((s, e, "holds_loop"))
        for s, e in exec_phases.get(i, ()):
            phases.append((s, e, "executor"))
        phases.sort()
        t = {
            "name": names[i],
            "coroutine": _text(L.coro_name[i]),
            "state": L.state[i],
            "created_ms": ms(created),
            "start_ms": ms(first),
            "end_ms": ms(L.end[i]),
            "error": _text(L.error[i]) if i in L.error else None,
            "parent": _ref_name(L.parent[i], names),
            "run_ms": L.run[i] // 1000 / 1000.0,
            "steps": L.nsteps[i],
            "waits": waits,
            "phases": [{"phase": p, "start_ms": ms(s), "end_ms": ms(e)} for s, e, p in phases],
        }
        if i in L.dropped:
            t["waits_dropped"] = L.dropped[i]
        tasks.append(t)

    # One lane per executor thread, a span per job it ran.
    lanes = {}
    for j in sorted(jobs, key=lambda j: j.start):
        lanes.setdefault(j.thread, []).append(j)
    for thread, its in lanes.items():
        spans = []
        for k, j in enumerate(its, 1):
            state = "pending" if j.end is None else ("failed" if j.error is not None else "ok")
            spans.append({"attempt": k, "state": state, "start_ms": ms(j.start),
                          "end_ms": ms(j.end if j.end is not None else last),
                          "error": None if j.error is None else _text(j.error),
                          "job": _text(j.fn)})
        ends = [j.end for j in its if j.end is not None]
        tasks.append({
            "name": _text("thread %s" % thread),
            "state": spans[-1]["state"],
            "created_ms": ms(its[0].start),
            "start_ms": ms(its[0].start),
            "end_ms": ms(max(ends)) if its[-1].end is not None else None,
            "error": spans[-1]["error"],
            "attempt_spans": spans,
            "phases": [],
            "thread": True,
        })

    # The blocking steps are the blockers' holds_loop phases already; listed here as well for a
    # reader of the file. Not as marks: a caller_resumed mark tied to a task reads as gather raising.
    blocked = [{"task": name, "start_ms": ms(s), "end_ms": ms(e)} for s, e, name in blocking]
    return {
        "scenario": scenario,
        "strategy": strategy,
        "clock": "real",
        "makespan_ms": ms(last),
        "recorder": meta,
        "tasks": tasks,
        "caller": [],
        "markers": [],
        "blocked": blocked,
    }


def build_runs(scenario, argv, slow_ms):
    meta = {"python": platform.python_version(), "slow_ms": slow_ms,
            "argv": [_text(a) for a in argv]}
    loops = [l for l in _recorder.loops() if l.count() or l.jobs]
    runs = []
    for i, lrec in enumerate(loops, 1):
        strategy = "recorded" if len(loops) == 1 else "loop %d" % i
        run = _run(lrec, _text(scenario), strategy, meta)
        if run is not None:
            runs.append(run)
    if not runs:
        # ConcViz reads no file without a run: a program that ran no loop gives an empty one.
        runs.append({"scenario": _text(scenario), "strategy": "recorded", "clock": "real",
                     "makespan_ms": 0.0, "recorder": meta, "tasks": [], "caller": [], "markers": []})
    return runs


def write_trace(path, scenario, argv, slow_ms):
    """Writes the trace atomically: a reader never sees half a file. Returns the number of
    asyncio tasks written (thread lanes not counted)."""
    runs = build_runs(scenario, argv, slow_ms)
    count = sum(1 for r in runs for t in r["tasks"] if not t.get("thread"))
    path = os.path.abspath(path)
    tmp = None
    for _ in range(100):
        candidate = os.path.join(os.path.dirname(path),
                                 ".%s.%s.tmp" % (os.path.basename(path), os.urandom(4).hex()))
        try:
            # Made by hand, not by mkstemp, so the file gets the umask's usual mode, not 0600.
            fd = os.open(candidate, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
        except FileExistsError:
            continue
        tmp = candidate
        break
    if tmp is None:
        raise OSError("cannot make a temporary file beside %s" % path)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            # One task a line: a large trace streams out without one huge string, and diffs well.
            f.write('{"runs": [\n')
            for i, run in enumerate(runs):
                tasks = run.pop("tasks")
                head = json.dumps(run, ensure_ascii=False)
                f.write(("" if i == 0 else ",\n") + head[:-1] + ', "tasks": [\n')
                for k, t in enumerate(tasks):
                    f.write((",\n" if k else "") + json.dumps(t, ensure_ascii=False))
                f.write("\n]}")
            f.write("\n]}\n")
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
    return count
