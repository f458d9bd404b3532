"""python3 -m concviz_record [--out FILE] [--slow-ms MS] PROGRAM.py [ARGS...]

Runs PROGRAM.py as __main__, as `python3 PROGRAM.py ARGS` would, records its event loops and
writes the trace to FILE (default: PROGRAM.concviz-trace.json in the current folder).
"""
import math
import os
import runpy
import sys

# Everything the recorder uses is imported before sys.path[0] becomes the program's folder.
import concviz_record
from concviz_record import _recorder, _trace  # noqa: F401

USAGE = "usage: python3 -m concviz_record [--out FILE] [--slow-ms MS] PROGRAM.py [ARGS...]"


class UsageError(Exception):
    pass


def parse(args):
    out = None
    slow_ms = concviz_record.DEFAULT_SLOW_MS
    i = 0
    while i < len(args):
        a = args[i]
        if a == "--":
            i += 1
            break
        if a in ("-h", "--help"):
            return None
        name, eq, value = a.partition("=")
        if name in ("--out", "-o", "--slow-ms"):
            if not eq:
                if i + 1 >= len(args):
                    raise UsageError("%s needs a value" % name)
                i += 1
                value = args[i]
            if name == "--slow-ms":
                try:
                    number = float(value)
                except ValueError:
                    number = float("nan")
                if not math.isfinite(number) or number <= 0:
                    raise UsageError("--slow-ms must be a number of milliseconds above 0, not %r" % value)
                slow_ms = int(number) if number == int(number) else number
            else:
                if not value:
                    raise UsageError("--out needs a file name")
                out = value
            i += 1
            continue
        if a.startswith("-") and a != "-":
            raise UsageError("unknown option %s" % a)
        break
    if i >= len(args):
        raise UsageError("no program to run")
    return out, slow_ms, args[i], args[i + 1:]


def _trimmed(tb, program):
    # The program's traceback starts at its own file, not in this module and runpy.
    target = os.path.abspath(program)
    t = tb
    while t is not None:
        if os.path.abspath(t.tb_frame.f_code.co_filename) == target:
            return t
        t = t.tb_next
    return tb


def main(argv=None):
    args = sys.argv[1:] if argv is None else argv
    try:
        parsed = parse(args)
        if parsed is None:
            print(USAGE)
            print(__doc__.split("\n", 2)[2].strip())
            return 0
        out, slow_ms, program, program_args = parsed
        if program == "-" or not os.path.exists(program):
            raise UsageError("no such program: %s" % program)
        stem = os.path.splitext(os.path.basename(os.path.abspath(program)))[0]
        out = os.path.abspath(out if out is not None else stem + ".concviz-trace.json")
        if not os.path.isdir(os.path.dirname(out)):
            raise UsageError("no folder for %s" % out)
        if os.path.isdir(out):
            raise UsageError("%s is a folder" % out)
    except UsageError as e:
        sys.stderr.write("concviz_record: %s\n%s\n" % (e, USAGE))
        return 2

    if not concviz_record.start(slow_ms):
        sys.stderr.write("concviz_record: this Python's asyncio cannot be recorded; running unrecorded\n")
    pid = os.getpid()
    sys.argv = [program] + list(program_args)
    folder = os.path.dirname(os.path.abspath(program))
    sys.path[0] = os.path.abspath(program) if os.path.isdir(program) else folder
    exit_exc = None
    failure = None
    try:
        runpy.run_path(program, run_name="__main__")
    except SystemExit as e:
        exit_exc = e
    except BaseException as e:  # KeyboardInterrupt too: the trace of what ran is still written
        failure = e
    finally:
        concviz_record.stop()
    if os.getpid() != pid:
        # A forked child came back here: the parent writes the trace.
        if exit_exc is not None:
            raise exit_exc
        if failure is not None:
            raise failure
        return 0
    wrote = True
    try:
        count = concviz_record.write_trace(out, concviz_record.scenario_name(program), sys.argv, slow_ms)
        concviz_record.report(out, count)
    except Exception as e:
        sys.stderr.write("concviz_record: cannot write %s: %s\n" % (out, e))
        wrote = False
    if exit_exc is not None:
        if not wrote and exit_exc.code in (None, 0):
            return 1
        raise exit_exc
    if failure is not None:
        if isinstance(failure, KeyboardInterrupt):
            raise failure
        tb = _trimmed(failure.__traceback__, program)
        sys.excepthook(type(failure), failure.with_traceback(tb), tb)
        return 1
    return 0 if wrote else 1


if __name__ == "__main__":
    sys.exit(main())
