"""The corpus generator's pages clean as its manifest says: good ones fully, bad ones not at all."""

from __future__ import annotations

from pathlib import Path

import pytest

from bench import make_corpus
from transforms.clean import CleanError, clean
from transforms.model import RawDoc


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[dict[str, str]]]:
    out = tmp_path_factory.mktemp("corpus")
    # bad_share=0.2 -> 4 bad pages, one of each kind. Seed 5 happens to draw all six
    # templates and every encoding variant (BOM, undeclared cp1252, latin-1, gzip) in 20 pages.
    make_corpus.make_corpus(out, n=20, seed=5, bad_share=0.2)
    return out, make_corpus.read_manifest(out)


def _raw(path: Path) -> RawDoc:
    # As read from disk, .html.gz still compressed: cleaning must cope with both.
    return RawDoc(source=str(path), body=path.read_bytes(), content_type="text/html")


def test_manifest_lists_every_page(corpus: tuple[Path, list[dict[str, str]]]) -> None:
    out, rows = corpus
    assert len(rows) == 20
    assert {r["file"] for r in rows} == {p.name for p in out.iterdir()} - {"MANIFEST.tsv"}
    assert sorted(r["variant"] for r in rows if r["kind"] == "bad") == sorted(make_corpus.BAD_KINDS)
    assert all(r["expected_title"] for r in rows if r["kind"] == "good")


def test_good_pages_clean_to_their_article(corpus: tuple[Path, list[dict[str, str]]]) -> None:
    out, rows = corpus
    for row in (r for r in rows if r["kind"] == "good"):
        doc = clean(_raw(out / row["file"]))
        context = f"{row['file']} ({row['variant']})"
        assert doc.title == row["expected_title"], context
        assert doc.published is not None and doc.published.isoformat() == row["published"], context
        assert row["probe"] in doc.text, context
        for furniture in row["absent"].split(make_corpus.ABSENT_SEP):
            assert furniture not in doc.text, f"{context}: {furniture!r} leaked into the text"
        assert "\ufffd" not in doc.text and "â€" not in doc.text, f"{context}: mojibake"


def test_bad_pages_fail_cleanly(corpus: tuple[Path, list[dict[str, str]]]) -> None:
    out, rows = corpus
    expected_kinds = {
        "empty_body": {"empty"},
        "truncated": {"empty", "not_article"},
        "index_page": {"not_article"},
        "binary": {"bad_encoding"},
    }
    for row in (r for r in rows if r["kind"] == "bad"):
        with pytest.raises(CleanError) as err:
            clean(_raw(out / row["file"]))
        assert err.value.kind in expected_kinds[row["variant"]], row["file"]


def test_generation_is_deterministic(tmp_path: Path) -> None:
    make_corpus.make_corpus(tmp_path / "a", n=12, seed=5)
    make_corpus.make_corpus(tmp_path / "b", n=12, seed=5)
    files_a = sorted(p.name for p in (tmp_path / "a").iterdir())
    assert files_a == sorted(p.name for p in (tmp_path / "b").iterdir())
    for name in files_a:
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes()
