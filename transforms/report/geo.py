"""Country outlines for the offline base map, and country names.

The outlines are the GeoJSON that the ``countryinfo`` package (MIT) ships for about 170
countries: Natural Earth's 1:110m boundaries (public domain), each feature's ``id`` an ISO
alpha-3 code, the same codes as ``events.*_country``. Nothing is fetched: the report writes
them into ``assets/countries.js`` once, and every map reads them from there.

Coordinates are rounded to 0.01° (about 1 km, far below what a 1:110m outline resolves) to keep
the file small, and rings are re-wound for d3-geo, which Vega draws with: it reads a polygon on
the sphere, so an outer ring must run clockwise (GeoJSON's RFC 7946 winding, counter-clockwise,
would fill the whole globe *except* the country).
"""

from __future__ import annotations

import itertools
import json
from functools import lru_cache
from typing import Any

from countryinfo import CountryInfo

from transforms.events.codes import country_name

__all__ = ["countries_script", "country_features", "country_name"]


def _round(coords: Any) -> Any:
    if isinstance(coords, (int, float)):
        return round(float(coords), 2)
    return [_round(c) for c in coords]


def _signed_area(ring: list[list[float]]) -> float:
    """Shoelace area in lon/lat: positive for a counter-clockwise ring."""
    return sum(x0 * y1 - x1 * y0 for (x0, y0), (x1, y1) in itertools.pairwise(ring))


def _d3_polygon(rings: list[list[list[float]]]) -> list[list[list[float]]]:
    """Outer ring clockwise, holes counter-clockwise."""
    out = []
    for i, ring in enumerate(rings):
        clockwise = _signed_area(ring) < 0
        want_clockwise = i == 0
        out.append(ring if clockwise == want_clockwise else ring[::-1])
    return out


def _d3_geometry(kind: str, coordinates: Any) -> Any:
    coordinates = _round(coordinates)
    if kind == "Polygon":
        return _d3_polygon(coordinates)
    return [_d3_polygon(polygon) for polygon in coordinates]


@lru_cache(maxsize=1)
def country_features() -> tuple[dict[str, Any], ...]:
    """One GeoJSON Feature per country with an outline: ``{"type", "id", "properties", ...}``."""
    features = []
    for info in CountryInfo.all().values():
        geo = info.get("geoJSON") or {}
        iso3 = (info.get("ISO") or {}).get("alpha3")
        for feature in geo.get("features") or []:
            geometry = feature.get("geometry") or {}
            if not iso3 or geometry.get("type") not in ("Polygon", "MultiPolygon"):
                continue
            features.append(
                {
                    "type": "Feature",
                    "id": iso3,
                    "properties": {"name": country_name(iso3)},
                    "geometry": {
                        "type": geometry["type"],
                        "coordinates": _d3_geometry(geometry["type"], geometry["coordinates"]),
                    },
                }
            )
    return tuple(sorted(features, key=lambda f: f["id"]))


def countries_script() -> str:
    """``assets/countries.js``: the outlines as a global the chart loader hands to Vega."""
    data = json.dumps(list(country_features()), separators=(",", ":"))
    return (
        "// Country outlines: Natural Earth 1:110m (public domain) via the countryinfo package"
        " (MIT).\nwindow.NEWSDB_COUNTRIES = " + data + ";\n"
    )
