"""``newsdb shell``: an interactive SQL prompt on the database, for users without a DuckDB 2 CLI.

A DuckDB 2 file opens only in DuckDB 2 (README, "Opening the file elsewhere"), and the DuckDB UI
needs an extension download; this prompt needs nothing but newsdb. It is the stdlib's
``readline`` (line editing, history kept in ``~/.newsdb_history``, table-name completion) around
DuckDB's own statement splitter: a statement runs when a line ends with ``;``, so queries can
span lines. Read-only unless ``--write``.

Piped input works the same without prompts, so scripts and tests can drive it::

    echo "SELECT count(*) FROM events;" | newsdb shell

Dot commands: ``.tables``, ``.describe TABLE`` (columns with their codebook comments, which
DuckDB 2.0's DESCRIBE does not show), ``.mode table|csv|json|markdown``, ``.help``, ``.quit``.
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TextIO

import duckdb
import polars as pl

from connectors.duckstore import NewsDB

HISTORY = Path(os.environ.get("NEWSDB_HISTORY", "~/.newsdb_history")).expanduser()
MODES = ("table", "csv", "json", "markdown")
HELP = """\
Type SQL ending with ';' (it may span lines). Tables and views: .tables
  .describe NAME   columns, types and what each column means
  .mode MODE       output as table (default), csv, json or markdown
  .help            this text
  .quit            leave (or Ctrl-D)
