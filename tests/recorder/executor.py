"""Four tasks run blocking 0.15 s jobs with run_in_executor on a ThreadPoolExecutor of two
threads: job1 and job2 start at once, job3 and job4 wait 0.15 s for a thread ("executor"
phases). job4's job raises. The trace has two thread lanes, "thread pool_0" and "thread pool_1"."""
import asyncio
import concurrent.futures
import time

from _times import Times

times = Times()


def blocking(seconds, fail):
    time.sleep(seconds)
    if fail:
        raise RuntimeError("disk on fire")
    return seconds


async def job(name, pool, fail=False):
    with times.task(name):
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(pool, blocking, 0.15, fail)


async def main():
    times.begin()
    with times.task("main"):
        with concurrent.futures.ThreadPoolExecutor(max_workers=2, thread_name_prefix="pool") as pool:
            tasks = [asyncio.create_task(job("job%d" % k, pool, fail=k == 4), name="job%d" % k)
                     for k in range(1, 5)]
            await asyncio.gather(*tasks, return_exceptions=True)
    times.expect["threads"] = 2
    times.expect["phases"] = {"job3": ["executor"], "job4": ["executor"]}
    times.expect["no_phases"] = {"job1": ["executor"], "job2": ["executor"]}
    times.expect["waits"] = {"job%d" % k: ["executor"] for k in range(1, 5)}


asyncio.run(main())
times.write()
