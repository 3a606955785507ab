"""Scheduled and deployed runs on a real Prefect server, and runs that share their database.

The session's one server (``prefect_server`` in conftest.py) is newsdb's own managed server on
127.0.0.1. These tests drive the commands a team types (``newsdb serve``, ``prefect deploy``,
``prefect deployment run``, ``prefect worker start``, ``prefect flow-run ls``) as subprocesses,
so what they check is what a user gets, locked dependencies included.
"""

from __future__ import annotations

import asyncio
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import duckdb
import pytest
from pytest_httpserver import HTTPServer
from werkzeug import Response

from flows.cli import main
from flows.server import ServerInfo

ROOT = Path(__file__).resolve().parents[2]
SEEDS, DEVSET = ROOT / "seeds", ROOT / "tests" / "fixtures" / "devset"
BIN = Path(sys.executable).parent

pytestmark = pytest.mark.flow


def _env(**extra: str) -> dict[str, str]:
    env = dict(os.environ)
    env.update(PREFECT_CLI_PROMPT="false", COLUMNS="200", **extra)  # tables not cut short
    return env


def _prefect(*args: str, cwd: Path = ROOT, timeout: float = 180, **env: str) -> str:
    done = subprocess.run(
        [str(BIN / "prefect"), *args],
        cwd=cwd,
        env=_env(**env),
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    assert done.returncode == 0, f"prefect {' '.join(args)}:\n{done.stdout}\n{done.stderr}"
    return done.stdout


def _flow_runs(deployment: str) -> list[Any]:
    """Flow runs of ``ingest/<deployment>`` with their states, newest first."""
    from prefect.client.orchestration import get_client
    from prefect.client.schemas.filters import DeploymentFilter, DeploymentFilterName

    async def fetch() -> list[Any]:
        async with get_client() as client:
            return await client.read_flow_runs(
                deployment_filter=DeploymentFilter(name=DeploymentFilterName(any_=[deployment]))
            )

    return asyncio.run(fetch())


def _wait_completed(deployment: str, timeout: float) -> Any:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        runs = _flow_runs(deployment)
        done = [r for r in runs if r.state is not None and r.state.is_final()]
        if done:
            return done[0]
        time.sleep(2)
    raise AssertionError(f"no run of {deployment} finished within {timeout:g} s: {runs}")


def _artifact_of(flow_run_id: Any) -> Any:
    from prefect.client.orchestration import get_client
    from prefect.client.schemas.filters import ArtifactFilter, ArtifactFilterFlowRunId

    async def fetch() -> list[Any]:
        async with get_client() as client:
            return await client.read_artifacts(
                artifact_filter=ArtifactFilter(
                    flow_run_id=ArtifactFilterFlowRunId(any_=[flow_run_id])
                )
            )

    return asyncio.run(fetch())


def _rows(db: Path, sql: str) -> list[tuple[Any, ...]]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


# --- cron, serve and deploy on the real server ----------------------------------------------


def test_cron_served_schedule_from_newsdb_toml_completes_with_its_artifact(
    prefect_server: ServerInfo, tmp_path: Path
) -> None:
    """`newsdb serve` with no arguments serves newsdb.toml; the server's scheduler makes the
    every-minute run due, the served process runs it, and it completes with its summary."""
    (tmp_path / "in").mkdir()
    shutil.copy(SEEDS / "000_38393c7eca97659f.txt", tmp_path / "in" / "a.txt")
    (tmp_path / "newsdb.toml").write_text(
        'db = "data/news.duckdb"\n\n[[schedule]]\nname = "every-minute"\ncron = "* * * * *"\n'
        'sources = ["in"]\n',
        encoding="utf-8",
    )
    serve = subprocess.Popen(
        [str(BIN / "newsdb"), "serve"],
        cwd=tmp_path,
        env=_env(),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,
    )
    try:
        run = _wait_completed("every-minute", timeout=200)
    finally:
        os.killpg(serve.pid, signal.SIGINT)
        try:
            out, _ = serve.communicate(timeout=60)
        except subprocess.TimeoutExpired:
            os.killpg(serve.pid, signal.SIGKILL)
            out, _ = serve.communicate()
    assert run.state.is_completed(), (run.state, out)
    assert "serving ingest/every-minute (* * * * *)" in out
    # The run's summary, beside the table artifacts of what it found (flows/artifacts.py).
    artifacts = {a.key: a for a in _artifact_of(run.id)}
    assert set(artifacts) == {"ingest-summary", "ingest-top-events", "ingest-top-speakers"}
    assert "| 1 |" in artifacts["ingest-summary"].data
    # The run wrote where newsdb.toml said, relative to the file, not to the served process.
    assert _rows(tmp_path / "data" / "news.duckdb", "SELECT count(*) FROM documents") == [(1,)]
    # HTTP 422 with the FastAPI versions Prefect 3.8 breaks on. Finished runs only: the listing
    # is cut at a page, which the schedules' upcoming runs would otherwise fill.
    listing = _prefect("flow-run", "ls", "--state-type", "COMPLETED", "--limit", "100")
    assert str(run.name) in listing and "COMPLETED" in listing.upper()
    assert "ingest-summary" in _prefect("artifact", "ls")


def test_prefect_deploy_all_creates_every_deployment_and_a_triggered_run_completes(
    prefect_server: ServerInfo, tmp_path: Path
) -> None:
    """prefect.yaml as a team uses it: a process work pool, `prefect deploy --all`, an ad hoc
    `prefect deployment run` with its own sources, picked up by a worker."""
    from prefect.client.orchestration import get_client
    from prefect.client.schemas.actions import WorkPoolCreate

    async def make_pool() -> None:
        async with get_client() as client:
            await client.create_work_pool(WorkPoolCreate(name="newsdb", type="process"))

    asyncio.run(make_pool())
    _prefect("deploy", "--all")
    listed = _prefect("deployment", "ls")
    assert "newsdb-hourly" in listed and "newsdb-adhoc" in listed

    (tmp_path / "in").mkdir()
    shutil.copy(SEEDS / "003_ab72f8260a983db2.txt", tmp_path / "in" / "b.txt")
    db = tmp_path / "adhoc.duckdb"
    _prefect(
        "deployment",
        "run",
        "ingest/newsdb-adhoc",
        "-p",
        f"sources={json.dumps([str(tmp_path / 'in')])}",
        "-p",
        f"db_path={db}",
        "-p",
        f"cache_dir={tmp_path / 'raw'}",
    )
    _prefect(
        "worker", "start", "--pool", "newsdb", "--run-once", timeout=300, NEWSDB_HOME=str(ROOT)
    )
    run = _wait_completed("newsdb-adhoc", timeout=120)
    assert run.state.is_completed(), run.state
    assert _rows(db, "SELECT count(*) FROM documents") == [(1,)]


# --- runs that share their database -----------------------------------------------------------


def test_query_answers_during_a_run_and_sees_each_committed_batch(
    prefect_server: ServerInfo, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "news.duckdb"
    run = subprocess.Popen(
        [
            str(BIN / "newsdb"),
            "run",
            str(SEEDS),
            str(DEVSET),
            "--db",
            str(db),
            "--cache-dir",
            str(tmp_path / "raw"),
            "--batch-size",
            "2",
        ],
        env=_env(),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    counts: list[int] = []
    refused = ""
    try:
        while run.poll() is None:
            if (
                db.exists()
                and main(
                    [
                        "query",
                        "SELECT count(*) AS n FROM documents",
                        "--db",
                        str(db),
                        "--format",
                        "csv",
                    ]
                )
                == 0
            ):
                counts.append(int(capsys.readouterr().out.splitlines()[1]))
            if counts and not refused:
                # A second writer is refused at once, naming the run that holds the database.
                assert main(["run", str(SEEDS), "--db", str(db)]) == 2
                refused = capsys.readouterr().err
            time.sleep(0.2)
        _, err = run.communicate()
    finally:
        if run.poll() is None:
            run.kill()
            run.wait()
    assert run.returncode == 0, err
    assert f"locked by another newsdb run (process {run.pid})" in refused
    final = _rows(db, "SELECT count(*) FROM documents")[0][0]
    assert final == 16
    assert counts == sorted(counts)  # every answer includes all batches committed before it
    assert any(0 < n < final for n in counts), counts  # ... answered while the run went on


def test_run_with_nothing_new_needs_no_prefect(prefect_server: ServerInfo, tmp_path: Path) -> None:
    """Later runs with nothing to extract are recorded without Prefect, spaCy or a server, as
    the flow would record them: unchanged inputs move their ``last_seen`` on, and a new input
    carrying a stored article (a copy) is linked to it as a duplicate."""
    db = tmp_path / "news.duckdb"
    assert main(["run", str(SEEDS), "--db", str(db), "--cache-dir", str(tmp_path / "raw")]) == 0
    probe = (
        "import sys; from flows.cli import main; rc = main(sys.argv[1:]); "
        "print('loaded:', *sorted(m for m in ('prefect', 'spacy') if m in sys.modules)); "
        "sys.exit(rc)"
    )

    def idle_run(*sources: Path) -> subprocess.CompletedProcess[str]:
        argv = ["run", *map(str, sources), "--db", str(db), "--cache-dir", str(tmp_path / "raw")]
        done = subprocess.run(
            [sys.executable, "-c", probe, *argv],
            env=_env(PREFECT_API_URL="http://127.0.0.1:9/api"),  # nothing answers there
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert done.returncode == 0, done.stderr
        assert "nothing new to process" in done.stderr
        assert "loaded:\n" in done.stdout + "\n"
        return done

    assert "2 unchanged" in idle_run(SEEDS).stdout
    copies = tmp_path / "copies"
    copies.mkdir()
    first = sorted(SEEDS.glob("*.txt"))[0]
    shutil.copy(first, copies / "same.txt")
    assert "2 unchanged, 1 duplicate" in idle_run(SEEDS, copies).stdout

    runs = _rows(db, "SELECT status, n_new, n_unchanged, n_duplicate FROM runs ORDER BY started_at")
    assert runs == [("completed", 2, 0, 0), ("completed", 0, 2, 0), ("completed", 0, 2, 1)]
    assert _rows(db, "SELECT count(*) FROM documents") == [(2,)]
    ((last_run,),) = _rows(db, "SELECT run_id FROM runs ORDER BY started_at DESC LIMIT 1")
    links = {
        Path(source).name: (doc_id, run_id)
        for source, doc_id, run_id in _rows(
            db, "SELECT source, doc_id, run_id FROM document_sources"
        )
    }
    assert len(links) == 3
    assert links["same.txt"][0] == links[first.name][0]  # the copy carries the stored article
    assert {run_id for _, run_id in links.values()} == {last_run}  # all read by the last run


@pytest.fixture
def feed_site(httpserver: HTTPServer, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """A news site on the local server, as ``http://wire.localhost:PORT`` (see
    tests/connectors/test_feeds.py)."""
    from connectors import feeds

    real = socket.getaddrinfo
    monkeypatch.setattr(
        socket,
        "getaddrinfo",
        lambda host, *a, **k: real(httpserver.host if host == "wire.localhost" else host, *a, **k),
    )
    # Runs in a test follow each other within seconds; a real schedule's never do.
    monkeypatch.setattr(feeds, "FRESH_SECONDS", 0.0)
    httpserver.expect_request("/robots.txt").respond_with_data("", status=404)
    yield f"http://wire.localhost:{httpserver.port}"


ARTICLE = """<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{title}</title>
<meta property="article:published_time" content="2024-03-0{day}T09:00:00Z"></head>
<body><article><h1>{title}</h1>
<p>The port authority said on Monday that {n} ships were held outside the harbour after a
storm damaged the main pier, and that repairs would take at least a week.</p>
<p>“We expect the first berths to reopen by Friday,” harbour master Ana Ruiz told reporters.</p>
</article></body></html>"""


def test_feed_followed_across_runs_fetches_only_new_articles(
    prefect_server: ServerInfo,
    httpserver: HTTPServer,
    feed_site: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    for day in (1, 2, 3):
        httpserver.expect_request(f"/news/{day}.html").respond_with_data(
            ARTICLE.format(title=f"Port update {day}", day=day, n=day * 3),
            content_type="text/html; charset=utf-8",
        )

    feed = {"body": ""}

    def publish(days: list[int]) -> None:
        items = "".join(
            f"<item><title>Port update {d}</title><link>{feed_site}/news/{d}.html</link></item>"
            for d in days
        )
        feed["body"] = f'<?xml version="1.0"?><rss version="2.0"><channel>{items}</channel></rss>'

    httpserver.expect_request("/rss.xml").respond_with_handler(
        lambda request: Response(feed["body"], content_type="application/rss+xml")
    )
    db = tmp_path / "news.duckdb"
    args = [
        "run",
        f"feed:{feed_site}/rss.xml",
        "--db",
        str(db),
        "--cache-dir",
        str(tmp_path / "raw"),
        "--allow-address",  # wire.localhost is loopback, which newsdb refuses unless allowed
        "127.0.0.0/8",
        "--json",
    ]

    def article_requests() -> list[str]:
        return [req.path for req, _ in httpserver.log if req.path.startswith("/news/")]

    publish([2, 1])
    assert main(args) == 0
    first = json.loads(capsys.readouterr().out)
    assert (first["new"], first["failed"]) == (2, 0)
    assert sorted(article_requests()) == ["/news/1.html", "/news/2.html"]

    publish([3, 2, 1])  # one new article on top
    assert main(args) == 0
    second = json.loads(capsys.readouterr().out)
    assert (second["inputs"], second["new"]) == (1, 1)
    assert sorted(article_requests()) == ["/news/1.html", "/news/2.html", "/news/3.html"]

    assert main(args) == 0  # nothing new: recorded without starting Prefect
    third = capsys.readouterr()
    assert "nothing new to process" in third.err and json.loads(third.out)["inputs"] == 0
    seen = _rows(db, "SELECT url, via FROM seen_urls ORDER BY url")
    assert seen == [(f"{feed_site}/news/{d}.html", f"feed:{feed_site}/rss.xml") for d in (1, 2, 3)]
