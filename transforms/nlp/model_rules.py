"""The model's two rule-based components, run as table lookups with the same results.

``en_core_web_sm`` ends its statistical part with two components that learn nothing:

* ``attribute_ruler`` maps each fine tag to a coarse part of speech and morphology, plus a few
  word-specific exceptions, through a ``Matcher`` holding every rule. Testing every rule at every
  token made it cost more than the tagger and the parser's share that selective parsing could
  ever save (see ``bench/parse_share.py``).
* ``lemmatizer`` (rule mode) recomputes the lemma of a base form for every occurrence, since
  spaCy caches only the forms it had to derive.

``AttributeTable`` indexes the ruler's own patterns by the word or tag their first token needs,
so a token is tested only against the rules that can match it, and hands the matches to the
ruler's own ``set_annotations`` in the order the ruler uses (a later rule wins). ``LemmaCache``
remembers the stock lemmatizer's answer per (word, part of speech, morphology), which is all the
rule lemmatizer reads (spaCy recomputes the base forms it does not cache), and gives it its word
lists as sets. Both keep the stock components in the pipeline, disabled, so the tests
compare the two on the same text, and a model whose rules use a pattern feature this module does
not know keeps its stock ruler (``AttributeTable.compile`` returns ``None``).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from spacy.language import Language
from spacy.pipeline import AttributeRuler, Lemmatizer
from spacy.tokens import Doc, Token

#: The token features the ruler's patterns may test, read the way the ``Matcher`` reads them.
_FEATURES: dict[str, Callable[[Token], str | bool]] = {
    "TAG": lambda t: t.tag_,
    "LOWER": lambda t: t.lower_,
    "ORTH": lambda t: t.text,
    "DEP": lambda t: t.dep_,
    "POS": lambda t: t.pos_,
    "IS_SPACE": lambda t: t.is_space,
}

#: The features a rule can be filed under, most selective first.
_INDEXED = ("LOWER", "ORTH", "TAG", "DEP", "POS", "IS_SPACE")

#: Distinct (word, part of speech, morphology) lemmas kept before the cache starts over, so a
#: worker reading millions of documents keeps its memory flat.
LEMMA_CACHE_SIZE = 200_000


@dataclass(frozen=True, slots=True)
class _Test:
    """One feature test of one pattern token: the value is (``IN``) or is not (``NOT_IN``) one
    of ``values``, or matches a regex."""

    feature: str
    values: frozenset[str | bool] | None
    regex: re.Pattern[str] | None
    negated: bool = False

    def __call__(self, token: Token) -> bool:
        value = _FEATURES[self.feature](token)
        if self.regex is not None:
            return isinstance(value, str) and self.regex.search(value) is not None
        return self.values is not None and (value in self.values) != self.negated


@dataclass(frozen=True, slots=True)
class _Rule:
    """One pattern of the ruler: ``attr_id`` is its rule's position (later rules win)."""

    attr_id: int
    match_id: int
    tokens: tuple[tuple[_Test, ...], ...]

    def matches_at(self, doc: Doc, start: int) -> bool:
        end = start + len(self.tokens)
        if end > len(doc):
            return False
        return all(all(test(doc[start + k]) for test in spec) for k, spec in enumerate(self.tokens))


def _test(feature: str, spec: Any) -> _Test | None:
    """The test for ``{feature: spec}``, or ``None`` for a form this module does not read."""
    if feature not in _FEATURES:
        return None
    if isinstance(spec, (str, bool)):
        return _Test(feature, frozenset([spec]), None)
    if isinstance(spec, dict) and len(spec) == 1:
        ((op, arg),) = spec.items()
        if op in ("IN", "NOT_IN") and isinstance(arg, list):
            return _Test(feature, frozenset(arg), None, negated=op == "NOT_IN")
        if op == "REGEX" and isinstance(arg, str):
            return _Test(feature, None, re.compile(arg))
    return None


