#!/usr/bin/env python3
"""The peer of bench_gather_sleeps: N tasks of asyncio.sleep(SECONDS) under gather, timed the same way."""
import asyncio
import sys
import time


async def main(n, seconds):
    start = time.perf_counter()
    await asyncio.gather(*(asyncio.sleep(seconds) for _ in range(n)))
    return time.perf_counter() - start


if __name__ == "__main__":
    n, seconds = int(sys.argv[1]), float(sys.argv[2])
    print(f"{asyncio.run(main(n, seconds)):.3f}")
