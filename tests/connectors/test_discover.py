"""Discovery of inputs (files, folders, URLs, @lists) and reading of local article files."""

from __future__ import annotations

import gzip
import os
from datetime import UTC, datetime
from pathlib import Path

import pytest

from connectors.discover import SourceError, discover
from connectors.files import read_local
from transforms.model import Failure, RawDoc, SourceItem

ROOT = Path(__file__).resolve().parents[2]


def _touch(path: Path, text: str = "An article.\n") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def _files(items: list[SourceItem]) -> list[str]:
    assert all(i.kind == "file" for i in items)
    return [i.location for i in items]


# --- discover: files and folders ---------------------------------------------------------------


def test_relative_file_resolves_against_cwd_to_an_absolute_path(tmp_path: Path) -> None:
    _touch(tmp_path / "in" / "a.txt")
    items, failures = discover(["in/../in/a.txt"], cwd=tmp_path)
    assert items == [SourceItem("file", str((tmp_path / "in" / "a.txt").resolve()))]
    assert failures == []


def test_extensions_are_case_insensitive(tmp_path: Path) -> None:
    names = ["A.HTML", "b.Htm", "c.MD", "d.TXT", "e.Html.Gz"]
    for name in names:
        _touch(tmp_path / name)
    items, _ = discover([str(tmp_path / n) for n in names])
    assert [Path(p).name for p in _files(items)] == names


def test_folder_is_walked_recursively_sorted_skipping_hidden_and_unsupported(
    tmp_path: Path,
) -> None:
    for rel in [
        "b.txt",
        "a/z.md",
        "a/b/deep.html",
        "a-z.htm",  # "a-z.htm" sorts after the folder "a" by component, before by string
        "c.html.gz",
        ".hidden.txt",
        ".git/config.txt",
        "a/.cache/x.html",
        "report.pdf",
        "notes.docx",
        "archive.txt.gz",
        "README.md",
        "a/LICENSE.txt",
    ]:
        _touch(tmp_path / rel)
    items, failures = discover([str(tmp_path)])
    rels = [str(Path(p).relative_to(tmp_path)) for p in _files(items)]
    assert rels == ["a/b/deep.html", "a/z.md", "a-z.htm", "b.txt", "c.html.gz"]
    assert failures == []


def test_folder_order_is_deterministic_across_calls(tmp_path: Path) -> None:
    for i in (5, 3, 9, 1, 7):
        _touch(tmp_path / f"d{i % 2}" / f"f{i}.txt")
    first, _ = discover([str(tmp_path)])
    second, _ = discover([str(tmp_path)])
    assert first == second
    assert _files(first) == sorted(_files(first))


def test_folder_documentation_is_skipped_unless_named(tmp_path: Path) -> None:
    readme = _touch(tmp_path / "README.md", "# About this folder\n")
    story = _touch(tmp_path / "readme_the_riot_act.txt")  # an article, not documentation
    assert _files(discover([str(tmp_path)])[0]) == [str(story)]
    assert _files(discover([str(readme)])[0]) == [str(readme)]


def test_duplicates_keep_first_occurrence(tmp_path: Path) -> None:
    a = _touch(tmp_path / "a.txt")
    b = _touch(tmp_path / "sub" / "b.txt")
    items, _ = discover([str(b), str(tmp_path), "sub/b.txt", str(a)], cwd=tmp_path)
    assert _files(items) == [str(b), str(a)]


def test_symlinked_file_is_recorded_by_its_target_once(tmp_path: Path) -> None:
    real = _touch(tmp_path / "real.txt")
    (tmp_path / "link.txt").symlink_to(real)
    items, _ = discover([str(tmp_path)])
    assert _files(items) == [str(real)]


# --- discover: URLs -----------------------------------------------------------------------------


def test_urls_are_stripped_and_lose_only_their_fragment() -> None:
    items, failures = discover(
        [
            "  https://example.com/news/story?id=7#comments \n",
            "http://example.com/a?",
            "https://example.com/news/story?id=7",  # same as the first once the fragment is gone
        ]
    )
    assert items == [
        SourceItem("url", "https://example.com/news/story?id=7"),
        SourceItem("url", "http://example.com/a?"),
    ]
    assert failures == []


@pytest.mark.parametrize(
    "source",
    ["ftp://example.com/a.txt", "mailto:editor@example.com", "gopher://x/1", "file:///etc/passwd"],
)
def test_unsupported_scheme_is_a_usage_error(source: str) -> None:
    with pytest.raises(SourceError, match="unsupported scheme"):
        discover([source])


def test_url_without_host_is_a_usage_error() -> None:
    with pytest.raises(SourceError, match="not a usable URL"):
        discover(["https:///path-only"])


