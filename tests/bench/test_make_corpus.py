"""The corpus generator (bench/make_corpus.py): its default output is pinned, and with
``variants`` each article is written as K different pages spread over the file order.

How the pages clean is tested in tests/clean/test_corpus.py."""

from __future__ import annotations

import gzip
import hashlib
import itertools
from collections import defaultdict
from pathlib import Path

import pytest

from bench import make_corpus
from bench.run_bench import ensure_corpus

#: Digest of the default output for n=20, seed=5, bad_share=0.2 (file names and bytes, gzip
#: files decompressed so a zlib upgrade does not count as a change), taken from the generator
#: before ``variants`` existed. If the generator's output changes on purpose, benchmarks
#: before and after the change ran on different pages: say so, then update the digest.
DEFAULT_DIGEST = "4b6979bb9c2f4dc827ea15b45ebd67315cbb44c69ad4bf69f22848a45b874e91"
K = 3


def _digest(folder: Path) -> str:
    h = hashlib.sha256()
    for path in sorted(folder.iterdir()):
        data = path.read_bytes()
        if path.name.endswith(".gz"):
            data = gzip.decompress(data)
        h.update(path.name.encode() + b"\0" + data + b"\0")
    return h.hexdigest()


def _pages(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name != "MANIFEST.tsv")


@pytest.fixture(scope="module")
def variants(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[dict[str, str]]]:
    out = tmp_path_factory.mktemp("variants")
    # 36 pages = 12 articles x 3; bad_share 0.2 -> 7 bad pages among them.
    make_corpus.make_corpus(out, n=36, seed=3, bad_share=0.2, variants=K)
    return out, make_corpus.read_manifest(out)


def test_default_output_is_unchanged(tmp_path: Path) -> None:
    make_corpus.make_corpus(tmp_path, n=20, seed=5, bad_share=0.2)
    assert _digest(tmp_path) == DEFAULT_DIGEST  # names (no variant prefix) and bytes


def test_each_article_is_written_k_times(variants: tuple[Path, list[dict[str, str]]]) -> None:
    out, rows = variants
    copies: dict[int, list[int]] = defaultdict(list)
    for name in _pages(out):
        variant, article = make_corpus.page_ids(name)
        copies[article].append(variant)
    assert len(copies) == 12
    assert all(sorted(v) == list(range(K)) for v in copies.values())
    assert any(r["kind"] == "bad" for r in rows) and any(r["kind"] == "good" for r in rows)


def test_copies_hold_one_story_in_different_pages(
    variants: tuple[Path, list[dict[str, str]]],
) -> None:
    out, rows = variants
    by_article: dict[int, list[dict[str, str]]] = defaultdict(list)
    for row in rows:
        by_article[make_corpus.page_ids(row["file"])[1]].append(row)
    for article, copies in by_article.items():
        bodies = [(out / r["file"]).read_bytes() for r in copies]
        assert len(set(bodies)) == len(bodies), f"article {article}: two copies are the same bytes"
        good = [r for r in copies if r["kind"] == "good"]
        templates = [r["variant"].split("/")[0] for r in good]
        assert len(set(templates)) == len(templates), f"article {article}: {templates}"
        # Same story: headline, date and probe paragraph agree across the copies.
        assert len({(r["expected_title"], r["published"], r["probe"]) for r in good}) <= 1


def test_sorted_order_is_variant_major(variants: tuple[Path, list[dict[str, str]]]) -> None:
    out, rows = variants
    names = _pages(out)
    ids = [make_corpus.page_ids(name) for name in names]
    assert ids == sorted(ids)  # all of variant 0, then all of variant 1, ...
    assert all(a[1] != b[1] for a, b in itertools.pairwise(ids)), "copies adjacent"
    assert [r["file"] for r in rows] == names  # the manifest lists the pages in file order


def test_manifest_rows_describe_each_page(variants: tuple[Path, list[dict[str, str]]]) -> None:
    out, rows = variants
    assert len(rows) == 36 == len(_pages(out))
    for row in rows:
        name = row["file"]
        if row["kind"] == "bad":
            assert row["variant"] in make_corpus.BAD_KINDS and name.endswith(
                f"_bad_{row['variant']}.html"
            )
            continue
        template, *rest = row["variant"].split("/")
        assert name.split("_", 2)[2].split(".")[0] == template
        assert name.endswith(".gz") == (rest[-1] == "gzip")
        assert row["expected_title"] and row["published"] and row["probe"], name


def test_pages_add_up_to_n_when_k_does_not_divide_it(tmp_path: Path) -> None:
    rows = make_corpus.make_corpus(tmp_path, n=10, seed=2, bad_share=0.0, variants=K)
    ids = sorted(make_corpus.page_ids(r["file"]) for r in rows)
    assert len(ids) == 10  # 4 articles; the last variant lacks the last two
    assert ids[-2:] == [(2, 0), (2, 1)]
    with pytest.raises(ValueError, match="variants"):
        make_corpus.make_corpus(tmp_path, n=10, variants=len(make_corpus.TEMPLATES) + 1)


def test_bench_takes_every_copy_of_the_first_articles(
    variants: tuple[Path, list[dict[str, str]]],
) -> None:
    out, _ = variants
    pages = ensure_corpus(out, 12, K)  # the folder holds 36: no generation
    ids = sorted(make_corpus.page_ids(p.name) for p in pages)
    assert ids == [(v, a) for v in range(K) for a in range(4)]
    with pytest.raises(SystemExit, match="variants"):
        ensure_corpus(out, 12, 2)
