"""What real news asks of the quote stage (issue 10): archive quote marks, speakers resolved by
gender, surname and role, speakers that can speak, names without credits or roles, and only
speech as indirect quotes. Every sentence is written for this test (fictional people)."""

from __future__ import annotations

from transforms.model import QuoteRecord
from transforms.nlp import new_doc, parse
from transforms.quotes import extract_quotes


def quotes(text: str) -> list[QuoteRecord]:
    (doc,) = parse([new_doc(text, doc_id="doc-1")])
    records = extract_quotes(doc)
    for r in records:
        assert doc.text[r.char_start : r.char_end] == r.quote_text
    return records


def one(records: list[QuoteRecord], fragment: str) -> QuoteRecord:
    found = [r for r in records if fragment in r.quote_text]
    assert len(found) == 1, [(r.quote_text, r.speaker) for r in records]
    return found[0]


# --- quote marks ---------------------------------------------------------------------------------


def test_two_apostrophes_quote_like_a_double_mark() -> None:
    records = quotes(
        "''We will not close the clinic,'' said Marta Quist, the health commissioner. "
        "''Not this year.''"
    )
    first = one(records, "clinic")
    assert (first.quote_type, first.speaker) == ("direct", "Marta Quist")
    assert one(records, "Not this year").speaker == "Marta Quist"


# --- resolution by gender, surname and family -----------------------------------------------------


def test_she_is_the_woman_named_even_after_a_man_spoke() -> None:
    records = quotes(
        "Senator Nina Halvorsen met Governor Peter Lund on Friday.\n\n"
        '"The bridge is our priority," Lund said.\n\n'
        '"We have the money," she said.'
    )
    assert one(records, "bridge").speaker == "Peter Lund"
    assert one(records, "money").speaker == "Nina Halvorsen"


def test_an_honorific_keeps_relatives_who_share_a_surname_apart() -> None:
    records = quotes(
        "Daniel Ferrante and his wife, Laura Ferrante, run the bakery on Elm Street.\n\n"
        '"We bake at four every morning," Mr. Ferrante said.\n\n'
        '"And I do the books," Mrs. Ferrante said.'
    )
    assert one(records, "four every morning").speaker == "Daniel Ferrante"
    assert one(records, "the books").speaker == "Laura Ferrante"