Examples:
  SELECT event_type, count(*) FROM events GROUP BY ALL ORDER BY 2 DESC;
  SELECT speaker, n_quotes FROM speakers ORDER BY n_quotes DESC LIMIT 10;"""


def render(frame: pl.DataFrame, mode: str) -> str:
    """A result as text: a boxed table, CSV, JSON lines or a Markdown table."""
    if mode == "csv":
        return frame.write_csv().rstrip("\n")
    if mode == "json":
        return frame.write_ndjson().rstrip("\n")
    markdown = mode == "markdown"
    with pl.Config(
        tbl_rows=200,
        tbl_cols=-1,
        fmt_str_lengths=120,
        tbl_width_chars=200,
        tbl_formatting="MARKDOWN" if markdown else "UTF8_FULL_CONDENSED",
        tbl_hide_dataframe_shape=markdown,
        tbl_hide_column_data_types=markdown,
    ):
        return str(frame)


class Shell:
    """Reads lines, runs complete statements, prints results; never stops on a bad statement."""

    def __init__(self, db: NewsDB, out: TextIO = sys.stdout, err: TextIO = sys.stderr) -> None:
        self.db = db
        self.out = out
        self.err = err
        self.mode = "table"
        self.errors = 0
        self.buffer: list[str] = []
        self.commands: dict[str, Callable[[str], bool]] = {
            ".tables": self._tables,
            ".describe": self._describe,
            ".mode": self._mode,
            ".help": self._help,
            ".quit": self._quit,
            ".exit": self._quit,
        }

    # -- the loop ----------------------------------------------------------------------------

    def run(self, interactive: bool) -> int:
        """Read until EOF or .quit; 0, or 1 when a non-interactive session had an error."""
        if interactive:
            self._start_readline()
            print(
                f"newsdb shell on {self.db.path} ({self._access()}). .help for help.", file=self.out
            )
        try:
            while True:
                prompt = ("   ...> " if self.buffer else "newsdb> ") if interactive else ""
                try:
                    line = input(prompt) if interactive else sys.stdin.readline()
                except EOFError:
                    break
                except KeyboardInterrupt:
                    self.buffer.clear()
                    print(file=self.out)
                    continue
                if not interactive and line == "":
                    break
                if not self.feed(line.rstrip("\n")):
                    break
            if self.buffer:
                self.feed(";")
        finally:
            if interactive:
                self._save_history()
        return 1 if self.errors and not interactive else 0

    def feed(self, line: str) -> bool:
        """Take one line; run what it completes. False once the user asked to quit."""
        stripped = line.strip()
        if not self.buffer and stripped.startswith("."):
            name, _, arg = stripped.partition(" ")
            command = self.commands.get(name)
            if command is None:
                self._error(f"unknown command {name}; .help lists them")
                return True
            return command(arg.strip())
        if not stripped and not self.buffer:
            return True
        self.buffer.append(line)
        if stripped.endswith(";"):
            sql = "\n".join(self.buffer)
            self.buffer.clear()
            self.execute(sql)
        return True

    def execute(self, sql: str) -> None:
        con = self.db.con
        try:
            statements = con.extract_statements(sql)
        except duckdb.Error as exc:
            self._error(str(exc))
            return
        for statement in statements:
            try:
                relation = con.sql(statement.query)
                if relation is not None:
                    print(self._result(relation.pl()), file=self.out)
            except duckdb.Error as exc:
                self._error(str(exc))
                return

    def _result(self, frame: pl.DataFrame) -> str:
        """A result table; DDL's empty "Success" and DML's "Count" said in words instead."""
        if frame.columns == ["Success"]:
            return "ok"
        if frame.columns == ["Count"] and frame.height == 1:
            n = frame.item()
            return f"{n} row{'' if n == 1 else 's'} changed"
        return render(frame, self.mode)

    # -- dot commands ------------------------------------------------------------------------

    def _tables(self, _: str) -> bool:
        frame = self.db.query(
            "SELECT table_name AS name, 'table' AS kind, comment FROM duckdb_tables() "
            "WHERE NOT internal UNION ALL "
            "SELECT view_name, 'view', comment FROM duckdb_views() WHERE NOT internal "
            "ORDER BY kind, name"
        )
        print(render(frame, self.mode), file=self.out)
        return True

    def _describe(self, name: str) -> bool:
        if not name:
            self._error("usage: .describe TABLE")
            return True
        frame = self.db.con.sql(
            "SELECT column_name AS column, data_type AS type, comment FROM duckdb_columns() "
            "WHERE table_name = ? AND NOT internal ORDER BY column_index",
            params=[name],
        ).pl()
        if frame.is_empty():
            self._error(f"no table or view named {name!r}; .tables lists them")
        else:
            print(render(frame, self.mode), file=self.out)
        return True

    def _mode(self, mode: str) -> bool:
        if mode not in MODES:
            self._error(f"modes: {', '.join(MODES)}")
        else:
            self.mode = mode
        return True

    def _help(self, _: str) -> bool:
        print(HELP, file=self.out)
        return True

    def _quit(self, _: str) -> bool:
        return False

    # -- helpers -----------------------------------------------------------------------------

    def _error(self, message: str) -> None:
        self.errors += 1
        print(f"error: {message.strip()}", file=self.err)

    def _access(self) -> str:
        rows = self.db.execute(
            "SELECT readonly FROM duckdb_databases() WHERE database_name = current_database()"
        )
        return "read-only" if rows and rows[0][0] else "read-write"

    def _start_readline(self) -> None:
        try:
            import readline
        except ImportError:  # not on every platform; the prompt still works without it
            return
        with contextlib.suppress(OSError):
            readline.read_history_file(HISTORY)
        readline.set_history_length(2000)
        names = [
            r[0]
            for r in self.db.execute(
                "SELECT table_name FROM duckdb_tables() WHERE NOT internal UNION "
                "SELECT view_name FROM duckdb_views() WHERE NOT internal"
            )
        ]
        words = sorted({*names, *self.commands})

        def complete(text: str, state: int) -> str | None:
            matches = [w for w in words if w.startswith(text)]
            return matches[state] if state < len(matches) else None

        readline.set_completer(complete)
        readline.parse_and_bind("tab: complete")

    def _save_history(self) -> None:
        try:
            import readline

            readline.write_history_file(HISTORY)
        except (ImportError, OSError):
            pass
