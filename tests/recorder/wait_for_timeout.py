"""wait_for with a 0.2 s timeout on a task sleeping 1 s: the task "slow" is cancelled at 0.2 s
and main goes on. A second task, "guarded", runs wait_for on a sleep of its own and catches the
timeout.

The trace shows "slow" cancelled on every version. How "guarded" waits differs: Python 3.12 and
later run wait_for's coroutine inline, so its wait is the sleep itself; 3.10 and 3.11 wrap it in a
task of its own, which the trace shows as one more task, named "sleep" after its coroutine (the
wait is still shown as the sleep it runs)."""
import asyncio

from _times import Times

times = Times()


async def slow():
    with times.task("slow"):
        await asyncio.sleep(1.0)


async def guarded():
    with times.task("guarded"):
        try:
            await asyncio.wait_for(asyncio.sleep(1.0), 0.2)
        except asyncio.TimeoutError:
            pass


async def main():
    times.begin()
    with times.task("main"):
        task = asyncio.create_task(slow(), name="slow")
        other = asyncio.create_task(guarded(), name="guarded")
        try:
            await asyncio.wait_for(task, 0.2)
        except asyncio.TimeoutError:
            pass
        await other
    times.expect["waits"] = {"slow": ["sleep"], "guarded": ["sleep"], "main": ["task"]}


asyncio.run(main())
times.write()
