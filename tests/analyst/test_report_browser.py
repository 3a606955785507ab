"""The seeds report in a real headless browser: Debian's chromium driven through chromium-driver.

Opens the report from disk (file://, no server, no network), waits for the charts, and checks
that the pages load without console errors, show the seeds' events and speakers, and that their
links resolve. Writes a screenshot of the overview to ``data/report-screenshot.png``.

Skipped, with the reason, where no browser is installed (``.ci/run`` installs one).
"""

from __future__ import annotations

import json
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from report_support import ROOT, broken_links, build_seeds_db

from connectors.duckstore import NewsDB
from connectors.reportdb import read_report
from connectors.sitefiles import write_site
from transforms.report.model import ReportFilters
from transforms.report.site import build_site

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
DRIVER = shutil.which("chromedriver")
SCREENSHOT = ROOT / "data" / "report-screenshot.png"
EXPECT = json.loads(
    (ROOT / "tests" / "fixtures" / "expectations" / "seeds.json").read_text(encoding="utf-8")
)

if not (CHROMIUM and DRIVER):
    pytest.skip(
        "no headless browser: the report's browser test needs Debian's chromium and "
        "chromium-driver (apt-get install chromium chromium-driver; .ci/run installs them)",
        allow_module_level=True,
    )
webdriver = pytest.importorskip("selenium.webdriver", reason="selenium is a dev dependency")


@pytest.fixture(scope="module")
def seeds_report(tmp_path_factory: pytest.TempPathFactory) -> Path:
    base = tmp_path_factory.mktemp("seeds-report")
    db_path = build_seeds_db(base / "seeds.duckdb")
    with NewsDB.open(db_path, read_only=True) as db:
        files = build_site(read_report(db, ReportFilters()))
    write_site(files, base / "report")
    return base / "report"


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    profile = tempfile.mkdtemp(prefix="newsdb-chromium-")
    # As root, on a closed network: without these Chromium hangs or phones home.
    for arg in (
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-dev-shm-usage",
        f"--user-data-dir={profile}",
        "--window-size=1280,1800",
    ):
        options.add_argument(arg)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(DRIVER), options=options)
    driver.set_page_load_timeout(60)
    try:
        yield driver
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)


def _open(driver: Any, page: Path) -> list[dict[str, Any]]:
    """Load ``page`` from disk; wait for its charts; return the console's errors and warnings."""
    from selenium.webdriver.support.ui import WebDriverWait

    driver.get_log("browser")  # drop what earlier pages left
    driver.get(page.as_uri())
    WebDriverWait(driver, 60).until(
        lambda d: d.execute_script(
            "return document.readyState === 'complete' && "
            "Array.from(document.querySelectorAll('.chart'))"
            ".every(c => c.getAttribute('data-rendered') === 'true' || c.textContent.trim())"
        )
    )
    return [e for e in driver.get_log("browser") if e["level"] in ("SEVERE", "WARNING")]


def test_overview_renders_offline_with_charts(browser: Any, seeds_report: Path) -> None:
    problems = _open(browser, seeds_report / "index.html")
    assert problems == []
    charts = browser.execute_script(
        "return Array.from(document.querySelectorAll('.chart')).map(c => "
        "[c.id, c.getAttribute('data-rendered'), c.querySelectorAll('svg path, svg circle, "
        "svg .mark-symbol path').length])"
    )
    assert {c[0] for c in charts} == {"chart-timeline", "chart-map"}
    assert all(rendered == "true" and marks > 0 for _, rendered, marks in charts), charts
    # The map drew country outlines (one path per country) from the bundled shapes.
    outlines = browser.execute_script(
        "return document.querySelectorAll('#chart-map svg path').length"
    )
    assert outlines > 150
    SCREENSHOT.parent.mkdir(parents=True, exist_ok=True)
    browser.set_window_size(1280, browser.execute_script("return document.body.scrollHeight"))
    assert browser.save_screenshot(str(SCREENSHOT))
    assert SCREENSHOT.stat().st_size > 20_000


def test_seeds_events_and_speakers_are_shown(browser: Any, seeds_report: Path) -> None:
    assert _open(browser, seeds_report / "speakers.html") == []
    speakers = browser.find_element("css selector", "table.speakers").text
    for doc in ("000_38393c7eca97659f.txt", "003_ab72f8260a983db2.txt"):
        for quote in EXPECT[doc]["quotes"]["required"]:
            assert quote["speaker"] in speakers, quote["speaker"]
    assert _open(browser, seeds_report / "events.html") == []
    events = browser.find_element("css selector", "table.events").text
    for event_type in ("ASSAULT", "CONSULT", "ACCUSE"):
        assert event_type in events
    assert "Syria" in events and "Israel" in events and "United States" in events


def test_person_country_and_article_pages_load_and_anchor(browser: Any, seeds_report: Path) -> None:
    person = next(p for p in (seeds_report / "person").glob("*.html") if "netanyahu" in p.name)
    assert _open(browser, person) == []
    assert "Israeli Prime Minister" in browser.find_element("tag name", "main").text
    # Follow a quote link to the article: the anchored quote is the URL's target.
    link = browser.find_element("css selector", "table.quotes blockquote a")
    href = link.get_attribute("href")
    assert "#q-" in href
    browser.get(href)
    target = browser.execute_script(
        "const t = document.querySelector(':target'); return t && [t.className, t.textContent]"
    )
    assert target is not None and target[0] == "quote" and "Syria" in target[1]
    assert [e for e in browser.get_log("browser") if e["level"] == "SEVERE"] == []
    assert _open(browser, seeds_report / "country" / "SYR.html") == []
    assert "Syria" in browser.find_element("tag name", "h1").text


def test_every_local_link_resolves(seeds_report: Path) -> None:
    assert broken_links(seeds_report) == []


def test_pages_may_not_load_from_the_network(browser: Any, seeds_report: Path) -> None:
    """The Content-Security-Policy blocks any request a page (or planted markup) might make."""
    import time

    assert _open(browser, seeds_report / "index.html") == []
    browser.execute_script(
        "const i = new Image(); i.src = 'http://127.0.0.1:9/probe.png'; document.body.append(i);"
        "fetch('http://127.0.0.1:9/probe.json').catch(() => {});"
    )
    time.sleep(0.5)
    blocked = [e["message"] for e in browser.get_log("browser")]
    assert sum("Content Security Policy" in m for m in blocked) >= 2, blocked
