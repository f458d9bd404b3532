"""How much recording slows a program down: python3 -m concviz_record.overhead [--tasks N] [--repeat R]

Runs one workload, a gather of N tasks (10,000 by default) that each do a little work, sleep
10 ms and do a little more, first unrecorded and then recorded, each in a fresh interpreter, R
times each (5 by default), and prints the median and best wall times of asyncio.run and their
ratios: the best is the steadier figure on a busy machine. The
recorded figure also gives the time to write the trace, which comes after the program ends.
"""
import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile

_CHILD = r"""
import asyncio, json, os, sys, time
recorded = sys.argv[1] == "1"
n = int(sys.argv[2])
out = sys.argv[3]
if recorded:
    import concviz_record
    concviz_record.start(100)

async def job(i):
    words = [str(i * k) for k in range(20)]       # a little work before and after the wait
    await asyncio.sleep(0.01)
    return sum(len(w) for w in words)

async def main():
    return await asyncio.gather(*(job(i) for i in range(n)))

t0 = time.perf_counter()
asyncio.run(main())
run_s = time.perf_counter() - t0
write_s = None
if recorded:
    concviz_record.stop()
    t1 = time.perf_counter()
    concviz_record.write_trace(out, "overhead", sys.argv, 100)
    write_s = time.perf_counter() - t1
print(json.dumps({"run_s": run_s, "write_s": write_s}))
"""


def _once(recorded, tasks, out):
    env = dict(os.environ)
    here = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    env["PYTHONPATH"] = here + (os.pathsep + env["PYTHONPATH"] if env.get("PYTHONPATH") else "")
    env.pop("CONCVIZ_RECORD_OUT", None)
    result = subprocess.run([sys.executable, "-c", _CHILD, "1" if recorded else "0", str(tasks), out],
                            env=env, check=True, capture_output=True, text=True)
    return json.loads(result.stdout.strip().splitlines()[-1])


def main(argv=None):
    parser = argparse.ArgumentParser(prog="python3 -m concviz_record.overhead", description=__doc__.split("\n")[0])
    parser.add_argument("--tasks", type=int, default=10000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as folder:
        out = os.path.join(folder, "trace.json")
        plain, recorded, writes = [], [], []
        # Interleaved, so a busy moment of the machine weighs on both alike.
        for _ in range(args.repeat):
            plain.append(_once(False, args.tasks, out)["run_s"])
            r = _once(True, args.tasks, out)
            recorded.append(r["run_s"])
            writes.append(r["write_s"])
        size = os.path.getsize(out)
    a, b, w = statistics.median(plain), statistics.median(recorded), statistics.median(writes)
    print("python %s, %d tasks, %d runs each" % (sys.version.split()[0], args.tasks, args.repeat))
    print("unrecorded: median %.3f s, best %.3f s" % (a, min(plain)))
    print("recorded:   median %.3f s, best %.3f s" % (b, min(recorded)))
    print("ratio:      median %.2f, best %.2f" % (b / a, min(recorded) / min(plain)))
    print("writing the trace: %.3f s, %.1f MB" % (w, size / 1e6))
    return 0


if __name__ == "__main__":
    sys.exit(main())
