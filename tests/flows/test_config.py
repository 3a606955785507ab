"""newsdb.toml and `newsdb query`'s output: no Prefect, no database runs needed."""

from __future__ import annotations

import json
from pathlib import Path

import duckdb
import pytest

from flows.cli import main
from flows.config import ConfigError, load
from flows.output import render

ROOT = Path(__file__).resolve().parents[2]


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "newsdb.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_schedules_resolve_paths_against_the_file(tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        "limit_per_source = 30\n"
        '[[schedule]]\nname = "wires"\ncron = "*/15 * * * *"\ntimezone = "Europe/London"\n'
        'sources = ["feed:https://wire.example/rss.xml", "site:https://news.example/", '
        '"in", "@lists/urls.txt", "/abs/folder"]\nlimit_per_source = 5\n'
        '[[schedule]]\nname = "nightly"\ncron = "30 2 * * *"\nsources = ["seeds"]\n',
    )
    wires, nightly = load(path)
    assert wires.sources == (
        "feed:https://wire.example/rss.xml",
        "site:https://news.example/",
        str(tmp_path / "in"),
        f"@{tmp_path / 'lists' / 'urls.txt'}",
        "/abs/folder",
    )
    assert (wires.cron, wires.timezone, wires.limit_per_source) == (
        "*/15 * * * *",
        "Europe/London",
        5,
    )
    assert (nightly.timezone, nightly.limit_per_source) == ("UTC", 30)
    assert nightly.db_path == str(tmp_path / "data" / "newsdb.duckdb")
    assert nightly.parameters() == {
        "sources": [str(tmp_path / "seeds")],
        "db_path": str(tmp_path / "data" / "newsdb.duckdb"),
        "limit_per_source": 30,
    }


def test_allowed_networks_reach_every_schedule_and_the_flow(tmp_path: Path) -> None:
    """A team's feed on its intranet: allowed once in the file, passed to every schedule's
    runs as the flow's ``allow_addresses`` (public addresses need no listing)."""
    path = _write(
        tmp_path,
        'allow_addresses = ["10.20.0.0/16", "192.168.1.20"]\n'
        '[[schedule]]\nname = "intranet"\ncron = "0 * * * *"\n'
        'sources = ["feed:http://wire.corp.example/rss"]\n',
    )
    (schedule,) = load(path)
    assert schedule.parameters()["allow_addresses"] == ["10.20.0.0/16", "192.168.1.20"]


def test_example_file_in_the_repository_is_valid() -> None:
    schedules = load(ROOT / "newsdb.example.toml")
    assert schedules and all(s.sources for s in schedules)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("db = 'x.duckdb'\n", "no [[schedule]]"),
        ("[[schedule]]\nname = 'a'\ncron = '0 * * *'\nsources = ['seeds']\n", "five fields"),
        ("[[schedule]]\nname = 'a'\ncron = '0 * * * *'\nsources = []\n", "non-empty list"),
        ("[[schedule]]\nname = 'a b'\ncron = '0 * * * *'\nsources = ['x']\n", "may use letters"),
        ("[[schedule]]\nname = 'a'\ncron = '0 * * * *'\nsource = ['x']\n", "unknown key 'source'"),
        (
            "[[schedule]]\nname = 'a'\ncron = '0 * * * *'\nsources = ['x']\nlimit_per_source = 0\n",
            "at least 1",
        ),
        ("[[schedule]]\nname='a'\ncron='0 * * * *'\nsources=['x']\n" * 2, "a repeated"),
        ("[[schedule]\n", "not valid TOML"),
        (
            "allow_addresses = ['intranet.example']\n"
            "[[schedule]]\nname = 'a'\ncron = '0 * * * *'\nsources = ['x']\n",
            "allow_addresses: cannot allow 'intranet.example'",
        ),
    ],
)
def test_bad_files_say_what_and_where(tmp_path: Path, text: str, message: str) -> None:
    with pytest.raises(ConfigError, match=message.replace("[", r"\[").replace("(", r"\(")):
        load(_write(tmp_path, text))


def test_serve_without_a_file_or_sources_explains(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["serve", "--config", str(tmp_path / "newsdb.toml")]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "newsdb.example.toml" in err
    assert main(["serve", "seeds"]) == 2
    assert "--cron" in capsys.readouterr().err
    assert main(["serve", "seeds", "--cron", "0 * * * *", "--allow-address", "intranet"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "--allow-address" in err


def test_query_output_formats() -> None:
    con = duckdb.connect()
    con.execute("SET TimeZone = 'UTC'")
    sql = (
        "SELECT 1 AS n, 'Zakharova' AS speaker, DATE '2021-02-26' AS day, "
        "TIMESTAMPTZ '2021-02-26 10:00:00+00' AS at, NULL AS nothing, [1, 2] AS ids"
    )
    assert render(con, sql, "csv").splitlines() == [
        "n,speaker,day,at,nothing,ids",
        '1,Zakharova,2021-02-26,2021-02-26T10:00:00+00:00,,"[1, 2]"',
    ]
    assert json.loads(render(con, sql, "json")) == [
        {
            "n": 1,
            "speaker": "Zakharova",
            "day": "2021-02-26",
            "at": "2021-02-26T10:00:00+00:00",
            "nothing": None,
            "ids": [1, 2],
        }
    ]
    table = render(con, sql, "table")
    assert "Zakharova" in table and "varchar" in table
