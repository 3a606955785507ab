"""Build the report's pages: :func:`build_site` turns :class:`ReportData` into ``{path: content}``.

Pure: nothing is read from the database or written to disk here (``connectors/reportdb.py`` and
``connectors/sitefiles.py`` do that). Pages are Jinja2 templates with autoescaping on, so every
string from an article is escaped unless this module has built it as markup on purpose
(:mod:`transforms.report.markup`).

Layout (all links relative, so the folder can be moved, zipped or opened from disk)::

    index.html                 overview: counts, timeline, map, top actor pairs, top speakers
    events.html  speakers.html  countries.html  articles.html
    person/<slug>.html         a speaker's quotes and events
    country/<ISO3>.html        events involving a country, and the quotes reporting them
    article/<slug>.html        an article's text, each quote and event trigger anchored
    assets/                    CSS, chart loader, Vega bundle, country outlines, licences
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime
from typing import Any

import polars as pl
from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape

from transforms.events.plover import QUAD_CLASS
from transforms.report import charts
from transforms.report.assets import static_assets
from transforms.report.geo import country_name
from transforms.report.markup import (
    Mark,
    anchor_id,
    anchored_text,
    article_file,
    country_file,
    person_file,
    safe_url,
)
from transforms.report.model import ReportData
from transforms.run.version import NEWSDB_VERSION

TOP_SPEAKERS = 50


def _env() -> Environment:
    env = Environment(
        loader=PackageLoader("transforms.report", "templates"),
        autoescape=select_autoescape(["html"]),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["quad_slug"] = lambda q: (q or "none").replace(" ", "-")
    return env


def _countries_of(row: dict[str, Any]) -> set[str]:
    return {c for c in (row["actor1_country"], row["actor2_country"], row["location_country"]) if c}


class _Site:
    """Row shaping shared by the pages: links are computed once per event, quote and person."""

    def __init__(self, data: ReportData) -> None:
        self.data = data
        self.person_href = {
            k: person_file(k, name)
            for k, name in zip(data.people["person_key"], data.people["name"], strict=True)
        }
        self.person_name = dict(zip(data.people["person_key"], data.people["name"], strict=True))
        events = data.events.to_dicts()
        iso3s = sorted({c for row in events for c in _countries_of(row)})
        self.country_href = {c: country_file(c) for c in iso3s}
        self.events = [self._event_row(r) for r in events]
        self.event_by_id = {e["event_id"]: e for e in self.events}
        self.quotes = [self._quote_row(r) for r in data.quotes.to_dicts()]

    def _actor(self, row: dict[str, Any], n: int) -> dict[str, Any] | None:
        mention, canonical = row[f"actor{n}"], row[f"actor{n}_canonical"]
        country, sector = row[f"actor{n}_country"], row[f"actor{n}_sector"]
        if not (mention or canonical or country):
            return None
        return {
            "name": canonical or mention or country,
            "mention": mention if mention and mention != canonical else None,
            "country": country,
            "country_href": self.country_href.get(country) if country else None,
            "sector": sector,
        }

    def _event_row(self, row: dict[str, Any]) -> dict[str, Any]:
        return {
            **row,
            "quad_class": row["quad_class"] or QUAD_CLASS.get(row["event_type"]),
            "a1": self._actor(row, 1),
            "a2": self._actor(row, 2),
            "place_href": self.country_href.get(row["location_country"] or ""),
            "href": f"{article_file(row['doc_id'])}#{anchor_id('event', row['event_id'])}",
            "doc_href": article_file(row["doc_id"]),
            "source_url": safe_url(row["doc_url"]),
        }

    def _quote_row(self, row: dict[str, Any]) -> dict[str, Any]:
        key = row["person_key"]
        return {
            **row,
            "person_href": self.person_href.get(key) if key else None,
            "href": f"{article_file(row['doc_id'])}#{anchor_id('quote', row['quote_id'])}",
            "doc_href": article_file(row["doc_id"]),
            "source_url": safe_url(row["doc_url"]),
        }

    # -- pages -------------------------------------------------------------------------------

    def pages(self) -> Iterable[tuple[str, str, dict[str, Any]]]:
        """(path, template, context) for every page."""
        data = self.data
        people = data.people.to_dicts()
        for p in people:
            p["href"] = self.person_href[p["person_key"]]
        countries = self._countries()
        yield (
            "index.html",
            "index.html",
            {
                "title": "Overview",
                "n_events": len(self.events),
                "n_quotes": len(self.quotes),
                "n_people": len(people),
                "n_documents": data.documents.height,
                "timeline": charts.timeline(data.events),
                "map": charts.event_map(data.events, self.country_href),
                "pairs": self._pairs(),
                "people": people[:TOP_SPEAKERS],
                "more_people": max(0, len(people) - TOP_SPEAKERS),
                "countries": countries,
            },
        )
        yield "events.html", "events.html", {"title": "Events", "events": self.events}
        yield "speakers.html", "speakers.html", {"title": "Speakers", "people": people}
        yield "countries.html", "countries.html", {"title": "Countries", "countries": countries}
        yield (
            "articles.html",
            "articles.html",
            {"title": "Articles", "articles": self._articles()},
        )
        yield from self._person_pages(people)
        yield from self._country_pages(countries)
        yield from self._article_pages()

    def _pairs(self) -> list[dict[str, Any]]:
        rows = self.data.actor_pairs.to_dicts()
        for r in rows:
            r["actor1_href"] = self.country_href.get(r["actor1_country"] or "")
            r["actor2_href"] = self.country_href.get(r["actor2_country"] or "")
        return rows

    def _countries(self) -> list[dict[str, Any]]:
        counts: dict[str, int] = {}
        for e in self.events:
            for c in _countries_of(e):
                counts[c] = counts.get(c, 0) + 1
        return [
            {"iso3": c, "name": country_name(c), "events": n, "href": self.country_href[c]}
            for c, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
        ]

    def _articles(self) -> list[dict[str, Any]]:
        n_events = self.data.events.group_by("doc_id").len()
        n_quotes = self.data.quotes.group_by("doc_id").len()
        counts_e = dict(zip(n_events["doc_id"], n_events["len"], strict=True))
        counts_q = dict(zip(n_quotes["doc_id"], n_quotes["len"], strict=True))
        rows = self.data.documents.drop("text").to_dicts()
        for r in rows:
            r["href"] = article_file(r["doc_id"])
            r["source_url"] = safe_url(r["canonical_url"] or r["url"])
            r["n_events"] = counts_e.get(r["doc_id"], 0)
            r["n_quotes"] = counts_q.get(r["doc_id"], 0)
        return rows

    def _person_pages(self, people: list[dict[str, Any]]) -> Iterable[tuple[str, str, dict]]:
        links: dict[str, list[tuple[str, str]]] = {}
        for key, event_id, relation in self.data.person_events.iter_rows():
            links.setdefault(key, []).append((event_id, relation))
        quotes_by: dict[str, list[dict[str, Any]]] = {}
        for q in self.quotes:
            if q["person_key"]:
                quotes_by.setdefault(q["person_key"], []).append(q)
        for p in people:
            key = p["person_key"]
            seen: dict[str, dict[str, Any]] = {}
            for event_id, relation in links.get(key, []):
                event = self.event_by_id.get(event_id)
                if event is None:
                    continue
                row = seen.setdefault(event_id, {**event, "relations": []})
                row["relations"].append(relation)
            events = sorted(seen.values(), key=lambda e: str(e["day"] or ""), reverse=True)
            yield (
                p["href"],
                "person.html",
                {
                    "title": p["name"],
                    "person": p,
                    "quotes": quotes_by.get(key, []),
                    "events": events,
                },
            )

    def _country_pages(self, countries: list[dict[str, Any]]) -> Iterable[tuple[str, str, dict]]:
        events_of: dict[str, list[dict[str, Any]]] = {}
        for e in self.events:
            for iso3 in _countries_of(e):
                events_of.setdefault(iso3, []).append(e)
        quote_by_id = {q["quote_id"]: q for q in self.quotes}
        for c in countries:
            events = events_of.get(c["iso3"], [])
            quote_ids = dict.fromkeys(e["quote_id"] for e in events if e["quote_id"])
            quotes = [quote_by_id[i] for i in quote_ids if i in quote_by_id]
            yield (
                c["href"],
                "country.html",
                {
                    "title": c["name"],
                    "country": c,
                    "events": events,
                    "quotes": quotes,
                    "timeline": charts.timeline(self._events_of(c["iso3"]), width=640),
                },
            )

    def _events_of(self, iso3: str) -> pl.DataFrame:
        cols = ("actor1_country", "actor2_country", "location_country")
        return self.data.events.filter(pl.any_horizontal(pl.col(c) == iso3 for c in cols))

    def _article_pages(self) -> Iterable[tuple[str, str, dict]]:
        marks: dict[str, list[Mark]] = {}
        for doc_id, kind, mark_id, start, end in self.data.marks.iter_rows():
            marks.setdefault(doc_id, []).append(Mark(kind, mark_id, start, end))
        events_by: dict[str, list[dict[str, Any]]] = {}
        for e in self.events:
            events_by.setdefault(e["doc_id"], []).append(e)
        quotes_by: dict[str, list[dict[str, Any]]] = {}
        for q in self.quotes:
            quotes_by.setdefault(q["doc_id"], []).append(q)
        for doc in self.data.documents.to_dicts():
            doc_id = doc["doc_id"]
            yield (
                article_file(doc_id),
                "article.html",
                {
                    "title": doc["title"] or doc_id,
                    "doc": doc,
                    "source_url": safe_url(doc["canonical_url"] or doc["url"]),
                    "body": anchored_text(doc["text"], marks.get(doc_id, [])),
                    "events": events_by.get(doc_id, []),
                    "quotes": quotes_by.get(doc_id, []),
                },
            )


def build_site(data: ReportData, generated: datetime | None = None) -> dict[str, str]:
    """Every file of the report, keyed by its path relative to the report's folder."""
    env = _env()
    site = _Site(data)
    common = {
        "database": data.database,
        "filters": data.filters.describe(),
        "generated": (generated or datetime.now(UTC)).strftime("%Y-%m-%d %H:%M UTC"),
        "version": NEWSDB_VERSION,
    }
    files: dict[str, str] = {}
    for path, template, context in site.pages():
        root = "../" * path.count("/")
        files[path] = env.get_template(template).render(**common, **context, root=root)
    files.update(static_assets())
    return files
