"""The report's charts as Vega-Lite specs, built with Altair.

Each function takes the events frame and returns a plain spec dict; the page embeds it as JSON
and ``assets/report.js`` hands it to vega-embed. Data is aggregated here (one row per bucket and
type, per place, per country), so a page's spec stays small however many events there are.

The map's country outlines are not in the spec: it names the dataset ``countries``, and the
loader fills it from ``assets/countries.js`` so fifty country pages do not carry fifty copies.
"""

from __future__ import annotations

from datetime import date
from typing import Any, Literal

import altair as alt
import polars as pl

from transforms.events.plover import PLOVER_TYPES, QUAD_CLASS

#: Quad classes in PLOVER's order, with colours that read cooperation (blue/green) against
#: conflict (orange/red).
QUADS = ("verbal cooperation", "material cooperation", "verbal conflict", "material conflict")
QUAD_COLOURS = ("#4c78a8", "#54a24b", "#f58518", "#e45756")

COUNTRIES = "countries"
#: Place precisions drawn as points on the map (code list: location_precision), city first.
POINT_PRECISIONS = ("city", "admin1")

TimeUnit = Literal["yearmonth", "yearmonthdate"]


def _bucket(first: date, last: date) -> tuple[str, TimeUnit, str]:
    """Polars truncation, Vega-Lite time unit and axis label for a span of dates."""
    days = (last - first).days
    if days > 3 * 365:
        return "1mo", "yearmonth", "month"
    if days > 120:
        return "1w", "yearmonthdate", "week"
    return "1d", "yearmonthdate", "day"


def _count_ticks(most: Any) -> list[int]:
    """Whole-number legend entries for event counts (Vega's own would show 0.5 steps)."""
    top = int(most)
    return sorted({1, max(1, round(top / 2)), top})


def timeline(events: pl.DataFrame, width: int = 720) -> dict[str, Any] | None:
    """Events over time: one row per PLOVER type (grouped by quad class), a dot per time bucket
    sized by the number of events. Negated events ("did not attack") are left out."""
    rows = events.filter(pl.col("polarity") == "positive").drop_nulls("day")
    if rows.is_empty():
        return None
    truncate, time_unit, label = _bucket(rows["day"].min(), rows["day"].max())  # type: ignore[arg-type]
    data = (
        rows.with_columns(pl.col("day").dt.truncate(truncate).alias("bucket"))
        .group_by("bucket", "event_type")
        .agg(pl.len().alias("events"))
        .with_columns(
            pl.col("event_type").replace_strict(QUAD_CLASS, default=None).alias("quad_class"),
            pl.col("bucket").cast(pl.String),
        )
        .sort("bucket", "event_type")
    )
    present = set(data["event_type"])
    order = [t for t in PLOVER_TYPES if t in present] + sorted(present - set(PLOVER_TYPES))
    chart = (
        alt.Chart(alt.Data(values=data.to_dicts()))
        .mark_circle(opacity=0.85)
        .encode(
            x=alt.X("bucket:T", timeUnit=time_unit, title=f"date ({label})"),
            y=alt.Y("event_type:N", sort=order, title="PLOVER event type"),
            size=alt.Size(
                "events:Q",
                title="events",
                scale=alt.Scale(range=[0, 600]),
                legend=alt.Legend(values=_count_ticks(data["events"].max()), format="d"),
            ),
            color=alt.Color(
                "quad_class:N",
                title="quad class",
                scale=alt.Scale(domain=list(QUADS), range=list(QUAD_COLOURS)),
            ),
            tooltip=[
                alt.Tooltip("bucket:T", timeUnit=time_unit, title=label),
                alt.Tooltip("event_type:N", title="type"),
                alt.Tooltip("quad_class:N", title="quad class"),
                alt.Tooltip("events:Q"),
            ],
        )
        .properties(width=width, height=max(90, 28 * len(order)))
    )
    spec: dict[str, Any] = chart.to_dict(validate=False)
    return spec


def event_map(
    events: pl.DataFrame, country_href: dict[str, str], width: int = 720
) -> dict[str, Any] | None:
    """Countries shaded by how many events involve them (as actor or place), linking to their
    pages, and a point per city or province (a square) sized by its events."""
    if events.is_empty():
        return None
    involved = (
        pl.concat(
            [
                events.select("event_id", pl.col(c).alias("iso3"))
                for c in ("actor1_country", "actor2_country", "location_country")
            ]
        )
        .drop_nulls("iso3")
        .unique()
        .group_by("iso3")
        .agg(pl.len().alias("events"))
        .with_columns(
            pl.col("iso3").replace_strict(country_href, default=None).alias("href"),
        )
    )
    place_cols = [c for c in ("location", "location_country", "location_precision") if c in events]
    # A place known only to its country has a stand-in centre, not a position: its events
    # shade the country and draw no point (a country centroid is not a city).
    points = events.drop_nulls(["latitude", "longitude"])
    if "location_precision" in events:
        points = points.filter(pl.col("location_precision").is_in(POINT_PRECISIONS))
    places = points.group_by(["latitude", "longitude", *place_cols]).agg(
        pl.len().alias("events"),
        pl.col("event_type").unique().sort().str.join(", ").alias("types"),
    )
    outlines = alt.Data(name=COUNTRIES)
    base = alt.Chart(outlines).mark_geoshape(fill="#eeeeee", stroke="#ffffff", strokeWidth=0.5)
    shaded = (
        alt.Chart(outlines)
        .mark_geoshape(stroke="#ffffff", strokeWidth=0.5, cursor="pointer")
        .transform_lookup(
            lookup="id",
            from_=alt.LookupData(
                alt.Data(values=involved.to_dicts()), key="iso3", fields=["events", "href"]
            ),
        )
        .transform_filter("datum.events > 0")
        .encode(
            color=alt.Color("events:Q", title="events", scale=alt.Scale(scheme="oranges")),
            href="href:N",
            tooltip=[
                alt.Tooltip("properties.name:N", title="country"),
                alt.Tooltip("events:Q"),
            ],
        )
    )
    layers: list[alt.Chart] = [base, shaded]
    if not places.is_empty():
        tooltip = [alt.Tooltip(f"{c}:N") for c in place_cols]
        layers.append(
            alt.Chart(alt.Data(values=places.to_dicts()))
            .mark_point(filled=True, color="#1f3b73", opacity=0.7, stroke="#ffffff")
            .encode(
                longitude="longitude:Q",
                latitude="latitude:Q",
                shape=alt.Shape(
                    "location_precision:N",
                    title="place",
                    scale=alt.Scale(domain=list(POINT_PRECISIONS), range=["circle", "square"]),
                ),
                size=alt.Size("events:Q", legend=None, scale=alt.Scale(range=[30, 400])),
                tooltip=[*tooltip, alt.Tooltip("types:N"), alt.Tooltip("events:Q")],
            )
        )
    chart = (
        alt.layer(*layers)
        .project(type="equalEarth")
        .properties(width=width, height=int(width * 0.5))
    )
    spec: dict[str, Any] = chart.to_dict(validate=False)
    spec.setdefault("datasets", {})[COUNTRIES] = []
    return spec
