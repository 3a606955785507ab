"""The quote scorer: positional word overlap, one-to-one matching, speaker comparison."""

from __future__ import annotations

from transforms.model import QuoteRecord
from transforms.quotes.score import (
    Article,
    GoldQuote,
    fallback_text,
    locate,
    overlap,
    score_article,
    speaker_matches,
    total,
)

TEXT = (
    "The ministry said the talks had failed. The ministry said the talks had failed again.\n\n"
    '"We will not give up," the minister said.'
)


def record(text: str, start: int, speaker: str | None = "ministry") -> QuoteRecord:
    return QuoteRecord(
        quote_id=f"q{start}",
        doc_id="d",
        quote_text=text,
        char_start=start,
        char_end=start + len(text),
        quote_type="indirect",
        speaker=speaker,
    )


def article(*gold: GoldQuote) -> Article:
    return Article("a", TEXT, locate(TEXT, list(gold)))


def test_gold_spans_are_located_in_order() -> None:
    first, second = locate(
        TEXT,
        [GoldQuote("the talks had failed", "indirect", ("m",))] * 1
        + [GoldQuote("the talks had failed again", "indirect", ("m",))],
    )
    assert TEXT[first.start : first.end] == "the talks had failed"
    assert second.start > first.start


def test_overlap_is_positional_not_bag_of_words() -> None:
    (gold,) = locate(TEXT, [GoldQuote("the talks had failed again", "indirect", ("m",))])
    same_words_elsewhere = record("the talks had failed", TEXT.index("the talks"))
    assert overlap(TEXT, gold, same_words_elsewhere) == 0.0
    half = record("the talks had", TEXT.rindex("the talks"))
    assert overlap(TEXT, gold, half) == 3 / 5


def test_matching_is_one_to_one_and_counts_false_positives() -> None:
    gold = GoldQuote("We will not give up,", "direct", ("Minister",))
    start = TEXT.index("We will")
    preds = [record("We will not give up,", start, "minister"), record("We will", start)]
    score = score_article(article(gold), preds)
    assert len(score.pairs) == 1 and score.pairs[0].pred is preds[0]
    assert score.false_positives == [preds[1]]
    totals = total([score])
    assert (totals.precision, totals.recall) == (0.5, 1.0)


def test_optional_gold_is_neither_a_hit_nor_a_false_positive() -> None:
    optional = GoldQuote("the talks had failed", "indirect", ("m",), optional=True)
    score = score_article(article(optional), [record("the talks had failed", TEXT.index("the"))])
    totals = total([score])
    assert (totals.gold, totals.matched, totals.false_positives) == (0, 0, 0)
    assert score.misses == []


def test_speaker_comparison_follows_the_fullest_name_convention() -> None:
    assert speaker_matches("Benjamin Netanyahu", ["Benjamin Netanyahu"])
    assert speaker_matches("the Health Ministry", ["health ministry"])
    assert speaker_matches("ruling Georgian Dream party", ["Georgian Dream party"])
    assert speaker_matches("Turkey’s defence ministry", ["Turkey's defence ministry"])
    assert not speaker_matches("Netanyahu", ["Benjamin Netanyahu"])
    assert not speaker_matches("Vladimir Putin", ["Benjamin Netanyahu"])
    assert not speaker_matches(None, ["Benjamin Netanyahu"])


def test_fallback_text_drops_the_header_lines() -> None:
    raw = "A headline\nMarch 3, 2020\nBy Jo Writer\n\nFirst paragraph.\n\nSecond one.\n"
    assert fallback_text(raw) == "First paragraph.\n\nSecond one."
