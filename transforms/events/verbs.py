"""PETRARCH2's CAMEO verb dictionary: parsed once, matched against spaCy's dependency parse.

The dictionary (``lexicons/CAMEO.2.0.txt``, format in ``petrarch2/dictionaries-format.rst``) has
three parts. *Synsets* (``&MILITARY``) name groups of interchangeable nouns. *Verb blocks*
(``--- ATTACK [190] ---``) list synonymous verbs, each optionally with irregular forms in
``{...}`` and its own code in ``[...]``, then *patterns* (``- * (FOR {FINANCIAL AID}) [0231]``)
that refine the code by the nouns found around the verb. A pattern reads
``PRE-VERB NOUNS * POST-VERB NOUNS (PREPOSITION NOUN)``; a braced ``{A B}`` is a noun phrase whose
last word is the head. ``lexicons/newsdb.verbs.txt`` uses the same format and is read after the
CAMEO file: a verb listed there replaces the CAMEO entry for that verb (see that file's notes).

PETRARCH matched patterns against a constituency parse; here a pattern matches a :class:`Frame`
built from the dependency parse: subject heads for the pre-verb nouns, object heads for the
post-verb nouns and (preposition, object) pairs for the parenthesised parts. The most specific
matching pattern wins; with none, the verb's own code (or its block's) applies. ``[---]`` means
"no event", which is how the dictionary vetoes readings such as "killed in a car crash".

Transformations (``~`` lines) are not used: the coder handles reported speech itself.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from spacy.tokens import Doc, Token

from transforms.events.patterns import (
    Frame,
    NounSpec,
    PatternIndex,
    PrepSpec,
    VerbPattern,
    best_pattern,
    index_patterns,
)
from transforms.nlp.registry import Lexicon

_BLOCK_HEADER = re.compile(r"^---\s+(\S+)\s+\[([^\]]*)\]")
_CODE = re.compile(r"\[([^\]]*)\]")
_PATTERN_TOKEN = re.compile(r"\{[^}]*\}|\([^)]*\)|[^\s{}()]+")


def _clean_code(raw: str) -> str | None:
    """``"042:043"`` -> ``"042"``; ``"---"``, ``""`` and target-only ``":110"`` -> None.

    The part after ':' is the code of the reciprocal event (host vs visit), which PLOVER folds
    into one record; a code with only that part describes what happens *to* the subject
    ("faces criticism"), which is not an act of the subject, so it yields no event.
    """
    code = raw.split(":", 1)[0].strip()
    if not code or code.startswith("-") or not code.isdigit():
        return None
    return code


def _plurals(word: str) -> set[str]:
    """PETRARCH's regular plurals: +S, Y -> IES, SS -> SSES."""
    if word.endswith("y") and len(word) > 2 and word[-2] not in "aeiou":
        return {word[:-1] + "ies"}
    if word.endswith(("ss", "sh", "ch", "x")):
        return {word + "es"}
    return {word + "s"}


def _verb_forms(base: str) -> set[str]:
    """Regular inflections of an English verb (the dictionary lists irregular ones itself)."""
    forms = {base}
    if base.endswith("e"):
        forms |= {base + "s", base + "d", base[:-1] + "ing"}
    elif base.endswith("y") and len(base) > 2 and base[-2] not in "aeiou":
        forms |= {base[:-1] + "ies", base[:-1] + "ied", base + "ing"}
    elif base.endswith(("s", "x", "z", "ch", "sh")):
        forms |= {base + "es", base + "ed", base + "ing"}
    else:
        forms |= {base + "s", base + "ed", base + "ing"}
    return forms


@dataclass(slots=True)
class VerbBlock:
    name: str
    code: str | None
    patterns: list[VerbPattern] = field(default_factory=list)
    #: ``index_patterns(patterns)``, built once the patterns are final (None until then).
    index: PatternIndex | None = None


@dataclass(frozen=True, slots=True)
class VerbEntry:
    """One verb (or multi-word verb) of a block. ``before``/``after`` are the other words."""

    verb: str
    block: VerbBlock
    code: str | None  # the verb's own code if it has one, else the block's
    before: tuple[str, ...] = ()
    after: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class VerbHit:
    """The dictionary's reading of one trigger."""

    code: str | None  # CAMEO code; None = the dictionary says "no event"
    verb: str  # the dictionary verb, e.g. "CARRY_OUT"
    block: str
    pattern: str | None  # the pattern that set the code, if any
    span_end: int  # index after the last token of the (multi-word) trigger


