"""The one quote-mark scanner (transforms/nlp/marks.py) and the layout's boilerplate lines
(transforms/nlp/layout.py): pure text, no spaCy."""

from __future__ import annotations

import pytest

from transforms.nlp.layout import text_blocks
from transforms.nlp.marks import find_quote_spans


def quoted(text: str) -> list[str]:
    """The text of every top-level quotation, with "…|" marking one left open at line end."""
    out = []
    for span in find_quote_spans(text, text_blocks(text)):
        assert text[span.start : span.end] == text[span.start : span.end].strip()
        out.append(text[span.start : span.end] + ("" if span.close is not None else "…|"))
    return out


def test_curly_marks_pair_and_keep_final_punctuation() -> None:
    text = "“We will rebuild,” the mayor said. “Every house.”"
    assert quoted(text) == ["We will rebuild,", "Every house."]


def test_mixed_curly_and_straight_marks_pair_with_each_other() -> None:
    text = '“The tide came in fast," a fisherman said. "Nobody was ready.”'
    assert quoted(text) == ["The tide came in fast,", "Nobody was ready."]


def test_single_quotes_nested_in_double_quotes_stay_inside() -> None:
    text = "“They keep saying ‘wait and see’, but we can’t wait,” she said."
    assert quoted(text) == ["They keep saying ‘wait and see’, but we can’t wait,"]


def test_straight_double_quote_nested_inside_curly_quote() -> None:
    text = '“They call it "the plan", but there is no plan,” he said.'
    assert quoted(text) == ['They call it "the plan", but there is no plan,']


def test_apostrophes_never_open_a_quote() -> None:
    text = "The workers’ union didn’t say whether Turkey’s offer was final."
    assert quoted(text) == []


def test_unclosed_quote_runs_to_the_end_of_its_paragraph_only() -> None:
    text = 'Berg said: "First part of a long answer.\n\n"Second part."'
    assert quoted(text) == ["First part of a long answer.…|", "Second part."]


def test_guillemets_are_quotation_marks() -> None:
    assert quoted("Il a dit « non merci » et il est parti.") == ["non merci"]


def test_inch_marks_are_not_quotes() -> None:
    assert quoted('The pipe was 12" wide and rusted.') == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("‘We’re ready,’ said coach Amy Ford.", ["We’re ready,"]),
        # A plural possessive is not a closing mark when a later one can close.
        ("‘The workers’ union is strong,’ he said.", ["The workers’ union is strong,"]),
        ("'It's over,' she said. 'Done.'", ["It's over,", "Done."]),
    ],
)
def test_single_quote_house_style_when_a_document_has_no_double_marks(
    text: str, expected: list[str]
) -> None:
    assert quoted(text) == expected


@pytest.mark.parametrize(
    "line",
    [
        "Read also: Minister says 'no deal' is off the table",
        "**Related article:** [Russia says it warned Syria](#)",
        "Follow us on Facebook and Twitter for the latest news.",
        "2 min read",
        "Reuters contributed reporting to this article.",
    ],
)
def test_boilerplate_lines_are_flagged(line: str) -> None:
    (block,) = text_blocks(line)
    assert block.boilerplate


def test_article_lines_are_not_boilerplate() -> None:
    text = "Read the statement, she said, and you will see.\n\nFollowing us, the convoy moved."
    assert [b.boilerplate for b in text_blocks(text)] == [False, False]


# --- the spans both extractors read, marks included ---------------------------------------


def quoted_spans(text: str) -> list[tuple[int, int]]:
    """The quotations the language layer's scanner finds, marks included."""
    return [(s.open, s.outer_end) for s in find_quote_spans(text, text_blocks(text))]


def test_quoted_spans_pair_curly_and_straight_marks() -> None:
    text = 'He said “we will strike” and "they will answer".'
    spans = quoted_spans(text)
    assert [text[a:b] for a, b in spans] == ["“we will strike”", '"they will answer"']


def test_an_open_quote_runs_to_the_end_of_its_paragraph() -> None:
    text = "“First paragraph of a long quote.\n\n“Second paragraph,” she said."
    spans = quoted_spans(text)
    assert [text[a:b] for a, b in spans] == [
        "“First paragraph of a long quote.",
        "“Second paragraph,”",
    ]


def test_apostrophes_are_not_quotes() -> None:
    assert quoted_spans("The ministry’s statement and the PKK’s wing.") == []


def test_two_apostrophes_are_a_double_mark() -> None:
    """Archive and wire copy write double marks as two apostrophes."""
    text = "''The levee will hold,'' the engineer said. He added, ''for now.'' It's ''risky''."
    assert quoted(text) == ["The levee will hold,", "for now.", "risky"]


def test_apostrophes_alone_stay_apostrophes_beside_two_apostrophe_quotes() -> None:
    text = "The farmers' union said, ''We won't sell.''"
    assert quoted(text) == ["We won't sell."]
