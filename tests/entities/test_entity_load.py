"""The ``entities`` table as loads keep it (sql/load/entities_touched.sql, merge_entities.sql):
stable ids across re-runs and load orders, an edited article neither orphaning nor duplicating
entities, and the views and queries that read it. Articles written for these tests."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from connectors.batchload import load_batch
from connectors.duckstore import SQL_DIR, NewsDB
from connectors.files import read_local
from transforms.batch import process_batch
from transforms.model import BatchFrames, RawDoc

NOW = datetime(2026, 1, 2, 3, 4, 5, tzinfo=UTC)

LAVROV_A = (
    "Russian Foreign Minister Sergei Lavrov met Turkish officials in Ankara on Tuesday. "
    '"The talks were useful," Lavrov told reporters afterwards.\n\n'
    "Analysts said the meeting changed little."
)
LAVROV_B = (
    'Sergey Lavrov criticised NATO on Friday. "This is a provocation," he said.\n\n'
    "Analysts said the dispute would last."
)
MAYOR = (
    "Yevgeny Tarasov, the mayor of the town, said on Monday that the bridge would reopen.\n\n"
    '"The contractors let us down," said Marta Lindqvist, the council\'s treasurer.'
)
MAYOR_EDITED = (
    "Yevgeny Tarasov, the mayor of the town, said on Monday that the bridge would reopen.\n\n"
    "The council did not comment."
)


def _batch(tmp_path: Path, texts: dict[str, str]) -> BatchFrames:
    raws: list[RawDoc] = []
    for name, text in texts.items():
        path = tmp_path / "in" / f"{name}.txt"
        path.parent.mkdir(exist_ok=True)
        path.write_text(text, encoding="utf-8")
        raw = read_local(path, max_bytes=1 << 20)
        assert isinstance(raw, RawDoc), raw
        raws.append(raw)
    return process_batch(raws, "run-1", NOW)


def _entities(db: NewsDB) -> list[tuple]:
    return db.con.execute("SELECT * FROM entities ORDER BY entity_id").fetchall()


def _named(db: NewsDB, name: str) -> list[dict]:
    found = db.con.sql(
        "SELECT * FROM entities WHERE list_contains(name_variants, $name)", params={"name": name}
    ).pl()
    rows: list[dict] = found.rows(named=True)
    return rows


@pytest.fixture(scope="module")
def lavrov_batches(tmp_path_factory: pytest.TempPathFactory) -> tuple[BatchFrames, BatchFrames]:
    tmp = tmp_path_factory.mktemp("articles")
    return _batch(tmp, {"a": LAVROV_A}), _batch(tmp, {"b": LAVROV_B})


def test_one_entity_across_articles_and_spellings(
    tmp_path: Path, lavrov_batches: tuple[BatchFrames, BatchFrames]
) -> None:
    with NewsDB.open(tmp_path / "x.duckdb") as db:
        for batch in lavrov_batches:
            load_batch(db, batch)
        (lavrov,) = _named(db, "Sergei Lavrov")
        assert {"Sergei Lavrov", "Sergey Lavrov"} <= set(lavrov["name_variants"])
        assert (lavrov["scope"], lavrov["dictionary_code"], lavrov["country"]) == (
            "global",
            "RUSGOV",
            "RUS",
        )
        assert lavrov["n_documents"] == 2 and lavrov["n_quotes"] >= 2 and lavrov["n_events"] >= 2
        # "Analysts" in two articles: two speakers, not one merged across the database.
        analysts = db.query(
            "SELECT scope, n_documents FROM speakers WHERE speaker = 'Analysts'"
        ).rows()
        assert analysts == [("document", 1), ("document", 1)]
        # Every quote and event id points to an entity row.
        dangling = db.execute(
            "SELECT count(*) FROM (SELECT speaker_entity_id AS id FROM quotes UNION ALL "
            "SELECT actor1_entity_id FROM events UNION ALL SELECT actor2_entity_id FROM events) "
            "WHERE id IS NOT NULL AND id NOT IN (SELECT entity_id FROM entities)"
        )
        assert dangling == [(0,)]


def test_ids_are_stable_across_reruns_and_load_orders(
    tmp_path: Path, lavrov_batches: tuple[BatchFrames, BatchFrames]
) -> None:
    first, second = lavrov_batches
    with NewsDB.open(tmp_path / "one.duckdb") as db:
        load_batch(db, first)
        load_batch(db, second)
        before = _entities(db)
        load_batch(db, first, reprocess=True)  # a re-run that re-extracts
        load_batch(db, second, reprocess=True)
        assert _entities(db) == before
    with NewsDB.open(tmp_path / "other.duckdb") as db:
        load_batch(db, second)  # the other order, into another file
        load_batch(db, first)
        assert _entities(db) == before


def test_an_edited_article_neither_orphans_nor_duplicates(tmp_path: Path) -> None:
    with NewsDB.open(tmp_path / "x.duckdb") as db:
        load_batch(db, _batch(tmp_path, {"mayor": MAYOR, "lavrov": LAVROV_A}))
        (tarasov,) = _named(db, "Yevgeny Tarasov")
        assert _named(db, "Marta Lindqvist")
        # The same input, edited: the treasurer's quote is gone.
        report = load_batch(db, _batch(tmp_path, {"mayor": MAYOR_EDITED}))
        assert report.status == {str(tmp_path / "in" / "mayor.txt"): "updated"}
        assert _named(db, "Marta Lindqvist") == []  # no row points to her: removed
        (after,) = _named(db, "Yevgeny Tarasov")
        assert after["entity_id"] == tarasov["entity_id"]
        assert (after["n_documents"], after["n_quotes"]) == (1, 1)
        keys = db.execute(
            "SELECT entity_key, count(*) FROM entities GROUP BY ALL HAVING count(*) > 1"
        )
        assert keys == []
        # The other article's entities are untouched.
        assert _named(db, "Sergei Lavrov")[0]["n_documents"] == 1


def test_everything_an_entity_said_and_did(
    tmp_path: Path, lavrov_batches: tuple[BatchFrames, BatchFrames]
) -> None:
    with NewsDB.open(tmp_path / "x.duckdb") as db:
        for batch in lavrov_batches:
            load_batch(db, batch)
        rows = db.query((SQL_DIR / "queries" / "entity_activity.sql").read_text())
        assert set(rows["entity"]) == {"Sergei Lavrov"} or set(rows["entity"]) == {"Sergey Lavrov"}
        what = set(rows["what"])
        assert "said" in what and "did: CONSULT" in what and "did: ACCUSE" in what
        assert rows.filter(rows["what"] == "said").height >= 2


def test_loads_keep_entities_as_a_fresh_load_of_what_is_stored(tmp_path: Path) -> None:
    """Each load moves entities by its own articles' difference (entity_tallies): after
    articles are added, re-extracted, edited and left behind by their input, the entities and
    tallies are those of one fresh load of the articles stored, and of the rows recounted."""
    with NewsDB.open(tmp_path / "steps.duckdb") as db:
        load_batch(db, _batch(tmp_path, {"mayor": MAYOR, "a": LAVROV_A}))
        load_batch(db, _batch(tmp_path, {"b": LAVROV_B}))
        load_batch(db, _batch(tmp_path, {"a": LAVROV_A}), reprocess=True)
        load_batch(db, _batch(tmp_path, {"mayor": MAYOR_EDITED}))
        # Input b now carries the edited mayor's article: Lavrov's second article goes.
        load_batch(db, _batch(tmp_path, {"b": MAYOR_EDITED}))
        (lavrov,) = _named(db, "Sergei Lavrov")
        assert lavrov["n_documents"] == 1 and "Sergey Lavrov" not in lavrov["name_variants"]
        stepped = _entities(db)
        tallies = db.execute("SELECT * FROM entity_tallies ORDER BY ALL")
        # The tallies recounted from every stored row, as the migration that added them does.
        db.execute("DELETE FROM entity_tallies")
        db.run_script((SQL_DIR / "migrations" / "006_entity_tallies.sql").read_text())
        assert db.execute("SELECT * FROM entity_tallies ORDER BY ALL") == tallies
    fresh = tmp_path / "fresh"
    fresh.mkdir()
    with NewsDB.open(tmp_path / "fresh.duckdb") as db:
        load_batch(db, _batch(fresh, {"mayor": MAYOR_EDITED, "a": LAVROV_A}))
        assert _entities(db) == stepped
        assert db.execute("SELECT * FROM entity_tallies ORDER BY ALL") == tallies
