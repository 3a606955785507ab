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

When the batches are parsed in other processes, what the flow process allocates per batch is
a few blocks of megabytes (the pickled inputs going out, the pickled frames coming back), and
glibc's malloc handles those badly by default: it gives a large block its own mapping, but
each time it frees one it raises that threshold to the block's size (up to 32 MiB), so from
the first batches on they are cut from the arenas of whichever threads touch them, and an
arena keeps what was freed in it resident. ``large_blocks_mapped`` fixes the threshold, which
also stops the raising: such blocks go back to the system when freed.
"""

from __future__ import annotations

import ctypes
import gc
import platform
from collections.abc import Iterator
from contextlib import contextmanager

#: glibc's ``M_MMAP_THRESHOLD`` parameter for ``mallopt`` (``malloc.h``).
_M_MMAP_THRESHOLD = -3
#: Blocks from this size on get their own mapping (glibc starts at 128 KiB, then raises it).
MMAP_THRESHOLD = 256 * 1024


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


def large_blocks_mapped() -> None:
    """Give every block of ``MMAP_THRESHOLD`` or more its own mapping, for the whole process.

    For a process that only moves and loads batches: one that parses them in-process would pay
    a fresh mapping for each of the model's large temporary arrays. Nothing happens off glibc.
    """
    if platform.libc_ver()[0] != "glibc":
        return
    libc = ctypes.CDLL(None)  # the symbols already loaded, glibc's among them
    libc.mallopt(_M_MMAP_THRESHOLD, MMAP_THRESHOLD)