def test_name_with_a_colon_is_a_file_when_it_exists(tmp_path: Path) -> None:
    f = _touch(tmp_path / "notes:v2.txt")
    items, _ = discover(["notes:v2.txt"], cwd=tmp_path)
    assert _files(items) == [str(f)]


# --- discover: usage errors -------------------------------------------------------------------


def test_missing_path_raises_source_error_naming_it(tmp_path: Path) -> None:
    with pytest.raises(SourceError, match=r"'nope\.txt' does not exist") as exc:
        discover(["nope.txt"], cwd=tmp_path)
    assert "\n" not in str(exc.value)


def test_top_level_unsupported_extension_raises(tmp_path: Path) -> None:
    pdf = _touch(tmp_path / "report.pdf")
    with pytest.raises(SourceError, match="unsupported file type"):
        discover([str(pdf)])


def test_missing_list_file_raises(tmp_path: Path) -> None:
    with pytest.raises(SourceError, match=r"list file .* does not exist"):
        discover(["@missing.txt"], cwd=tmp_path)


def test_empty_source_raises() -> None:
    with pytest.raises(SourceError):
        discover(["   "])


# --- discover: @lists ---------------------------------------------------------------------------


def test_list_file_entries_resolve_relative_to_the_list_and_bad_lines_become_failures(
    tmp_path: Path,
) -> None:
    lists = tmp_path / "lists"
    article = _touch(tmp_path / "articles" / "one.txt")
    _touch(tmp_path / "articles" / "more" / "two.md")
    lists.mkdir()
    (lists / "urls.txt").write_text(
        "\ufeff# morning batch\n"  # a BOM (Windows editors) must not spoil line 1
        "https://example.com/a#top\n"
        "\n"
        "   ../articles/one.txt  \n"
        "../articles/more\n"
        "../articles/missing.txt\n"
        "ftp://example.com/old.txt\n"
        "https://example.com/a\n",
        encoding="utf-8",
    )
    items, failures = discover(["@lists/urls.txt"], cwd=tmp_path)
    assert items == [
        SourceItem("url", "https://example.com/a"),
        SourceItem("file", str(article)),
        SourceItem("file", str(tmp_path / "articles" / "more" / "two.md")),
    ]
    assert [(f.source, f.stage, f.error_kind) for f in failures] == [
        ("../articles/missing.txt", "discover", "not_found"),
        ("ftp://example.com/old.txt", "discover", "unsupported_scheme"),
    ]
    assert "urls.txt line 6" in failures[0].message
    assert "urls.txt line 7" in failures[1].message


def test_nested_lists_are_followed_and_cycles_reported_once(tmp_path: Path) -> None:
    _touch(tmp_path / "a.txt", "https://example.com/1\n@b.txt\n")
    _touch(tmp_path / "b.txt", "https://example.com/2\n@a.txt\n")
    items, failures = discover(["@a.txt"], cwd=tmp_path)
    assert [i.location for i in items] == ["https://example.com/1", "https://example.com/2"]
    assert [f.error_kind for f in failures] == ["list_cycle"]


def test_list_entry_with_unsupported_extension_is_a_failure_not_an_error(tmp_path: Path) -> None:
    _touch(tmp_path / "slides.pptx")
    _touch(tmp_path / "list.txt", "slides.pptx\n")
    items, failures = discover(["@list.txt"], cwd=tmp_path)
    assert items == []
    assert [f.error_kind for f in failures] == ["unsupported_type"]


# --- read_local ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "content_type"),
    [
        ("a.html", "text/html"),
        ("a.HTM", "text/html"),
        ("a.txt", "text/plain"),
        ("a.md", "text/markdown"),
    ],
)
def test_read_local_content_type_by_extension(tmp_path: Path, name: str, content_type: str) -> None:
    path = tmp_path / name
    path.write_bytes(b"Caf\xe9 news\n")  # not UTF-8: must come through untouched
    when = datetime(2021, 2, 26, 12, 30, tzinfo=UTC)
    os.utime(path, (when.timestamp(), when.timestamp()))
    doc = read_local(path, max_bytes=1000)
    assert isinstance(doc, RawDoc)
    assert doc.body == b"Caf\xe9 news\n"
    assert doc.content_type == content_type
    assert doc.source == str(path)
    assert doc.origin == "local"
    assert doc.url is None and doc.charset is None
    assert doc.fetched_at == when


