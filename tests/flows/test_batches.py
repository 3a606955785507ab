"""How a run cuts its inputs into batches (no Prefect: ``flows.survey`` does not import it)."""

from __future__ import annotations

from flows.survey import MIN_SHARE, batches
from transforms.model import SourceItem


def _items(n: int) -> list[SourceItem]:
    return [SourceItem(kind="file", location=f"/in/{i}.html") for i in range(n)]


def test_one_batch_at_a_time_keeps_full_batches() -> None:
    items = _items(243)
    cut = list(batches(items, 100))
    assert [len(b) for b in cut] == [100, 100, 43]
    assert [i for b in cut for i in b] == items


def test_parallel_run_splits_its_tail_so_workers_finish_together() -> None:
    """With four batches in flight, full batches while the inputs left fill four of them, then
    equal shares of what is left: no worker gets a full batch while the others run out."""
    items = _items(543)
    sizes = [len(b) for b in batches(items, 100, in_flight=4)]
    assert sum(sizes) == 543
    assert sizes[:2] == [100, 100] and max(sizes[2:]) < 100
    smallest = 100 // MIN_SHARE
    left = 543
    for size in sizes[:-1]:
        assert smallest <= size <= max(smallest, -(-left // 4))
        left -= size
    assert sizes[-1] == left < 2 * smallest  # the last few inputs join the last share
    assert [i for b in batches(items, 100, in_flight=4) for i in b] == items


def test_tail_batches_are_never_smaller_than_the_floor() -> None:
    sizes = [len(b) for b in batches(_items(100), 40, in_flight=6)]
    assert sum(sizes) == 100
    assert all(s >= 40 // MIN_SHARE for s in sizes[:-1])
    assert sizes[-1] >= 1
