"""The lexicon registry (transforms/nlp/registry.py): one table of files, a compiled cache outside
the package whose key follows the lexicon files and the code that compiles them."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from transforms.nlp import registry
from transforms.nlp.registry import Lexicon, cache_key, lexicon_paths, load_cached, module_sources


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("NEWSDB_CACHE_DIR", str(folder))
    return folder


@pytest.fixture
def fake_package(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A first-party package ``lexfixture`` whose builder module imports a helper module."""
    root = tmp_path / "src" / "lexfixture"
    root.mkdir(parents=True)
    (root / "__init__.py").write_text("")
    (root / "helper.py").write_text("SUFFIX = 'a'\n")
    (root / "builder.py").write_text(
        "from lexfixture.helper import SUFFIX\nimport json\n\n"
        "def build(paths):\n    return [p.read_text() + SUFFIX for p in paths]\n"
    )
    monkeypatch.syspath_prepend(str(tmp_path / "src"))
    yield root
    for name in [m for m in sys.modules if m.startswith("lexfixture")]:
        del sys.modules[name]


def test_every_declared_lexicon_file_exists() -> None:
    for name in registry.FILES:
        for path in lexicon_paths(name):
            assert path.is_file(), path


def test_the_places_key_follows_the_actor_module_it_is_built_from() -> None:
    """The stale-cache bug this registry fixes: places are compiled by events/places.py from
    the actor lexicon, so a change to events/actors.py must change the places key."""
    import transforms.events.places  # noqa: F401  (declares the lexicon)

    sources = {
        p.relative_to(Path(registry.__file__).parents[1]).as_posix()
        for p in module_sources("transforms.events.places")
    }
    assert {"events/places.py", "events/actors.py", "nlp/registry.py"} <= sources
    assert "events/coder.py" not in sources  # unrelated code does not invalidate the cache


def test_key_changes_with_a_module_the_builder_imports(fake_package: Path) -> None:
    files = [fake_package / "__init__.py"]
    before = cache_key("x", files, module_sources("lexfixture.builder", roots=("lexfixture",)))
    (fake_package / "helper.py").write_text("SUFFIX = 'b'\n")
    after = cache_key("x", files, module_sources("lexfixture.builder", roots=("lexfixture",)))
    assert before != after


def test_key_changes_with_a_lexicon_file(tmp_path: Path) -> None:
    data = tmp_path / "words.txt"
    data.write_text("one\n")
    before = cache_key("x", [data], [])
    data.write_text("two\n")
    assert cache_key("x", [data], []) != before


def test_a_stale_cache_entry_is_rebuilt_and_replaced(cache: Path) -> None:
    calls: list[str] = []

    def build(value: str) -> str:
        calls.append(value)
        return value

    assert load_cached("demo", "k1", lambda: build("first")) == "first"
    assert load_cached("demo", "k1", lambda: build("unused")) == "first"  # from the cache
    assert load_cached("demo", "k2", lambda: build("second")) == "second"  # new key: rebuilt
    assert calls == ["first", "second"]
    assert [p.name for p in cache.iterdir()] == ["demo-k2.pickle"]  # the stale one is gone


def test_the_cache_lives_outside_the_package(cache: Path) -> None:
    load_cached("demo", "k", lambda: 1)
    package = Path(registry.__file__).parents[1]
    assert (cache / "demo-k.pickle").is_file()
    assert not any(package.rglob("*.pickle"))


def test_an_unwritable_cache_only_costs_the_parse(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "not-a-dir"
    blocker.write_text("")
    monkeypatch.setenv("NEWSDB_CACHE_DIR", str(blocker / "cache"))
    assert load_cached("demo", "k", lambda: [1, 2]) == [1, 2]


def test_a_lexicon_is_built_once_per_process(cache: Path) -> None:
    calls: list[int] = []

    def build(paths: tuple[Path, ...]) -> int:
        calls.append(len(paths))
        return len(paths)

    lexicon = Lexicon("discards", build, compiled=True)
    try:
        assert lexicon.get() == lexicon.get() == 2
        assert calls == [2]
    finally:
        import transforms.events.scope as scope

        registry._DECLARED["discards"] = scope.DISCARDS  # restore the real declaration
