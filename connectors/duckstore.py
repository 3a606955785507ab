"""The DuckDB side of newsdb: open, migrate, look up, and load in one transaction per batch.

Only one process ever writes the database file (DuckDB allows a single writer): workers hand back
Arrow-backed Polars frames and the flow's load step merges them here. The SQL itself lives in
``sql/`` so analysts and reviewers read it as SQL; this module only sequences it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import Any

import duckdb
import polars as pl

from connectors.dbfile import NO_EXTERNAL_ACCESS, StoreError, connect, explain_open_error

SQL_DIR = Path(__file__).resolve().parent.parent / "sql"

#: The schema version ``sql/schema.sql`` creates. Bump it together with a new
#: ``sql/migrations/NNN_*.sql`` that brings version NNN-1 to NNN.
SCHEMA_VERSION = 6


def read_sql(name: str, sql_dir: Path = SQL_DIR) -> str:
    return (sql_dir / name).read_text(encoding="utf-8")


def split_statements(script: str) -> list[str]:
    """Split a .sql file on ';' at line ends, dropping comment-only chunks.

    Our SQL files keep one statement per ';'-terminated block and never put ';' inside strings,
    which keeps this simple and lets each statement fail with its own message.
    """
    out = []
    for chunk in re.split(r";\s*(?:\n|$)", script):
        body = "\n".join(ln for ln in chunk.splitlines() if not ln.strip().startswith("--"))
        if body.strip():
            out.append(chunk.strip())
    return out


class NewsDB:
    """A write connection to one newsdb DuckDB file, migrated to ``SCHEMA_VERSION`` on open."""

    def __init__(self, con: duckdb.DuckDBPyConnection, path: str) -> None:
        self.con = con
        self.path = path

    # -- opening ---------------------------------------------------------------------------

    @classmethod
    def open(
        cls,
        path: str | Path,
        *,
        read_only: bool = False,
        external_access: bool = True,
        sql_dir: Path = SQL_DIR,
        wait: float = 0.0,
    ) -> NewsDB:
        """Open (creating folders and the file if needed) and migrate; clear errors otherwise.

        ``external_access=False`` is for SQL someone typed: the connection then cannot read or
        write any other file (``COPY``, ``read_text``, ``ATTACH``), install or load extensions,
        or turn any of that back on (the configuration is locked). ``wait`` is how long to
        retry while another process holds the file (``dbfile.py``).
        """
        p = str(path)
        if p != ":memory:" and not read_only:
            try:
                Path(p).parent.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise StoreError(f"cannot create the folder for {p}: {exc.strerror}") from exc
        if read_only and p != ":memory:" and not Path(p).exists():
            raise StoreError(f"no database at {p} (run `newsdb run` first)")
        config = None if external_access else NO_EXTERNAL_ACCESS
        con = connect(p, read_only=read_only, wait=wait, config=config)
        db = cls(con, p)
        if not read_only:
            try:
                db.migrate(sql_dir)
            except duckdb.Error as exc:  # a damaged block, or a migration that cannot apply
                con.close()
                raise StoreError(explain_open_error(p, exc)) from exc
        return db

    def close(self) -> None:
        self.con.close()

    def __enter__(self) -> NewsDB:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- schema ----------------------------------------------------------------------------

    def schema_version(self) -> int:
        """0 for an empty file; otherwise what schema_meta says."""
        exists = self.execute(
            "SELECT count(*) FROM information_schema.tables WHERE table_name = 'schema_meta'"
        )
        if exists[0][0] == 0:
            return 0
        rows = self.execute("SELECT value FROM schema_meta WHERE key = 'schema_version'")
        return int(rows[0][0]) if rows else 0

    def migrate(self, sql_dir: Path = SQL_DIR, target: int = SCHEMA_VERSION) -> int:
        """Bring the file to ``target``: create it whole, or apply each newer migration in turn.

        All of it happens in one transaction, so a failed migration leaves the old schema intact.
        Returns the version the database had before.
        """
        before = self.schema_version()
        if before > target:
            raise StoreError(
                f"{self.path} has schema version {before}, newer than this newsdb ({target}); "
                "upgrade newsdb to use it"
            )
        if before == target:
            return before
        with self.transaction():
            if before == 0:
                self.run_script(read_sql("schema.sql", sql_dir))
            else:
                for version in range(before + 1, target + 1):
                    matches = sorted((sql_dir / "migrations").glob(f"{version:03d}_*.sql"))
                    if not matches:
                        raise StoreError(f"no migration to schema version {version} in {sql_dir}")
                    self.run_script(matches[0].read_text(encoding="utf-8"))
                # Views are re-created from the current schema after tables have moved on.
                self.run_script(read_sql("schema.sql", sql_dir))
            self.execute(
                "INSERT OR REPLACE INTO schema_meta VALUES ('schema_version', ?)", [str(target)]
            )
        return before

    def run_script(self, script: str) -> None:
        for stmt in split_statements(script):
            self.execute(stmt)

    def execute(self, sql: str, params: Any = None) -> list[tuple[Any, ...]]:
        """Run one statement and consume its result (DuckDB 2 requires that before the next)."""
        return self.con.execute(sql, params).fetchall()

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """BEGIN/COMMIT, or ROLLBACK on any error so the previous state survives."""
        self.execute("BEGIN TRANSACTION")
        try:
            yield
        except BaseException:
            self.execute("ROLLBACK")
            raise
        self.execute("COMMIT")

    # -- runs ------------------------------------------------------------------------------

    def start_run(
        self, run_id: str, started_at: datetime, sources: Sequence[str], version: str
    ) -> list[str]:
        """Record a new run as ``running``; return the ids of earlier runs marked ``crashed``.

        The caller is the database's only writer, so any other run still ``running`` is dead
        (killed, or its machine lost power): it is marked ``crashed``, with when that was noticed.
        """
        dead = self.execute(
            read_sql("load/mark_crashed.sql"), {"run_id": run_id, "noticed_at": started_at}
        )
        self.execute(
            read_sql("load/start_run.sql"),
            {
                "run_id": run_id,
                "started_at": started_at,
                "sources": list(sources),
                "newsdb_version": version,
            },
        )
        return [row[0] for row in dead]

    def finish_run(self, run_id: str, finished_at: datetime, status: str, **counts: int) -> None:
        params: dict[str, Any] = {
            "run_id": run_id,
            "finished_at": finished_at,
            "status": status,
        }
        keys = ("n_new", "n_updated", "n_unchanged", "n_duplicate", "n_failed", "n_quotes")
        for key in (*keys, "n_events"):
            params[key] = int(counts.get(key, 0))
        self.execute(read_sql("load/finish_run.sql"), params)

    # -- incremental lookups ---------------------------------------------------------------

    def stored_inputs(self, inputs: pl.DataFrame) -> pl.DataFrame:
        """What is already stored for ``inputs`` (columns source, content_sha256): one row
        (source, stored_source, doc_id, stored_sha256, stored_pipeline_version) per stored
        source that is the input's own or served the same bytes."""
        self.con.register("staged_inputs", inputs.to_arrow())
        try:
            stored: pl.DataFrame = self.con.sql(read_sql("load/known_inputs.sql")).pl()
            return stored
        finally:
            self.con.unregister("staged_inputs")

    def stored_articles(
        self, doc_ids: Sequence[str], pipeline_version: str, *, run_id: str | None = None
    ) -> set[str]:
        """Those of ``doc_ids`` stored as ``pipeline_version`` reads them (and written by
        ``run_id``, when given): their text needs no parsing again."""
        if not doc_ids:
            return set()
        rows = self.execute(
            read_sql("load/stored_articles.sql"),
            {"doc_ids": list(doc_ids), "pipeline_version": pipeline_version, "run_id": run_id},
        )
        return {row[0] for row in rows}

    # -- URLs followed from feeds and sitemaps ---------------------------------------------

    def seen_urls(self, urls: Sequence[str]) -> set[str]:
        """Those of ``urls`` an earlier run already fetched from a feed or sitemap."""
        if not urls:
            return set()
        rows = self.execute(read_sql("load/seen_urls.sql"), {"urls": list(urls)})
        return {row[0] for row in rows}

    def mark_seen(self, seen: Sequence[tuple[str, str]], run_id: str, at: datetime) -> None:
        """Remember (url, via) pairs so later runs skip them; earlier sightings are kept."""
        if not seen:
            return
        urls, vias = zip(*seen, strict=True)
        with self.transaction():
            self.execute(
                read_sql("load/mark_seen.sql"),
                {"urls": list(urls), "vias": list(vias), "run_id": run_id, "at": at},
            )

    # -- reading ---------------------------------------------------------------------------

    def query(self, sql: str) -> pl.DataFrame:
        """The result of ``sql`` (an empty frame for a statement without one, e.g. COPY)."""
        relation = self.con.sql(sql)
        if relation is None:
            return pl.DataFrame()
        frame: pl.DataFrame = relation.pl()
        return frame
