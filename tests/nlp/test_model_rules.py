"""The model's rule components as lookups (transforms/nlp/model_rules.py): the same part of
speech, morphology and lemma as the stock ``attribute_ruler`` and ``lemmatizer`` on every token."""

from __future__ import annotations

import pytest
from spacy.language import Language
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc

from transforms.nlp import model_rules
from transforms.nlp.model_rules import AttributeTable, LemmaCache
from transforms.nlp.pipeline import load_nlp

#: Written for this test: contractions, colloquial fusions the ruler lemmatises, pronouns whose
#: case it sets, spaces, numbers, titles and quote marks.
TEXTS = [
    "The minister said on Monday that the army ain't gonna leave, and let's be clear: "
    "we won't accept it.",
    "\u201cThey struck 12 targets,\u201d she told reporters.  He didn't confirm it.\n\n"
    "Officials gotta wait, a spokesman said, while the U.S. and its allies weren't consulted.",
    "I'm sure his predecessors' own ministers had been warned; it's theirs, not ours.",
    "Troops fired on protesters in the capital, killing three and wounding dozens more.",
]

ATTRS = ("tag_", "pos_", "morph", "lemma_", "dep_")


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_nlp()


def _parsed(nlp: Language, text: str) -> Doc:
    """``text`` through the model up to, not including, the rule components."""
    doc = nlp.make_doc(text)
    for name in ("tok2vec", "tagger", "newsdb_paragraph_breaks", "parser"):
        doc = nlp.get_pipe(name)(doc)
    return doc


def _copy(doc: Doc) -> Doc:
    return Doc(doc.vocab).from_bytes(doc.to_bytes())


def _readings(doc: Doc) -> list[tuple[str, ...]]:
    return [tuple(str(getattr(t, a)) for a in ATTRS) for t in doc]


def test_the_pipeline_runs_the_lookups_in_place_of_the_stock_components(nlp: Language) -> None:
    assert "newsdb_attribute_table" in nlp.pipe_names and "newsdb_lemma_cache" in nlp.pipe_names
    assert "attribute_ruler" in nlp.disabled and "lemmatizer" in nlp.disabled
    # compiled, not the stock ruler it falls back to
    assert isinstance(nlp.get_pipe("newsdb_attribute_table"), AttributeTable)


@pytest.mark.parametrize("text", TEXTS)
def test_lookups_give_the_stock_components_readings(nlp: Language, text: str) -> None:
    stock = _parsed(nlp, text)
    ours = _copy(stock)
    nlp.get_pipe("lemmatizer")(nlp.get_pipe("attribute_ruler")(stock))
    nlp.get_pipe("newsdb_lemma_cache")(nlp.get_pipe("newsdb_attribute_table")(ours))
    assert _readings(ours) == _readings(stock)
    if "gonna" in text:  # a two-token exception of the ruler's
        assert [t.lemma_ for t in ours if t.lower_ in ("gon", "na")] == ["go", "to"]


def test_the_lemma_cache_starts_over_when_full_and_keeps_the_same_lemmas(
    nlp: Language, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(model_rules, "LEMMA_CACHE_SIZE", 3)
    lemmas = LemmaCache(nlp.get_pipe("lemmatizer"))
    table = nlp.get_pipe("newsdb_attribute_table")
    doc = lemmas(table(_parsed(nlp, TEXTS[3])))
    assert len(lemmas.cache) <= 3
    assert [t.lemma_ for t in doc][:4] == ["troop", "fire", "on", "protester"]


def test_a_rule_the_table_cannot_read_keeps_the_stock_ruler(nlp: Language) -> None:
    ruler = AttributeRuler(nlp.vocab)
    ruler.add([[{"LOWER": "x", "LENGTH": {">=": 1}}]], {"POS": "X"})
    assert AttributeTable.compile(ruler) is None
    ruler = AttributeRuler(nlp.vocab)
    ruler.add([[{"LOWER": {"IN": ["x", "y"]}}, {"TAG": {"NOT_IN": ["NN"]}}]], {"LEMMA": "z"})
    table = AttributeTable.compile(ruler)
    assert table is not None
    doc = nlp.make_doc("y z x")
    doc[1].tag_, doc[2].tag_ = "VB", "NN"
    assert [(s, e) for _, _, s, e in table.match(doc)] == [(0, 2)]
