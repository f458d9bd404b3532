"""Records a real asyncio program and writes a ConcViz trace.

Run a program under it with ``python3 -m concviz_record [--out FILE] [--slow-ms MS] prog.py ARGS``,
or let the hook in ``hook/sitecustomize.py`` start it (see python/README.md). From code::

    import concviz_record
    concviz_record.start(slow_ms=100)
    ...                                   # run event loops
    concviz_record.stop()
    concviz_record.write_trace("out.json", "prog.py", sys.argv, 100)
"""
import atexit
import os
import sys

from ._recorder import SUPPORTED, recording_pid, start, stop
from ._trace import build_runs, write_trace

__all__ = ["SUPPORTED", "start", "stop", "build_runs", "write_trace", "record_at_exit",
           "scenario_name"]

DEFAULT_SLOW_MS = 100


def scenario_name(argv0):
    """The program's file name, as the trace's scenario: crawl.py; a package run with -m by its
    folder's name."""
    if not argv0:
        return "python"
    if argv0 in ("-c", "-m", "-"):
        return argv0
    name = os.path.basename(argv0)
    if name == "__main__.py":
        name = os.path.basename(os.path.dirname(os.path.abspath(argv0))) or name
    return name


def report(path, count):
    sys.stderr.write("concviz_record: wrote %d task%s to %s\n" % (count, "" if count == 1 else "s", path))
    sys.stderr.flush()


def record_at_exit(path, slow_ms=DEFAULT_SLOW_MS):
    """Starts recording now and writes the trace to path when the interpreter exits."""
    if not start(slow_ms):
        sys.stderr.write("concviz_record: this Python's asyncio cannot be recorded; running unrecorded\n")
        return False
    atexit.register(_write_at_exit, os.path.abspath(path), slow_ms)
    return True


def _write_at_exit(path, slow_ms):
    # A child made by os.fork inherits this handler: only the process that recorded writes.
    if os.getpid() != recording_pid():
        return
    stop()
    try:
        count = write_trace(path, scenario_name(sys.argv[0] if sys.argv else ""), list(sys.argv), slow_ms)
    except Exception as exc:
        sys.stderr.write("concviz_record: cannot write %s: %s\n" % (path, exc))
        return
    report(path, count)
