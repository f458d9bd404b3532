"""gather of five tasks sleeping 0.1 to 0.5 s: five sleep waits, main waits on the gather."""
import asyncio

from _times import Times

times = Times()


async def nap(name, seconds):
    with times.task(name):
        await asyncio.sleep(seconds)
        return seconds


async def main():
    times.begin()
    with times.task("main"):
        tasks = [asyncio.create_task(nap("nap%d" % k, k / 10), name="nap%d" % k) for k in range(1, 6)]
        await asyncio.gather(*tasks)
    times.expect["waits"] = {"nap%d" % k: ["sleep"] for k in range(1, 6)}
    times.expect["waits"]["main"] = ["future"]


asyncio.run(main())
times.write()
