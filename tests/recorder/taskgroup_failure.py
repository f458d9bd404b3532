"""A TaskGroup in which "fails" raises after 0.2 s: its siblings "slow1" and "slow2", sleeping
1 s, are cancelled then and main sees the error.

Python 3.10 has no TaskGroup: there the same happens by hand, with asyncio.wait(FIRST_EXCEPTION),
cancelling what is left and gathering with return_exceptions, so the trace has the same tasks.
"""
import asyncio
import sys

from _times import Times

times = Times()


async def fails():
    with times.task("fails"):
        await asyncio.sleep(0.2)
        raise ValueError("boom")


async def slow(name):
    with times.task(name):
        await asyncio.sleep(1.0)


async def main():
    times.begin()
    with times.task("main"):
        try:
            if sys.version_info >= (3, 11):
                async with asyncio.TaskGroup() as group:
                    group.create_task(fails(), name="fails")
                    group.create_task(slow("slow1"), name="slow1")
                    group.create_task(slow("slow2"), name="slow2")
            else:
                tasks = [asyncio.create_task(fails(), name="fails"),
                         asyncio.create_task(slow("slow1"), name="slow1"),
                         asyncio.create_task(slow("slow2"), name="slow2")]
                done, pending = await asyncio.wait(tasks, return_when=asyncio.FIRST_EXCEPTION)
                for t in pending:
                    t.cancel()
                results = await asyncio.gather(*tasks, return_exceptions=True)
                errors = [r for r in results if isinstance(r, Exception)]
                if errors:
                    raise errors[0]
        except Exception as e:  # an ExceptionGroup on 3.11+, the ValueError itself on 3.10
            print("main caught", type(e).__name__)
    times.expect["waits"] = {"fails": ["sleep"], "slow1": ["sleep"], "slow2": ["sleep"]}


asyncio.run(main())
times.write()
