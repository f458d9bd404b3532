#!/usr/bin/env python3
"""N sleep tasks under gather on the virtual clock, run and exported, beside Python doing the same.

For each output (the text chart, JSON, CSV, the Chrome trace) prints the wall time and peak memory of
`concviz run FILE --clock virtual --format F -o OUT`, then Python asyncio running N tasks of
asyncio.sleep(0) under gather and writing their records with json.dump, in the same run.

    bench/virtual_export.py CONCVIZ [N=1000000]
"""
import asyncio
import json
import os
import subprocess
import sys
import tempfile
import time


def run_child(argv):
    """Wall seconds and peak resident MiB of one child process (its own, through wait4)."""
    start = time.perf_counter()
    child = subprocess.Popen(argv, stdout=subprocess.DEVNULL)
    _, status, usage = os.wait4(child.pid, 0)
    wall = time.perf_counter() - start
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode != 0:
        sys.exit(f"{argv[0]} failed with status {child.returncode}")
    return wall, usage.ru_maxrss / 1024


PEER = r'''
import asyncio, json, sys, time, resource
n, out = int(sys.argv[1]), sys.argv[2]
async def task(i, records):
    start = time.perf_counter()
    await asyncio.sleep(0)
    records.append({"name": f"t#{i}", "state": "ok", "start_ms": start, "end_ms": time.perf_counter()})
async def main():
    records = []
    await asyncio.gather(*(task(i, records) for i in range(n)))
    with open(out, "w") as f:
        json.dump({"tasks": records}, f)
t0 = time.perf_counter()
asyncio.run(main())
print(time.perf_counter() - t0, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
'''


def main():
    concviz = sys.argv[1]
    n = int(sys.argv[2]) if len(sys.argv) > 2 else 1000000
    with tempfile.TemporaryDirectory() as tmp:
        scenario = os.path.join(tmp, "tasks.json")
        with open(scenario, "w") as f:
            json.dump({"concviz": 1, "tasks": [{"name": "t", "kind": "sleep", "duration_ms": 1000, "count": n}]}, f)
        print(f"{n:,} sleep tasks under gather, virtual clock, run and written to a file")
        print(f"{'':28} {'wall':>9} {'peak':>10} {'file':>10}")
        for fmt in ("text", "json", "csv", "chrome-trace"):
            out = os.path.join(tmp, "out." + fmt)
            wall, peak = run_child([concviz, "run", scenario, "--clock", "virtual", "--format", fmt, "-o", out])
            size = os.path.getsize(out) / 2**20
            print(f"{'concviz ' + fmt:28} {wall:8.2f}s {peak:8.0f}MiB {size:8.0f}MiB")
        out = os.path.join(tmp, "peer.json")
        result = subprocess.run([sys.executable, "-c", PEER, str(n), out], check=True, capture_output=True, text=True)
        wall, peak = (float(x) for x in result.stdout.split())
        print(f"{'python asyncio + json.dump':28} {wall:8.2f}s {peak:8.0f}MiB {os.path.getsize(out) / 2**20:8.0f}MiB")


if __name__ == "__main__":
    main()