class VerbDictionary:
    """Verb forms -> entries, with each block's patterns; built once per process."""

    def __init__(self) -> None:
        self.synsets: dict[str, frozenset[str]] = {}
        self.blocks: dict[str, VerbBlock] = {}
        self.by_form: dict[str, list[VerbEntry]] = {}

    # ---- parsing -------------------------------------------------------------------------

    def load(self, path: Path, *, override: bool = False) -> None:
        """Read one dictionary file.

        With ``override`` (newsdb's additions) a verb listed in the file replaces every earlier
        reading of that verb, and a block header naming an existing block extends that block:
        its patterns are tried before the block's own, and its code is the default for the
        verbs listed under it, without changing the code of the block's other verbs.
        """
        block: VerbBlock | None = None
        default: str | None = None
        replaced: set[str] = set()
        synset_label: str | None = None
        synset_plurals = True
        added_patterns: list[VerbPattern] = []
        for raw in path.read_text(encoding="utf-8", errors="replace").splitlines():
            line = raw.split("#", 1)[0].rstrip()
            if not line.strip():
                continue
            if line.startswith("&"):
                label = line.split()[0]
                synset_plurals = not label.endswith("_")
                synset_label = label.rstrip("_")
                self.synsets.setdefault(synset_label, frozenset())
                continue
            if synset_label is not None and block is None and line.startswith("+"):
                word = line[1:].strip().lower()
                forms = {word.rstrip("_").split("_")[-1]}
                if synset_plurals and not word.endswith("_"):
                    forms |= {p for f in forms for p in _plurals(f)}
                self.synsets[synset_label] = self.synsets[synset_label] | forms
                continue
            header = _BLOCK_HEADER.match(line)
            if header:
                if block is not None and added_patterns:
                    block.patterns[:0] = added_patterns
                    block.index = None
                added_patterns = []
                synset_label = None
                name, default = header.group(1), _clean_code(header.group(2))
                if override and name in self.blocks:
                    block = self.blocks[name]
                else:
                    block = VerbBlock(name, default)
                    self.blocks[name] = block
                continue
            if block is None:
                continue
            if line.startswith("-"):
                pattern = self._parse_pattern(line)
                if pattern is not None:
                    added_patterns.append(pattern)
                continue
            if line.startswith("~"):
                continue  # transformations: not used (see module docstring)
            self._add_verb(line, block, default, override=override, replaced=replaced)
        if block is not None and added_patterns:
            block.patterns[:0] = added_patterns
            block.index = None

    def _add_verb(
        self,
        line: str,
        block: VerbBlock,
        default: str | None,
        *,
        override: bool,
        replaced: set[str],
    ) -> None:
        code_match = _CODE.search(line)
        own = _clean_code(code_match.group(1)) if code_match else None
        has_own = code_match is not None
        text = _CODE.sub("", line)
        irregular: list[str] = []
        if "{" in text:
            head, _, rest = text.partition("{")
            irregular = rest.split("}", 1)[0].split()
            text = head
        words = text.split()
        if not words:
            return
        phrase = words[0]
        entry_code = own if has_own else default
        for form_phrase, forms in self._forms_of(phrase, irregular):
            parts = form_phrase.split("_")
            idx = next((i for i, p in enumerate(parts) if p.startswith("+")), 0)
            verb_word = parts[idx].lstrip("+")
            entry = VerbEntry(
                verb=phrase.replace("+", ""),
                block=block,
                code=entry_code,
                before=tuple(p.lstrip("+") for p in parts[:idx]),
                after=tuple(p.lstrip("+") for p in parts[idx + 1 :]),
            )
            for form in forms if forms else {verb_word}:
                key = f"{form}\x1f{entry.verb}"
                if override and key not in replaced:
                    # Replace earlier readings of this verb only: "BACKED_DOWN" must not
                    # remove "BACKED" as a form of BACK.
                    kept = [e for e in self.by_form.get(form, []) if e.verb != entry.verb]
                    self.by_form[form] = kept
                    replaced.add(key)
                self.by_form.setdefault(form, []).append(entry)

    @staticmethod
    def _forms_of(phrase: str, irregular: list[str]) -> Iterable[tuple[str, set[str]]]:
        """(phrase, verb-word forms) pairs: the base phrase and every listed irregular form."""
        phrase = phrase.lower()
        parts = phrase.split("_")
        idx = next((i for i, p in enumerate(parts) if p.startswith("+")), 0)
        base = parts[idx].lstrip("+").rstrip("_")
        if not base:
            return
        listed = [w.lower() for w in irregular]
        if not listed:
            yield phrase, _verb_forms(base)
            return
        yield phrase, {base}
        for form_phrase in listed:
            fparts = form_phrase.split("_")
            fidx = next((i for i, p in enumerate(fparts) if p.startswith("+")), idx)
            fidx = min(fidx, len(fparts) - 1)
            yield form_phrase, {fparts[fidx].lstrip("+")}

    def _noun(self, text: str) -> NounSpec | None:
        """``WORD``, ``&SYNSET``, ``{A B HEAD}`` or ``A_B_HEAD`` -> NounSpec."""
        text = text.strip().strip("{}").replace("_", " ")
        words = [w for w in text.split() if w not in {"+", "$", "%", "^"}]
        if not words:
            return None
        slots = [self._alternatives(w) for w in words]
        if any(not s for s in slots):
            return None
        return NounSpec(head=slots[-1], mods=tuple(slots[:-1]))

    def _alternatives(self, word: str) -> frozenset[str]:
        if word.startswith("&"):
            return self.synsets.get(word.rstrip("_"), frozenset())
        w = word.lower()
        return frozenset({w} | _plurals(w))

    def _parse_pattern(self, line: str) -> VerbPattern | None:
        code_match = _CODE.search(line)
        if not code_match:
            return None
        body = line[1 : code_match.start()].strip()
        tokens = _PATTERN_TOKEN.findall(body)
        if "*" not in tokens:
            return None  # e.g. "SPY_*_DEAL": a glued pattern the parser cannot place
        star = tokens.index("*")
        pre: list[NounSpec] = []
        post: list[NounSpec] = []
        preps: list[PrepSpec] = []
        for i, tok in enumerate(tokens):
            if tok in {"*", "+", "$", "%", "^"}:
                continue
            if tok.startswith("("):
                inner = tok[1:-1].split(None, 1)
                if not inner:
                    continue
                prep_words = frozenset(p.lower() for p in inner[0].split("/"))
                noun = self._noun(inner[1]) if len(inner) > 1 else None
                if len(inner) > 1 and noun is None:
                    return None  # undefined synset: PETRARCH ignores the pattern too
                preps.append(PrepSpec(prep_words, noun))
                continue
            noun = self._noun(tok)
            if noun is None:
                return None
            (pre if i < star else post).append(noun)
        pattern = VerbPattern(
            code=_clean_code(code_match.group(1)),
            pre=tuple(pre),
            post=tuple(post),
            preps=tuple(preps),
            text=body,
        )
        return replace(pattern, weight=pattern.specificity())

    # ---- matching ------------------------------------------------------------------------

    def entries(self, token: Token) -> list[VerbEntry]:
        """Dictionary entries whose verb word is this token (by form, then by lemma)."""
        found = self.by_form.get(token.lower_)
        if found is None:
            found = self.by_form.get(token.lemma_.lower(), [])
        return found

    def lookup(self, token: Token, frame: Frame) -> VerbHit | None:
        """The dictionary's code for ``token`` used as a verb in ``frame``, or None if unlisted."""
        entries = self.entries(token)
        if not entries:
            return None
        doc = token.doc
        best: tuple[int, VerbEntry, int] | None = None
        for entry in entries:
            end = _multiword_end(doc, token, entry)
            if end is None:
                continue
            size = len(entry.before) + len(entry.after)
            if best is None or size > best[0]:
                best = (size, entry, end)
        if best is None:
            return None
        _, entry, end = best
        block = entry.block
        if block.index is None:  # a dictionary loaded by hand, not by build_dictionary
            block.index = index_patterns(block.patterns)
        pattern = best_pattern(block.patterns, frame, block.index)
        if pattern is not None:
            return VerbHit(pattern.code, entry.verb, block.name, pattern.text, end)
        return VerbHit(entry.code, entry.verb, block.name, None, end)


