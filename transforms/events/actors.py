"""Phoenix actor and agent dictionaries: noun phrases -> country, sector and a canonical name.

PETRARCH codes an actor in two layers. The *actor* dictionaries map names to codes:
``ISRAEL_ [ISR]`` with synonyms such as ``+ISRAELI`` (so demonyms are covered), people and
bodies with date-limited codes (``BENJAMIN_NETANYAHU_`` is ``ISRGOV`` after 2009-04-01, ``ISRELI``
before), international bodies (``IGOUNO``, ``NGOHLHIRC``) and non-state armed groups
(``PKK [TURREB]``). The *agents* dictionary maps role nouns to sector codes that attach to the
country: ``POLICE [~COP]``, ``WARPLANE [~MIL]``, ``!MINIST! [~GOV]``. "Turkish warplanes" is
thus TURKISH -> TUR plus WARPLANE -> MIL: TUR MIL.

What a code means (its country and sector) is ``codes.parse_code``.

Files: ``Phoenix.Countries.actors.txt``, ``Phoenix.International.actors.txt``,
``Phoenix.MilNonState.actors.txt``, ``Phoenix.agents.txt`` (all MIT, Open Event Data Alliance)
and ``newsdb.actors.txt`` (this project's additions for actors the 2014 dictionaries predate;
read last, so it can also correct an entry).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from transforms.nlp.registry import Lexicon

_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'"})
_CODE_RE = re.compile(r"\[([^\]]*)\]")
_DATE_RANGE = re.compile(r"^(\d{6,8})-(\d{6,8})$")


def normalise_word(word: str) -> str:
    """Upper-case, straight apostrophes, no possessive: "Turkey’s" -> "TURKEY"."""
    w = word.translate(_APOSTROPHES).upper()
    if w.endswith("'S") and len(w) > 2:
        w = w[:-2]
    return w


def _parse_date(text: str) -> date | None:
    """Phoenix dates are YYYYMMDD or YYMMDD (YY < 30 -> 20YY)."""
    try:
        if len(text) == 8:
            return date(int(text[:4]), int(text[4:6]), int(text[6:8]))
        if len(text) == 6:
            yy = int(text[:2])
            return date(2000 + yy if yy < 30 else 1900 + yy, int(text[2:4]), int(text[4:6]))
    except ValueError:
        return None
    return None


def _parse_restriction(text: str) -> tuple[str, int, int] | None:
    """``"ISRGOV 960618-990706"`` -> (code, first day, last day) as ordinals; 0 = open."""
    parts = text.split()
    if not parts or parts[0].startswith("-"):
        return None
    code = parts[0].strip()
    if len(parts) == 1:
        return (code, 0, 0)
    rng = parts[1]
    if rng.startswith("<"):
        return (code, 0, _ordinal(rng[1:]))
    if rng.startswith(">"):
        return (code, _ordinal(rng[1:]), 0)
    m = _DATE_RANGE.match(rng)
    if m:
        return (code, _ordinal(m.group(1)), _ordinal(m.group(2)))
    return (code, 0, 0)


def _ordinal(text: str) -> int:
    d = _parse_date(text)
    return d.toordinal() if d else 0


#: An actor record: its primary name and its codes with validity (ordinal days, 0 = open).
#: Plain tuples rather than dataclasses so the compiled dictionary unpickles in milliseconds.
ActorRecord = tuple[str, tuple[tuple[str, int, int], ...]]


def code_at(record: ActorRecord, when: date | None) -> str | None:
    """The code valid on ``when``, else the undated default (PETRARCH's rule)."""
    default = None
    day = when.toordinal() if when else 0
    for code, start, end in record[1]:
        if start == 0 and end == 0:
            default = default or code
        elif day and (start == 0 or start <= day) and (end == 0 or day <= end):
            return code
    if default is None and record[1]:
        return record[1][-1][0]  # only dated codes and no date: the latest is the best guess
    return default


@dataclass(frozen=True, slots=True)
class LexMatch:
    """A dictionary phrase found in a word sequence: words[start:end]."""

    start: int
    end: int
    actor: ActorRecord | None = None
    agent: str | None = None  # agent code, e.g. "~COP"


_PAREN = re.compile(r"\([^)]*\)")


def _phrase_words(phrase: str) -> tuple[str, ...]:
    # "NATIONAL_LIBERATION_ARMY_(COLOMBIA)_": the parenthesis disambiguates, it is not text.
    phrase = _PAREN.sub(" ", phrase).strip().rstrip("_").replace("_", " ")
    return tuple(normalise_word(w) for w in phrase.split() if w)


#: How many distinct word sequences ``ActorLexicon.find`` remembers (a few MB at most).
FIND_CACHE_SIZE = 50_000


class ActorLexicon:
    """Actor phrases and agent phrases, indexed by their first word."""

    def __init__(self) -> None:
        self.records: list[ActorRecord] = []
        self.actors: dict[str, list[tuple[tuple[str, ...], int]]] = {}
        self.agents: dict[str, list[tuple[tuple[str, ...], str, bool]]] = {}
        # ``find``'s answers: a pure function of the words once the files are read, and the
        # same phrases ("the minister", "police") come back in every article.
        self._found: dict[tuple[str, ...], tuple[LexMatch, ...]] = {}

    # ---- parsing -------------------------------------------------------------------------

    def load_actors(self, path: Path, *, replace: bool = False) -> None:
        """Read one actor file; with ``replace`` its phrases override earlier ones."""
        name: str | None = None
        spans: list[tuple[str, int, int]] = []
        phrases: list[tuple[str, ...]] = []

        def flush() -> None:
            if name is None or not phrases:
                return
            self.records.append((name, tuple(spans)))
            for words in phrases:
                self._add_actor(words, len(self.records) - 1, replace=replace)

        for raw in _read_lines(path):
            line = raw.split("#", 1)[0].split(";", 1)[0].rstrip()
            if not line.strip() or line.lstrip().startswith("<"):
                continue
            if line[0] in " \t":  # a date restriction of the current record
                for code in _CODE_RE.findall(line):
                    span = _parse_restriction(code)
                    if span is not None:
                        spans.append(span)
                continue
            codes = _CODE_RE.findall(line)
            phrase = _CODE_RE.sub("", line).strip()
            if line.startswith("+"):
                words = _phrase_words(phrase[1:])
                if words:
                    phrases.append(words)
                for code in codes:
                    span = _parse_restriction(code)
                    if span is not None:
                        spans.append(span)
                continue
            flush()
            name = _PAREN.sub(" ", phrase).strip().rstrip("_ ").replace("_", " ").strip()
            spans = [s for s in map(_parse_restriction, codes) if s is not None]
            phrases = [w for w in [_phrase_words(phrase)] if w]
        flush()

    def _add_actor(self, words: tuple[str, ...], record: int, *, replace: bool) -> None:
        bucket = self.actors.setdefault(words[0], [])
        for i, (existing, _) in enumerate(bucket):
            if existing == words:
                if replace:
                    bucket[i] = (words, record)
                return  # within the Phoenix files the first (usually main) reading wins
        bucket.append((words, record))

    def load_agents(self, path: Path, *, replace: bool = False) -> None:
        """Read one agents file; with ``replace`` its phrases win over earlier ones."""
        subs: dict[str, list[str]] = {}
        for raw in _read_lines(path):
            line = raw.split("#", 1)[0].rstrip()
            if not line.strip() or line.startswith("<"):
                continue
            if line.startswith("!") and "=" in line and "[" not in line:
                marker, _, values = line.partition("=")
                subs[marker.strip()] = [v.strip() for v in values.split(",") if v.strip()]
                continue
            m = _CODE_RE.search(line)
            if not m:
                continue
            code = m.group(1).strip()
            body = line[: m.start()]
            plural: list[str] | None = None
            if "{" in body:
                body, _, rest = body.partition("{")
                plural = rest.split("}", 1)[0].split()
            phrase = body.strip()
            for expanded in _expand_markers(phrase, subs):
                stem = not expanded.endswith("_")
                words = _phrase_words(expanded)
                if not words:
                    continue
                forms = [words]
                if plural is None and "!" not in phrase:
                    forms.append((*words[:-1], _plural(words[-1])))
                elif plural:
                    forms.extend(_phrase_words(p) for p in plural)
                for form in forms:
                    if not form:
                        continue
                    bucket = self.agents.setdefault(form[0], [])
                    if replace:
                        bucket.insert(0, (form, code, stem))  # the first of equal length wins
                    else:
                        bucket.append((form, code, stem))

    # ---- matching ------------------------------------------------------------------------

    def find(self, words: Sequence[str]) -> list[LexMatch]:
        """Longest actor matches, then agent matches on the words no actor took.

        A one-word actor phrase that is also an agent ("SENATE", filed by Phoenix under the
        US Congress) is read as the agent: a role whose country comes from elsewhere.
        """
        key = tuple(words)
        found = self._found.get(key)
        if found is None:
            if len(self._found) >= FIND_CACHE_SIZE:
                self._found.clear()  # a long run's rare phrases: start again, stay bounded
            found = self._found[key] = tuple(self._scan(key))
        return list(found)

    def _scan(self, words: tuple[str, ...]) -> list[LexMatch]:
        matches: list[LexMatch] = []
        taken = [False] * len(words)
        i = 0
        while i < len(words):
            best: tuple[int, int] | None = None
            for phrase, record in self.actors.get(words[i], ()):
                n = len(phrase)
                if (best is None or n > best[0]) and tuple(words[i : i + n]) == phrase:
                    best = (n, record)
            if best is not None and best[0] == 1 and self._is_agent_word(words[i]):
                best = None
            if best is None and len(words[i]) > 4 and words[i].endswith("S"):
                # Plural demonyms: Phoenix lists "NIGERIAN" but not always "NIGERIANS".
                for phrase, record in self.actors.get(words[i][:-1], ()):
                    if len(phrase) == 1:
                        best = (1, record)
            if best is None:
                i += 1
                continue
            matches.append(LexMatch(i, i + best[0], actor=self.records[best[1]]))
            for k in range(i, i + best[0]):
                taken[k] = True
            i += best[0]
        for i, word in enumerate(words):
            if taken[i]:
                continue
            best_agent: tuple[int, str] | None = None
            for phrase, code, stem in self._agent_candidates(word):
                n = len(phrase)
                if best_agent is not None and n <= best_agent[0]:
                    continue
                if _agent_matches(phrase, words, i, stem):
                    best_agent = (n, code)
            if best_agent is not None:
                matches.append(LexMatch(i, i + best_agent[0], agent=best_agent[1]))
        return matches

    def _is_agent_word(self, word: str) -> bool:
        return any(len(phrase) == 1 for phrase, _, _ in self.agents.get(word, ()))

    def _agent_candidates(self, word: str) -> Iterator[tuple[tuple[str, ...], str, bool]]:
        yield from self.agents.get(word, ())
        # Stems ("MINISTR", "WARPLANE") also match longer words: look them up by prefix.
        for cut in range(len(word) - 1, 5, -1):
            for phrase, code, stem in self.agents.get(word[:cut], ()):
                if stem and len(phrase) == 1:
                    yield phrase, code, stem


def _agent_matches(phrase: tuple[str, ...], words: Sequence[str], i: int, stem: bool) -> bool:
    n = len(phrase)
    if i + n > len(words):
        return False
    for k in range(n - 1):
        if words[i + k] != phrase[k]:
            return False
    last = words[i + n - 1]
    return last == phrase[-1] or (stem and len(phrase[-1]) >= 6 and last.startswith(phrase[-1]))


def _plural(word: str) -> str:
    if word.endswith("Y") and len(word) > 2 and word[-2] not in "AEIOU":
        return word[:-1] + "IES"
    if word.endswith(("SS", "SH", "CH", "X")):
        return word + "ES"
    if word.endswith("MAN"):
        return word[:-3] + "MEN"
    return word + "S"


def _expand_markers(phrase: str, subs: dict[str, list[str]]) -> list[str]:
    out = [phrase]
    for marker, values in subs.items():
        if marker in phrase:
            out = [p.replace(marker, v) for p in out for v in values]
    return out


def _read_lines(path: Path) -> list[str]:
    """Dictionary lines; the country file mixes UTF-8 and Latin-1, so decode line by line."""
    out = []
    for raw in path.read_bytes().splitlines():
        try:
            out.append(raw.decode("utf-8"))
        except UnicodeDecodeError:
            out.append(raw.decode("latin-1"))
    return out


def build_lexicon(paths: Sequence[Path]) -> ActorLexicon:
    """Actor files first, then agent files; a ``newsdb.*`` file overrides the Phoenix ones."""
    lex = ActorLexicon()
    for path in paths:
        if path.name.endswith(".actors.txt"):
            lex.load_actors(path, replace=path.name.startswith("newsdb"))
    for path in paths:
        if path.name.endswith(".agents.txt"):
            lex.load_agents(path, replace=path.name.startswith("newsdb"))
    return lex


ACTORS = Lexicon("actors", build_lexicon, compiled=True)


def actor_lexicon() -> ActorLexicon:
    """All actor and agent dictionaries: parsed (about 1 s) or loaded compiled (~0.05 s)."""
    return ACTORS.get()
