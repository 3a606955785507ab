"""What the entity keys do to a real corpus: PolNeAR's election news, read in place.

    .venv/bin/python bench/entity_stats.py                 # all 840 articles
    .venv/bin/python bench/entity_stats.py --limit 100     # the first 100 by name

The articles go through the real pipeline into a temporary database (as ``newsdb run`` loads
them), then the script compares the ``speakers`` view by entity with the grouping it replaces
(one row per lower-cased speaker name, across articles) and reports:

* speaker rows either way, and how many name groups merged quotes of several articles under a
  generic speaker (entities of one article each now);
* global entities quoted in several articles, and those whose articles spell them differently;
* entities matched to a Phoenix dictionary entry, and entities both quoted and acting in events;
* the load's time per batch (it includes the entity merge).

Nothing is scored: the corpus has no entity gold. No text of the corpus is printed but the
speaker names the table holds.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.scoring.paths import find_data  # noqa: E402
from bench.scoring.polnear import corpus_articles  # noqa: E402
from connectors.batchload import load_batch  # noqa: E402
from connectors.duckstore import NewsDB  # noqa: E402
from connectors.files import read_local  # noqa: E402
from transforms.batch import process_batch  # noqa: E402
from transforms.model import RawDoc  # noqa: E402

CORPUS = Path("../shared/corpora/polnear")
BATCH = 32

#: The old `speakers` view's grouping: one row per lower-cased, space-normalised name.
_BY_NAME = """
SELECT lower(regexp_replace(trim(speaker), '\\s+', ' ', 'g')) AS name_key, count(*) AS n_quotes,
       count(DISTINCT doc_id) AS n_docs, count(DISTINCT speaker_entity_id) AS n_entities
FROM quotes WHERE speaker IS NOT NULL GROUP BY ALL
"""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=CORPUS)
    parser.add_argument("--limit", type=int)
    args = parser.parse_args(argv)
    articles = corpus_articles(find_data(args.corpus))[: args.limit]
    with tempfile.TemporaryDirectory() as tmp, NewsDB.open(Path(tmp) / "bench.duckdb") as db:
        load_seconds: list[float] = []
        for start in range(0, len(articles), BATCH):
            raws = [
                read_local(a.text_path, max_bytes=1 << 22) for a in articles[start : start + BATCH]
            ]
            frames = process_batch(
                [r for r in raws if isinstance(r, RawDoc)], "bench", datetime.now(UTC)
            )
            t0 = time.perf_counter()
            load_batch(db, frames)
            load_seconds.append(time.perf_counter() - t0)
            print(f"{min(start + BATCH, len(articles))}/{len(articles)}", file=sys.stderr)
        _report(db, len(articles), load_seconds)
    return 0


def _one(db: NewsDB, sql: str) -> object:
    return db.execute(sql)[0][0]


def _report(db: NewsDB, n_articles: int, load_seconds: list[float]) -> None:
    by_name = db.con.sql(_BY_NAME).pl()
    speakers = db.con.sql("SELECT * FROM speakers").pl()
    print(f"articles: {n_articles}; quotes with a speaker: "
          f"{_one(db, 'SELECT count(*) FROM quotes WHERE speaker IS NOT NULL')}")  # fmt: skip
    print(f"speaker rows by name (the old view): {by_name.height}; by entity: {speakers.height} "
          f"({(speakers['scope'] == 'global').sum()} global, "
          f"{(speakers['scope'] == 'document').sum()} of one article)")  # fmt: skip
    generic = db.con.sql(f"""
        WITH g AS ({_BY_NAME})
        SELECT g.name_key, g.n_quotes, g.n_docs, g.n_entities FROM g
        WHERE g.n_docs > 1 AND g.name_key IN (
            SELECT lower(regexp_replace(trim(q.speaker), '\\s+', ' ', 'g')) FROM quotes q
            JOIN entities e ON e.entity_id = q.speaker_entity_id WHERE e.scope = 'document')
        ORDER BY g.n_quotes DESC
    """).pl()  # fmt: skip
    print(f"name groups over several articles that are one-article entities now: {generic.height}"
          f" ({generic['n_quotes'].sum()} quotes); largest:")  # fmt: skip
    for row in generic.head(8).iter_rows(named=True):
        print(f"  {row['name_key']!r}: {row['n_quotes']} quotes in {row['n_docs']} articles "
              f"-> {row['n_entities']} entities")  # fmt: skip
    multi = db.con.sql("""
        SELECT name, n_documents, name_variants, dictionary_entry FROM entities
        WHERE scope = 'global' AND n_quotes > 0 AND n_documents > 1 ORDER BY n_documents DESC
    """).pl()  # fmt: skip
    spelled = multi.filter(multi["name_variants"].list.len() > 1)
    print(f"global speaker entities in several articles: {multi.height}; "
          f"with several spellings: {spelled.height}")  # fmt: skip
    for row in spelled.head(10).iter_rows(named=True):
        print(f"  {row['name']}: {row['n_documents']} articles, {row['name_variants']}")
    print("entities matched to a dictionary entry: "
          f"{_one(db, 'SELECT count(*) FROM entities WHERE dictionary_entry IS NOT NULL')} of "
          f"{_one(db, 'SELECT count(*) FROM entities')}; both quoted and acting: "
          f"{_one(db, 'SELECT count(*) FROM entities WHERE n_quotes > 0 AND n_events > 0')}"
    )  # fmt: skip
    named_actors = _one(db, """
        SELECT count(*) FILTER (WHERE actor1_entity_id IS NOT NULL) / count(*)::DOUBLE
        FROM events WHERE actor1 IS NOT NULL""")  # fmt: skip
    print(f"events whose actor1 has an entity: {named_actors:.1%}")
    ordered = sorted(load_seconds)
    print(f"load per batch of {BATCH}: median {ordered[len(ordered) // 2]:.3f} s, "
          f"max {ordered[-1]:.3f} s")  # fmt: skip


if __name__ == "__main__":
    raise SystemExit(main())
