"""PolNeAR scoring (brat, speech, alignment, figures) on an article written for this test."""

from __future__ import annotations

from pathlib import Path

import pytest

from bench.scoring.align import Alignment
from bench.scoring.brat import parse_ann
from bench.scoring.pipeline import Processed, Quote, run, text_file
from bench.scoring.polnear import (
    Article,
    corpus_articles,
    format_report,
    head,
    heads_overlap,
    name_key,
    score_article,
    total,
)
from bench.scoring.speakers import SpeakerEntry, Speakers
from bench.scoring.speech import in_quotation_marks, is_speech, lemmas, speech_cue

NAME = "gazette_2016-03-01_bridge-plan"
RAW = (
    "Mayor backs  new bridge plan\n\n"
    "Mayor Ada Quill said the bridge would open in May. “We are ready,” she said. “The money is "
    "there.”\n\nCritics believe the plan is too costly.\n"
)
# What the cleaner makes of RAW: the headline dropped, runs of spaces collapsed.
CLEANED = (
    "Mayor Ada Quill said the bridge would open in May. “We are ready,” she said. “The money is "
    "there.”\n\nCritics believe the plan is too costly."
)


def span(text: str, part: str, after: int = 0) -> str:
    start = text.index(part, after)
    return f"{start} {start + len(part)}"


def annotation() -> str:
    """E1 indirect speech, E2 a direct quote around its cue (one content in two parts), E3 a
    belief (not speech), E4 in the headline."""
    quote_at = RAW.index("“We")
    lines = [
        f"T1\tSource {span(RAW, 'Mayor Ada Quill')}\tMayor Ada Quill",
        f"T2\tCue {span(RAW, 'said')}\tsaid",
        f"T3\tContent {span(RAW, 'the bridge would open in May')}\tthe bridge would open in May",
        "E1\tAttribution:T2 Content:T3 Cue:T2 Source:T1",
        f"T4\tSource {span(RAW, 'she')}\tshe",
        f"T5\tCue {span(RAW, 'said', quote_at)}\tsaid",
        f"T6\tContent {span(RAW, '“We are ready,”')};{span(RAW, '“The money is there.”')}\tx",
        "E2\tAttribution:T5 Content:T6 Cue:T5 Source:T4",
        f"T7\tSource {span(RAW, 'Critics')}\tCritics",
        f"T8\tCue {span(RAW, 'believe')}\tbelieve",
        f"T9\tContent {span(RAW, 'the plan is too costly')}\tthe plan is too costly",
        "E3\tAttribution:T8 Content:T9 Cue:T8 Source:T7",
        f"T10\tCue {span(RAW, 'backs')}\tbacks",
        f"T11\tContent {span(RAW, 'new bridge plan')}\tnew bridge plan",
        "E4\tAttribution-no-source:T10 Content:T11 Cue:T10",
        "T12\tDiscard 0 5\tMayor",
        "#1\tAnnotatorNotes T12\ta note",
    ]
    return "\n".join(lines) + "\n"


@pytest.fixture()
def corpus(tmp_path: Path) -> Path:
    (tmp_path / "text").mkdir()
    (tmp_path / "attributions").mkdir()
    (tmp_path / "text" / f"{NAME}.txt").write_text(RAW, encoding="utf-8")
    for annotator in ("zz99", "ab12"):  # the first in sorted order is used
        (tmp_path / "attributions" / f"{NAME}_{annotator}.ann").write_text(
            annotation() if annotator == "ab12" else "", encoding="utf-8"
        )
    return tmp_path


def quote(text: str, kind: str, mention: str | None, speaker: str | None) -> Quote:
    start = CLEANED.index(text)
    return Quote(text, start, start + len(text), kind, speaker=speaker, speaker_mention=mention)


def test_brat_attributions_with_discontinuous_spans_and_no_source() -> None:
    text = (
        "T1\tContent 0 4;10 14\tab\ncontinued surface\n"
        "T2\tCue 5 9\tsaid\nE1\tAttribution:T2 Content:T1 Cue:T2\n"
    )
    (a,) = parse_ann(text)
    assert a.ref == "E1" and a.content == ((0, 4), (10, 14)) and a.cue == ((5, 9),)
    assert a.source == ()
    two_parts = "T1\tContent 0 4\tx\nT2\tContent 8 9\ty\nE1\tAttribution:T1 Content:T1 Content2:T2"
    (b,) = parse_ann(two_parts)
    assert b.content == ((0, 4), (8, 9))
    assert [x.ref for x in parse_ann(annotation())] == ["E1", "E2", "E3", "E4"]