class AttributeTable:
    """The attribute ruler's rules, indexed by the word or tag their first token needs."""

    def __init__(self, ruler: AttributeRuler, rules: list[_Rule]) -> None:
        self.ruler = ruler
        #: feature -> value -> the rules whose first token needs that value (a rule is filed
        #: under the first feature of ``_INDEXED`` its first token tests for equality).
        self.index: dict[str, dict[str | bool, list[_Rule]]] = {}
        self.anywhere: list[_Rule] = []
        for rule in rules:
            first = {test.feature: test for test in rule.tokens[0]}
            indexed = [first[f] for f in _INDEXED if f in first and not first[f].negated]
            key = next((test for test in indexed if test.values), None)
            if key is None or key.values is None:
                self.anywhere.append(rule)
                continue
            for value in key.values:
                self.index.setdefault(key.feature, {}).setdefault(value, []).append(rule)
        self.readers = [(_FEATURES[feature], by_value) for feature, by_value in self.index.items()]

    @classmethod
    def compile(cls, ruler: AttributeRuler) -> AttributeTable | None:
        """The table for ``ruler``'s patterns, or ``None`` if one uses a feature or operator
        this module does not read (the stock ruler then stays in use)."""
        rules: list[_Rule] = []
        for attr_id in range(len(ruler.attrs)):
            key = str(attr_id)
            for pattern in ruler.matcher.get(key)[1]:
                tokens: list[tuple[_Test, ...]] = []
                for token_spec in pattern:
                    tests = [_test(feature, spec) for feature, spec in token_spec.items()]
                    if not tests or any(t is None for t in tests):
                        return None
                    tokens.append(tuple(t for t in tests if t is not None))
                rules.append(_Rule(attr_id, ruler.vocab.strings[key], tuple(tokens)))
        return cls(ruler, rules)

    def match(self, doc: Doc) -> list[tuple[int, int, int, int]]:
        """What ``AttributeRuler.match`` returns: (rule, match id, start, end), sorted."""
        found: set[tuple[int, int, int, int]] = set()
        for token in doc:
            i = token.i
            for read, by_value in self.readers:
                for rule in by_value.get(read(token), ()):
                    if rule.matches_at(doc, i):
                        found.add((rule.attr_id, rule.match_id, i, i + len(rule.tokens)))
            for rule in self.anywhere:
                if rule.matches_at(doc, i):
                    found.add((rule.attr_id, rule.match_id, i, i + len(rule.tokens)))
        return sorted(found)

    def __call__(self, doc: Doc) -> Doc:
        self.ruler.set_annotations(doc, self.match(doc))
        return doc

    def pipe(self, docs: Iterable[Doc], batch_size: int = 128) -> Iterator[Doc]:
        for doc in docs:
            yield self(doc)


class LemmaCache:
    """The rule lemmatizer's lemmas, remembered per (word, part of speech, morphology)."""

    def __init__(self, lemmatizer: Lemmatizer) -> None:
        self.lemmatizer = lemmatizer
        self.cache: dict[tuple[int, int, int], str] = {}
        # The rule lemmatizer asks only whether a candidate form is a known word of its part of
        # speech, of word lists tens of thousands long: sets answer that at once, where the
        # lists are read through on every new word.
        if lemmatizer.lookups.has_table("lemma_index"):
            index = lemmatizer.lookups.get_table("lemma_index")
            for pos in list(index.keys()):
                words = index[pos]
                if isinstance(words, list):
                    index[pos] = frozenset(words)

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        lemmatize, overwrite = self.lemmatizer.lemmatize, self.lemmatizer.overwrite
        cache = self.cache
        rows = doc.to_array(["ORTH", "POS", "MORPH", "LEMMA"]).tolist()
        for token, (orth, pos, morph, lemma) in zip(doc, rows, strict=True):
            if lemma and not overwrite:
                continue  # set by the attribute ruler's exceptions
            key = (orth, pos, morph)
            found = cache.get(key)
            if found is None:
                if len(cache) >= LEMMA_CACHE_SIZE:
                    cache.clear()
                    self.lemmatizer.cache.clear()
                found = cache[key] = lemmatize(token)[0]
            token.lemma_ = found
        return doc

    def pipe(self, docs: Iterable[Doc], batch_size: int = 128) -> Iterator[Doc]:
        for doc in docs:
            yield self(doc)


@Language.factory(
    "newsdb_attribute_table",
    requires=["token.tag", "token.dep"],
    assigns=["token.pos", "token.morph", "token.lemma"],
)
def make_attribute_table(nlp: Language, name: str) -> Callable[[Doc], Doc]:
    """The model's ``attribute_ruler`` as a table (added after it; ``use_model_rules`` then
    disables the stock one). Falls back to the stock ruler for rules the table cannot read."""
    ruler = nlp.get_pipe("attribute_ruler")
    assert isinstance(ruler, AttributeRuler)
    table = AttributeTable.compile(ruler)
    return table if table is not None else ruler


@Language.factory(
    "newsdb_lemma_cache", requires=["token.pos", "token.morph"], assigns=["token.lemma"]
)
def make_lemma_cache(nlp: Language, name: str) -> LemmaCache:
    """The model's rule ``lemmatizer`` behind a cache (added after it; ``use_model_rules``
    then disables the stock one)."""
    lemmatizer = nlp.get_pipe("lemmatizer")
    assert isinstance(lemmatizer, Lemmatizer)
    return LemmaCache(lemmatizer)


#: The stock rule component each replacement stands for.
REPLACES = {"newsdb_attribute_table": "attribute_ruler", "newsdb_lemma_cache": "lemmatizer"}


def use_model_rules(nlp: Language) -> None:
    """Put the table and the cache in place of the stock rule components (kept, disabled)."""
    for replacement, stock in REPLACES.items():
        nlp.add_pipe(replacement, after=stock)
        nlp.disable_pipe(stock)
