"""What the coder leaves alone (transforms/events/scope.py): direct quotes, boilerplate, sport.

The quote marks themselves are the language layer's (tests/nlp/test_marks.py)."""

from __future__ import annotations

from transforms.events.scope import (
    discards,
    in_spans,
    is_boilerplate,
    merge_spans,
    story_discarded,
)
from transforms.nlp import load_nlp
from transforms.nlp.layout import DocLayout


def test_span_lookup() -> None:
    spans = merge_spans([(10, 20), (15, 30), (40, 50)])
    assert spans == [(10, 30), (40, 50)]
    assert [in_spans(c, spans) for c in (9, 10, 29, 30, 45, 50)] == [
        False,
        True,
        True,
        False,
        True,
        False,
    ]


def test_boilerplate_and_discards() -> None:
    doc = load_nlp()(
        "Read also: Oman's quiet diplomacy.\n\nThe army said it had suspended operations."
    )
    first, second = list(doc.sents)[:2]
    layout = DocLayout(doc)
    assert is_boilerplate(first, layout) and not is_boilerplate(second, layout)
    assert discards().sentence_hit("A 94th-minute penalty sent them into the semi-final.")
    assert not discards().sentence_hit("Troops returned to the area on Sunday.")
    assert discards().story_hit("City fans sang until the final whistle.")


def test_a_sport_lead_discards_the_story() -> None:
    doc = load_nlp()(
        "Harbour City reached the Challenge Cup final after a semi-final win on Wednesday.\n\n"
        "The manager accused the referee of bias."
    )
    assert story_discarded(DocLayout(doc), list(doc.sents))
