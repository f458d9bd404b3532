"""Eight tasks share a Semaphore(2), each holding it 0.1 s: two at a time, the others wait on
the semaphore (job3 to job8), which the trace shows as "semaphore" phases."""
import asyncio

from _times import Times

times = Times()
NAMES = ["job%d" % k for k in range(1, 9)]


async def job(name, semaphore):
    with times.task(name):
        async with semaphore:
            await asyncio.sleep(0.1)


async def main():
    times.begin()
    semaphore = asyncio.Semaphore(2)
    with times.task("main"):
        await asyncio.gather(*(asyncio.create_task(job(n, semaphore), name=n) for n in NAMES))
    times.expect["phases"] = {n: ["semaphore"] for n in NAMES[2:]}
    times.expect["no_phases"] = {n: ["semaphore"] for n in NAMES[:2]}
    times.expect["waits"] = {n: ["semaphore", "sleep"] for n in NAMES[2:]}
    times.expect["max_concurrent"] = 2
    times.expect["limited"] = NAMES


asyncio.run(main())
times.write()
