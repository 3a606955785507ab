"""The quote scorer: positional word overlap, one-to-one matching, speaker comparison."""

from __future__ import annotations

from bench.scoring.pipeline import Processed, Quote
from bench.scoring.quotes import GoldQuote, locate, overlap, score_article, speaker_matches, total

TEXT = (
    "The ministry said the talks had failed. The ministry said the talks had failed again.\n\n"
    '"We will not give up," the minister said.'
)


def record(text: str, start: int, speaker: str | None = "ministry") -> Quote:
    return Quote(text, start, start + len(text), "indirect", speaker=speaker)


def processed(*quotes: Quote, text: str | None = TEXT) -> Processed:
    return Processed("a.txt", text=text, quotes=list(quotes))


def test_gold_spans_are_located_in_order() -> None:
    first, second = locate(
        TEXT,
        [
            GoldQuote("the talks had failed", "indirect", ("m",)),
            GoldQuote("the talks had failed again", "indirect", ("m",)),
        ],
    )
    (a, b), (c, _) = first.spans[0], second.spans[0]
    assert TEXT[a:b] == "the talks had failed"
    assert c > a
    (missing,) = locate(TEXT, [GoldQuote("not in the text", "direct")])
    assert not missing.located


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
    score = score_article("a", processed(*preds), [gold])
    assert len(score.pairs) == 1 and score.pairs[0].pred is preds[0]
    assert score.false_positives == [preds[1]]
    totals = total([score])
    assert (totals.precision, totals.recall) == (0.5, 1.0)


def test_optional_gold_is_neither_a_hit_nor_a_false_positive() -> None:
    optional = GoldQuote("the talks had failed", "indirect", ("m",), optional=True)
    pred = record("the talks had failed", TEXT.index("the"))
    score = score_article("a", processed(pred), [optional])
    totals = total([score])
    assert (totals.gold, totals.matched, totals.false_positives) == (0, 0, 0)
    assert score.misses == []


def test_must_not_strings_flag_predictions_over_them() -> None:
    pred = record("We will not give up,", TEXT.index("We will"))
    score = score_article("a", processed(pred), [], must_not=["We will not give up"])
    assert [bad for bad, _ in score.must_not_hits] == ["We will not give up"]


def test_a_document_the_pipeline_rejected_misses_every_gold_quote() -> None:
    failed = Processed("a.txt", failure="clean/empty: no body")
    score = score_article("a", failed, [GoldQuote("the talks had failed", "indirect", ("m",))])
    assert len(score.misses) == 1 and score.failure
    assert total([score]).recall == 0.0


def test_speaker_comparison_follows_the_fullest_name_convention() -> None:
    assert speaker_matches("Benjamin Netanyahu", ["Benjamin Netanyahu"])
    assert speaker_matches("the Health Ministry", ["health ministry"])
    assert speaker_matches("ruling Georgian Dream party", ["Georgian Dream party"])
    assert speaker_matches("Turkey’s defence ministry", ["Turkey's defence ministry"])
    assert not speaker_matches("Netanyahu", ["Benjamin Netanyahu"])
    assert not speaker_matches("Vladimir Putin", ["Benjamin Netanyahu"])
    assert not speaker_matches(None, ["Benjamin Netanyahu"])
