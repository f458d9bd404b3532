"""Starts ConcViz's asyncio recorder in a Python started by `concviz record -- python3 ...`.

ConcViz puts the folder holding concviz_record and this folder first on PYTHONPATH, so Python
imports this module at start-up, and sets:

  CONCVIZ_RECORD_OUT      the trace file to write when the interpreter exits
  CONCVIZ_RECORD_SLOW_MS  (optional) a step longer than this holds the loop; 100 by default
  CONCVIZ_RECORD_PID      (optional) record only in the process with this pid

Which process records: with CONCVIZ_RECORD_PID, only the process of that pid (the variables stay
for its children, which record nothing). Without it, the first Python to start records and takes
CONCVIZ_RECORD_OUT out of its environment, so the processes it starts do not overwrite its trace.

Then the sitecustomize this one shadows, if any further down sys.path (Debian ships one), is run.
"""
import os
import sys


def _start():
    out = os.environ.get("CONCVIZ_RECORD_OUT")
    if not out:
        return
    wanted = os.environ.get("CONCVIZ_RECORD_PID")
    if wanted:
        if wanted.strip() != str(os.getpid()):
            return
    else:
        del os.environ["CONCVIZ_RECORD_OUT"]
    slow_ms = 100
    text = os.environ.get("CONCVIZ_RECORD_SLOW_MS")
    if text:
        try:
            value = float(text)
            if not value > 0 or value == float("inf"):
                raise ValueError
            slow_ms = int(value) if value == int(value) else value
        except ValueError:
            sys.stderr.write("concviz_record: CONCVIZ_RECORD_SLOW_MS=%r is no number of milliseconds "
                             "above 0; using 100\n" % text)
    try:
        import concviz_record
    except ImportError as e:
        sys.stderr.write("concviz_record: cannot record, the recorder is not on PYTHONPATH: %s\n" % e)
        return
    concviz_record.record_at_exit(out, slow_ms)


def _chain():
    import importlib.machinery
    import importlib.util

    here = os.path.dirname(os.path.abspath(__file__))
    rest = []
    passed = False
    for entry in sys.path:
        try:
            mine = os.path.abspath(entry or os.curdir) == here
        except (TypeError, ValueError):
            mine = False
        if mine:
            passed = True
            rest = []
        elif passed:
            rest.append(entry)
    if not passed:
        rest = [e for e in sys.path if isinstance(e, str)]
    spec = importlib.machinery.PathFinder.find_spec("sitecustomize", rest)
    if spec is None or spec.loader is None or spec.origin == os.path.abspath(__file__):
        return
    module = importlib.util.module_from_spec(spec)
    sys.modules["sitecustomize"] = module
    try:
        spec.loader.exec_module(module)
    except Exception as e:
        # As site.py does for a sitecustomize of its own that fails.
        sys.stderr.write("Error in sitecustomize; set PYTHONVERBOSE for traceback:\n%s: %s\n"
                         % (type(e).__name__, e))


try:
    _start()
finally:
    _chain()