def _multiword_end(doc: Doc, token: Token, entry: VerbEntry) -> int | None:
    """Index after the entry's words if they surround ``token`` in the text, else None.

    The words after the verb may also be its particle or preposition child placed after the
    object ("carried the raid out"): dependency children count as adjacent.
    """
    i = token.i
    for k, word in enumerate(reversed(entry.before)):
        j = i - 1 - k
        if j < 0 or doc[j].lower_ != word:
            return None
    end = i + 1
    for word in entry.after:
        if end < len(doc) and doc[end].lower_ == word:
            end += 1
            continue
        if any(c.lower_ == word and c.dep_ in {"prt", "prep"} for c in token.children):
            continue
        return None
    return end


def build_dictionary(paths: Sequence[Path]) -> VerbDictionary:
    """The CAMEO file, then newsdb's, whose verbs replace CAMEO's entries."""
    vd = VerbDictionary()
    for k, path in enumerate(paths):
        vd.load(path, override=k > 0)
    for block in vd.blocks.values():
        # Most specific first; sort is stable, so newsdb's patterns (inserted first) win ties.
        block.patterns.sort(key=lambda p: -p.weight)
        block.patterns[:] = [p for p in block.patterns if p.weight > 0]
        block.index = index_patterns(block.patterns)
    return vd


VERBS = Lexicon("verbs", build_dictionary, compiled=True)


def verb_dictionary() -> VerbDictionary:
    """The CAMEO dictionary plus newsdb's additions: parsed (~0.4 s) or loaded compiled."""
    return VERBS.get()
