"""Shared by the report tests: a hostile hand-written database, the seeds database built
without Prefect, and a checker that every local link of a report resolves."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

from connectors.batchload import load_batch
from connectors.duckstore import NewsDB
from transforms.entities.keys import Named, entity_record
from transforms.frames import documents_frame, failures_frame, records_frame
from transforms.model import (
    ENTITY_REFS,
    EVENTS,
    QUOTES,
    BatchFrames,
    Document,
    DocumentStamp,
    EventRecord,
    QuoteRecord,
)

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "seeds"
NOW = datetime(2026, 1, 2, 3, 4, 5, tzinfo=UTC)

# Written for these tests. Names and text carry markup an attacker could plant in an article.
EVIL = '<script>alert("x")</script>'
HOSTILE_TEXT = (
    f"Minister Ana Reyes {EVIL} said the army struck the depot on Monday.\n\n"
    '"We will not stop," said General Tomas Vidal of the <b>army</b>.'
)


def hostile_batch() -> BatchFrames:
    """One article whose title, URL, speaker and quote are hostile, with a quote and an event."""
    text = HOSTILE_TEXT
    doc = Document(
        doc_id="doc_evil",
        source="/in/evil.html",
        text=text,
        content_sha256="sha",
        url="javascript:alert(1)",
        title=f"Depot struck {EVIL}",
        published=date(2024, 3, 5),
        site="example.org",
    )
    # The entities the extractors would key (the speaker is also the talk's target).
    vidal = entity_record(Named(f"Tomas Vidal {EVIL}", "person", proper=True), "doc_evil")
    reyes = entity_record(Named("Ana Reyes", "person", proper=True), "doc_evil")
    assert vidal is not None and reyes is not None
    q_start = text.index('"') + 1
    q_end = text.index(',"')
    quote = QuoteRecord(
        quote_id="q_evil",
        doc_id="doc_evil",
        quote_text=text[q_start:q_end],
        char_start=q_start,
        char_end=q_end,
        quote_type="direct",
        speaker=f"Tomas Vidal {EVIL}",
        speaker_type="person",
        speaker_role="General",
        speaker_entity_id=vidal.entity_id,
    )
    t_start = text.index("struck")
    event = EventRecord(
        event_id="e_evil",
        doc_id="doc_evil",
        event_type="ASSAULT",
        quad_class="material conflict",
        trigger_text="struck",
        trigger_start=t_start,
        trigger_end=t_start + len("struck"),
        sentence_text=text.split("\n\n")[0],
        sentence_index=0,
        actor1=f"the army {EVIL}",
        actor1_country="COL",
        actor1_sector="MIL",
        actor2="the depot",
        location="Cali",
        location_country="COL",
        latitude=3.44,
        longitude=-76.52,
        location_precision="city",
        location_source_text="Cali",
        event_date=date(2024, 3, 4),
        quote_id=None,
    )
    talk = EventRecord(
        event_id="e_talk",
        doc_id="doc_evil",
        event_type="CONSULT",
        quad_class="verbal cooperation",
        trigger_text="said",
        trigger_start=text.index("said"),
        trigger_end=text.index("said") + 4,
        sentence_text=text.split("\n\n")[0],
        sentence_index=0,
        actor1="Ana Reyes",
        actor1_country="PER",
        actor1_entity_id=reyes.entity_id,
        actor2="Tomas Vidal",
        actor2_country="COL",
        actor2_entity_id=vidal.entity_id,
        event_date=date(2023, 1, 10),
        quote_id="q_evil",
    )
    return BatchFrames(
        documents=documents_frame([doc], DocumentStamp("1", NOW, "r1")),
        quotes=records_frame(QUOTES, [quote]),
        events=records_frame(EVENTS, [event, talk]),
        failures=failures_frame([], "r1", NOW),
        entities=records_frame(ENTITY_REFS, [vidal, reyes]),
    )


def build_seeds_db(path: Path) -> Path:
    """The seeds through cleaning and extraction into ``path``, without Prefect."""
    from connectors.files import read_local
    from transforms.batch import process_batch
    from transforms.model import RawDoc

    raws = [read_local(p, max_bytes=10 * 1024 * 1024) for p in sorted(SEEDS.glob("*.txt"))]
    assert all(isinstance(r, RawDoc) for r in raws), raws
    frames = process_batch([r for r in raws if isinstance(r, RawDoc)], "seeds-run", NOW)
    with NewsDB.open(path) as db:
        load_batch(db, frames)
    return path


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.refs: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name == "id" and value:
                self.ids.add(value)
            if name in ("href", "src") and value:
                self.refs.append(value)


def parse(page: Path) -> _Links:
    parser = _Links()
    parser.feed(page.read_text(encoding="utf-8"))
    return parser


def broken_links(report_dir: Path) -> list[str]:
    """Every local href/src of every page that names a missing file or anchor."""
    parsed = {p: parse(p) for p in report_dir.rglob("*.html")}
    problems = []
    for page, links in parsed.items():
        for ref in links.refs:
            parts = urlsplit(ref)
            if parts.scheme in ("http", "https"):
                continue
            if parts.scheme:
                problems.append(f"{page.name}: non-local scheme {ref!r}")
                continue
            target = (page.parent / unquote(parts.path)).resolve() if parts.path else page
            if not target.is_file():
                problems.append(f"{page.relative_to(report_dir)}: missing file {ref!r}")
                continue
            if parts.fragment:
                ids = parsed[target].ids if target in parsed else set()
                if parts.fragment not in ids:
                    problems.append(f"{page.relative_to(report_dir)}: missing anchor {ref!r}")
    return problems


def visible_text(page: Path) -> str:
    """The page's text with tags removed and entities left escaped (good enough to search)."""
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", page.read_text(encoding="utf-8")))
