"""``newsdb shell`` driven through piped stdin, as a script or a user without a TTY would."""

from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path

import pytest
from report_support import hostile_batch

from connectors.batchload import load_batch
from connectors.duckstore import NewsDB
from flows.shell import Shell

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def db_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("shell") / "news.duckdb"
    with NewsDB.open(path) as db:
        load_batch(db, hostile_batch())
    return path


def _shell(db_path: Path, script: str, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "flows.cli", "shell", "--db", str(db_path), *args],
        input=script,
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
    )


def test_piped_statements_span_lines_and_print_tables(db_path: Path) -> None:
    done = _shell(
        db_path,
        "SELECT event_type,\n       count(*) AS n\nFROM events\nGROUP BY ALL ORDER BY ALL;\n"
        ".mode csv\nSELECT speaker_key(speaker) AS k FROM quotes;\n",
    )
    assert done.returncode == 0, done.stderr
    out = done.stdout
    assert "ASSAULT" in out and "CONSULT" in out and "│" in out  # the boxed table
    assert 'k\n"tomas vidal <script>alert(""x"")</script>"' in out  # CSV after .mode csv
    assert "newsdb>" not in out  # no prompts when stdin is not a terminal


def test_dot_commands_show_the_codebook(db_path: Path) -> None:
    done = _shell(db_path, ".tables\n.describe events\n.help\n.quit\nSELECT 'not reached';\n")
    assert done.returncode == 0, done.stderr
    assert "speakers" in done.stdout and "event_clusters" in done.stdout
    assert "One of PLOVER" in done.stdout  # events.event_type's comment
    assert "not reached" not in done.stdout


def test_read_only_by_default_and_errors_do_not_stop_the_script(db_path: Path) -> None:
    done = _shell(
        db_path,
        "DELETE FROM events;\nSELEC 1;\n.nope\n.mode csv\nSELECT count(*) AS n FROM events;\n",
    )
    assert done.returncode == 1  # a script with errors says so
    assert "read-only" in done.stderr and "syntax error" in done.stderr
    assert "unknown command .nope" in done.stderr
    assert done.stdout.endswith("n\n2\n")  # the statements after the errors still ran
    with NewsDB.open(db_path, read_only=True) as db:
        assert db.execute("SELECT count(*) FROM events") == [(2,)]


def test_write_mode_allows_changes(tmp_path: Path) -> None:
    path = tmp_path / "w.duckdb"
    with NewsDB.open(path) as db:
        load_batch(db, hostile_batch())
    done = _shell(path, "DELETE FROM events WHERE event_id = 'e_talk';\n", "--write")
    assert done.returncode == 0, done.stderr
    with NewsDB.open(path, read_only=True) as db:
        assert db.execute("SELECT count(*) FROM events") == [(1,)]


def test_missing_database_is_a_usage_error(tmp_path: Path) -> None:
    done = _shell(tmp_path / "none.duckdb", "SELECT 1;\n")
    assert done.returncode == 2 and "no database" in done.stderr


def test_unterminated_statement_runs_at_end_of_input(db_path: Path) -> None:
    out, err = io.StringIO(), io.StringIO()
    with NewsDB.open(db_path, read_only=True) as db:
        shell = Shell(db, out=out, err=err)
        assert shell.feed("SELECT 41 + 1 AS answer")
        assert out.getvalue() == ""
        shell.feed(";")
    assert "42" in out.getvalue() and err.getvalue() == ""
