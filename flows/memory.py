"""Free each batch as soon as it is loaded, so the flow process stays flat over a long run.

A finished Prefect future is a reference cycle: ``PrefectConcurrentFuture`` registers its own
bound method as a done-callback on the future it wraps, and the process pool's chained futures
do the same with closures. So once the flow has loaded a batch and dropped its future, what the
future holds is not freed by reference counting: the result the worker pickled (megabytes per
batch), and the frames unpickled from it, whose columns live in Polars' allocator. Only a full
pass of Python's cyclic collector frees them, and CPython schedules full passes by object
count, not by bytes (one waits until the objects that survived since the last pass are a
quarter of all long-lived ones). In a process holding Prefect, Polars and DuckDB, hundreds of
thousands of objects, that is dozens of batches apart: the finished batches pile up, and the
allocator keeps the high-water mark of each pile, so the process grew with the number of
documents.

So the flow collects after every load (``free_finished_batches``), and to keep those passes
cheap it freezes what exists when the run starts (``run_objects_frozen``): a pass then reads
only the objects the run created, milliseconds instead of a scan of the whole process. The
threads runner has the same cycles (with no pickled bytes), so this is not specific to the
process pool.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def run_objects_frozen() -> Iterator[None]:
    """Leave the objects that exist now out of the cyclic collector while the block runs.

    Whatever was already frozen (by the program that called the flow) stays as it was: this
    freezes only when nothing is, and then unfreezes on the way out, so the objects of the run
    become collectable again like any others.
    """
    if gc.get_freeze_count():
        yield
        return
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()


def free_finished_batches() -> None:
    """One pass of the cyclic collector: the batches whose futures the flow has dropped go."""
    gc.collect()
