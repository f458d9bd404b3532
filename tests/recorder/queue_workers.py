"""Three workers take nine items from a Queue(maxsize=2), 0.1 s each; a producer puts them and
waits for room, main waits for the queue to empty and cancels the workers, which are waiting on
the queue by then."""
import asyncio

from _times import Times

times = Times()


async def worker(name, queue):
    with times.task(name):
        while True:
            item = await queue.get()
            await asyncio.sleep(0.1)
            queue.task_done()


async def producer(queue):
    with times.task("producer"):
        for item in range(9):
            await queue.put(item)


async def main():
    times.begin()
    with times.task("main"):
        queue = asyncio.Queue(maxsize=2)
        workers = [asyncio.create_task(worker("worker%d" % k, queue), name="worker%d" % k)
                   for k in range(1, 4)]
        await asyncio.create_task(producer(queue), name="producer")
        await queue.join()
        for w in workers:
            w.cancel()
        await asyncio.gather(*workers, return_exceptions=True)
    times.expect["phases"] = {"producer": ["queue"], "worker1": ["queue"], "worker2": ["queue"],
                              "worker3": ["queue"]}
    times.expect["waits"] = {"main": ["task", "queue"]}


asyncio.run(main())
times.write()