def test_speech_is_a_reporting_cue_or_quotation_marks() -> None:
    assert lemmas("tweeted") >= {"tweet"} and "admit" in lemmas("admitted")
    assert "reply" in lemmas("replied") and "note" in lemmas("noting")
    for cue in ("said", "told reporters", "according to", "pointed out", "wrote", "has said"):
        assert speech_cue(cue), cue
    for cue in ("believes", "showed", "wants", "suggested"):
        assert not speech_cue(cue), cue
    text = 'He thinks "the plan is dead" and hopes it is.'
    content = ((text.index("the plan"), text.index(" and")),)
    assert in_quotation_marks(text, content)
    assert is_speech(text, ((3, 9),), content)  # "thinks", but quoted
    archive = "He thinks ''the plan is dead'' and hopes it is."  # two apostrophes as a mark
    assert in_quotation_marks(archive, ((archive.index("''"), archive.index(" and")),))
    assert not in_quotation_marks("It is the plan's end.", ((6, 20),))
    said = "She did not say the plan is dead."
    assert not is_speech(said, ((4, 15),), ((16, 32),))  # negated speech did not happen


def test_alignment_maps_cleaned_offsets_to_the_file() -> None:
    alignment = Alignment(CLEANED, RAW)
    start = CLEANED.index("the bridge")
    raw = alignment.to_raw(start, start + len("the bridge would open in May"))
    assert raw is not None and RAW[raw[0] : raw[1]] == "the bridge would open in May"
    words = [RAW[a:b] for a, b in alignment.kept]
    assert "backs" not in words and "Critics" in words  # the headline is not in the text
    assert alignment.to_raw(0, 0) is None


def test_figures_on_a_hand_made_prediction(corpus: Path) -> None:
    (article,) = corpus_articles(corpus)
    assert article.ann_path is not None and article.ann_path.name.endswith("_ab12.ann")
    predicted = [
        quote("the bridge would open in May", "indirect", "Quill", "Ada Quill"),
        quote("We are ready,", "direct", None, None),  # E2 by these two together
        quote("The money is there.", "direct", "she", "Critics"),  # covers most of E2
        quote("believe the plan is too costly", "indirect", None, None),  # 5 words of 6 in E3
        quote("she said", "indirect", None, None),  # not annotated content at all
    ]
    speakers = Speakers(
        entries={
            (NAME, ref): SpeakerEntry(
                NAME, article.ann_path.name, ref, (0, 1), True, name, True, "person"
            )
            for ref, name in (("E1", "Ada Quill"), ("E2", "Ada Quill"))
        },
        articles={NAME},
    )
    result = score_article(article, Processed("x", text=CLEANED, quotes=predicted), speakers)
    t = total([result])
    assert (t.speech.tp, t.speech.fn) == (2, 0)  # E1 and E2; E3 is a belief, E4 is no speech
    assert (t.every.tp, t.every.fn) == (3, 1)  # E3 found too; E4 (headline) lost in cleaning
    assert (t.table.tp, t.table.fp) == (4, 1)
    assert t.by_type["direct"].precision == 1.0 and t.by_type["indirect"].precision == 2 / 3
    assert t.lost_all == 1 and t.lost_speech == 0
    assert t.mention_exact.line() == "1/2 0.500"  # "she" = "she"; "Quill" is not the Source
    assert t.mention_head.line() == "2/2 1.000"  # but shares its head
    assert t.speaker_exact.line() == "1/2 0.500"
    alone = score_article(article, Processed("x", text=CLEANED, quotes=predicted[1:2]), speakers)
    assert "E2" not in alone.found  # one segment covers 3 of its 7 words
    report = format_report([result], speakers, details=True)
    assert "SPEAKER E2 gold 'Ada Quill' got 'Critics'" in report


def test_names_and_heads() -> None:
    assert name_key("Donald J. Trump") == name_key("Mr. Donald Trump") == ("donald", "trump")
    assert head("Sen. Ada Quill of Vermont, a Democrat") == "quill"
    assert head("the mayor's office") == "office"
    assert heads_overlap("Mayor Ada Quill", "Quill")
    assert not heads_overlap("Mayor Ada Quill", "she")


def test_through_the_pipeline_offsets_land_on_the_file(corpus: Path) -> None:
    (article,) = corpus_articles(corpus)
    raw = text_file(article.text_path)
    done = run([raw])[raw.source]
    assert done.text is not None and "backs" not in done.text
    result = score_article(article, done, Speakers())
    for q, mapped in result.predicted:
        assert mapped is not None
        assert RAW[mapped[0] : mapped[1]].split() == q.quote_text.split()


def test_articles_by_name_and_unknown_names(corpus: Path) -> None:
    assert [a.name for a in corpus_articles(corpus, [NAME])] == [NAME]
    with pytest.raises(FileNotFoundError, match="no-such"):
        corpus_articles(corpus, ["no-such"])
    assert isinstance(corpus_articles(corpus)[0], Article)