def test_read_local_returns_absolute_source(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _touch(tmp_path / "a.txt")
    monkeypatch.chdir(tmp_path)
    doc = read_local(Path("a.txt"), max_bytes=1000)
    assert isinstance(doc, RawDoc) and doc.source == str(tmp_path / "a.txt")


def test_read_local_inflates_html_gz(tmp_path: Path) -> None:
    html = b"<html><body><p>Hello</p></body></html>"
    path = tmp_path / "page.html.gz"
    path.write_bytes(gzip.compress(html))
    doc = read_local(path, max_bytes=1000)
    assert isinstance(doc, RawDoc)
    assert doc.body == html and doc.content_type == "text/html"


def test_read_local_reads_multi_member_gzip(tmp_path: Path) -> None:
    path = tmp_path / "page.html.gz"
    path.write_bytes(gzip.compress(b"<p>one</p>") + gzip.compress(b"<p>two</p>"))
    doc = read_local(path, max_bytes=1000)
    assert isinstance(doc, RawDoc) and doc.body == b"<p>one</p><p>two</p>"


def test_gzip_bomb_is_too_large_by_decompressed_size(tmp_path: Path) -> None:
    path = tmp_path / "bomb.html.gz"
    path.write_bytes(gzip.compress(b"\0" * (4 * 1024 * 1024)))
    assert path.stat().st_size < 64 * 1024  # small on disk: only the inflated size can catch it
    result = read_local(path, max_bytes=1024 * 1024)
    assert isinstance(result, Failure)
    assert (result.stage, result.error_kind) == ("read", "too_large")
    assert "decompresses to more than 1 MiB" in result.message


@pytest.mark.parametrize(
    "payload", [b"this is not gzip at all", gzip.compress(b"<p>" + b"x" * 5000)[:-20]]
)
def test_corrupt_or_truncated_gzip_is_a_failure(tmp_path: Path, payload: bytes) -> None:
    path = tmp_path / "bad.html.gz"
    path.write_bytes(payload)
    result = read_local(path, max_bytes=100_000)
    assert isinstance(result, Failure)
    assert result.error_kind == "corrupt_gzip"
    assert str(path) in result.message


@pytest.mark.parametrize("content", [b"", b"  \n\t\n"])
def test_empty_file_is_a_failure(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(content)
    result = read_local(path, max_bytes=1000)
    assert isinstance(result, Failure) and result.error_kind == "empty"


def test_file_over_the_cap_is_too_large(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_bytes(b"x" * 2048)
    result = read_local(path, max_bytes=2047)
    assert isinstance(result, Failure) and result.error_kind == "too_large"
    assert "2 KiB" in result.message and str(path) in result.message
    assert isinstance(read_local(path, max_bytes=2048), RawDoc)


def test_missing_file_is_a_failure(tmp_path: Path) -> None:
    result = read_local(tmp_path / "gone.txt", max_bytes=1000)
    assert isinstance(result, Failure) and result.error_kind == "not_found"


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root can read anything")
def test_unreadable_file_is_a_failure(tmp_path: Path) -> None:
    path = _touch(tmp_path / "secret.txt")
    path.chmod(0)
    try:
        result = read_local(path, max_bytes=1000)
    finally:
        path.chmod(0o600)
    assert isinstance(result, Failure) and result.error_kind == "unreadable"
    assert "permission denied" in result.message


def test_directory_named_like_an_article_is_a_failure(tmp_path: Path) -> None:
    (tmp_path / "looks.txt").mkdir()
    result = read_local(tmp_path / "looks.txt", max_bytes=1000)
    assert isinstance(result, Failure) and result.error_kind == "unreadable"


def test_seeds_folder_discovers_and_reads(tmp_path: Path) -> None:
    items, failures = discover(["seeds"], cwd=ROOT)
    assert failures == [] and len(items) == 2
    docs = [read_local(Path(i.location), max_bytes=1_000_000) for i in items]
    assert all(isinstance(d, RawDoc) and d.content_type == "text/plain" for d in docs)


# --- links that leave the folder, or lead nowhere (issue 13, case 10) -------------------------


def test_links_out_of_the_folder_are_followed_and_named_and_broken_ones_are_failures(
    tmp_path: Path,
) -> None:
    folder, outside = tmp_path / "in", tmp_path / "elsewhere"
    folder.mkdir()
    outside.mkdir()
    (folder / "a.txt").write_text("A story.")
    (outside / "private.txt").write_text("Not meant for the database.")
    (folder / "inside.txt").symlink_to(folder / "a.txt")
    (folder / "out.txt").symlink_to(outside / "private.txt")
    (folder / "broken.txt").symlink_to(tmp_path / "gone.txt")
    (folder / "loop.txt").symlink_to(folder / "loop.txt")
    (folder / "device.txt").symlink_to("/dev/null")

    items, failures = discover([str(folder)])

    assert [i.location for i in items] == [
        str((folder / "a.txt").resolve()),
        str((outside / "private.txt").resolve()),
    ]
    assert items[0].link is None  # a link within the folder is nothing to report
    assert items[1].link == str(folder / "out.txt")
    kinds = {Path(f.source).name: f.error_kind for f in failures}
    assert kinds == {
        "broken.txt": "broken_link",
        "loop.txt": "link_loop",
        "device.txt": "not_a_file",
    }
    assert all(f.stage == "discover" and str(folder) in f.message for f in failures)
