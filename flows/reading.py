"""``newsdb query`` and ``newsdb export``: read the database, also while a run writes it.

Both open the file read-only and wait for the batch being loaded (``connectors/dbfile.py``),
then see every batch committed so far. Like every command module, nothing heavy is imported at
module level: ``newsdb query`` must answer in well under two seconds.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from flows.usage import EXIT_OK, UsageError, first_line

# --- query ----------------------------------------------------------------------------------


def cmd_query(args: argparse.Namespace) -> int:
    """Read-only, and fast to start: no Prefect, no Polars (``flows/output.py``). During a run
    it waits for the batch being loaded, then sees every batch committed so far. The SQL
    cannot reach other files, extensions or settings unless ``--allow-external`` is given."""
    import duckdb

    from connectors.dbfile import NO_EXTERNAL_ACCESS, READ_WAIT_SECONDS, StoreError, connect
    from flows.output import needs_external_access, render

    if args.file is not None:
        if not args.file.is_file():
            raise UsageError(f"no such SQL file: {args.file}")
        sql = args.file.read_text(encoding="utf-8")
    elif args.sql:
        sql = args.sql
    else:
        raise UsageError('give SQL text or --file FILE, e.g. newsdb query "SELECT * FROM runs"')
    if args.db != ":memory:" and not Path(args.db).exists():
        raise UsageError(f"no database at {args.db} (run `newsdb run` first)")
    config = None if args.allow_external else NO_EXTERNAL_ACCESS
    try:
        con = connect(args.db, read_only=True, wait=READ_WAIT_SECONDS, config=config)
    except StoreError as exc:
        raise UsageError(str(exc)) from exc
    try:
        text = render(con, sql, args.format)
    except duckdb.Error as exc:  # DuckDB's own message says what is wrong with the SQL
        hint = ""
        if not args.allow_external and needs_external_access(exc):
            hint = " (files, extensions and settings are off limits; --allow-external lifts that)"
        raise UsageError(f"query on {args.db} failed: {first_line(exc)}{hint}") from exc
    finally:
        con.close()  # before printing: a run waiting to load its next batch goes on at once
    sys.stdout.write(text)
    return EXIT_OK


# --- export ---------------------------------------------------------------------------------


def cmd_export(args: argparse.Namespace) -> int:
    import duckdb

    from connectors.dbfile import READ_WAIT_SECONDS
    from connectors.duckstore import NewsDB, StoreError
    from connectors.export import ExportError, check_target, export_parquet

    try:
        check_target(args.parquet)
        db = NewsDB.open(args.db, read_only=True, wait=READ_WAIT_SECONDS)
    except (ExportError, StoreError) as exc:
        raise UsageError(str(exc)) from exc
    with db:
        try:
            written = export_parquet(db, args.parquet)
        except duckdb.Error as exc:
            raise UsageError(f"exporting {args.db} failed: {first_line(exc)}") from exc
    for table, n in written.items():
        print(f"{table}: {n} rows")
    print(f"written under {args.parquet}")
    return EXIT_OK
