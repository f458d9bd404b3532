"""Three tasks sleep 0.3 s while "blocker" calls time.sleep(0.5) on the event loop: the loop is
blocked, so the sleepers wake at 0.5 s, not 0.3 s. The trace shows "blocker" holding the loop
("holds_loop") and the sleepers late ("loop_blocked"), with a marker for the block."""
import asyncio
import time

from _times import Times

times = Times()
SLEEPERS = ["sleeper1", "sleeper2", "sleeper3"]


async def sleeper(name):
    with times.task(name):
        await asyncio.sleep(0.3)


async def blocker():
    with times.task("blocker"):
        time.sleep(0.5)  # the mistake this shows: blocking the loop


async def main():
    times.begin()
    with times.task("main"):
        tasks = [asyncio.create_task(sleeper(n), name=n) for n in SLEEPERS]
        tasks.append(asyncio.create_task(blocker(), name="blocker"))
        await asyncio.gather(*tasks)
    times.expect["blocked_by"] = "blocker"
    times.expect["phases"] = {"blocker": ["holds_loop"]}
    times.expect["phases"].update({n: ["loop_blocked"] for n in SLEEPERS})
    times.expect["waits"] = {n: ["sleep"] for n in SLEEPERS}


asyncio.run(main())
times.write()
