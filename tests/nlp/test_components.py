"""The pipeline newsdb runs (transforms/nlp/pipeline.py, components.py): the model, then the
language layer's components, whose results every extractor reads from the Doc."""

from __future__ import annotations

from datetime import date

import pytest

from transforms.events import extract_events
from transforms.nlp import LAYER, load_nlp, new_doc, parse
from transforms.nlp.speech import cue_entry, reports_speech
from transforms.quotes import extract_quotes


def test_the_layer_runs_after_the_model_and_declares_what_it_reads_and_writes() -> None:
    nlp = load_nlp()
    assert nlp.pipe_names[-len(LAYER) :] == list(LAYER)
    analysis = nlp.analyze_pipes()
    assert all(not analysis["problems"][name] for name in LAYER)
    assert analysis["attrs"]["doc._.mentions"]["assigns"] == ["newsdb_mentions"]


def test_a_doc_carries_its_context_and_the_layer_results() -> None:
    (doc,) = parse([new_doc("Lavrov said Moscow would respond.", doc_id="d", published=None)])
    assert doc._.doc_id == "d"
    assert doc._.layout is not None and doc._.quotations == []
    assert doc._.mentions.entity(0) is not None
    (doc,) = parse([new_doc("Talks resumed.", doc_id="d2", published=date(2024, 1, 5))])
    assert doc._.published == date(2024, 1, 5)


def test_extractors_leave_their_results_on_the_doc_and_events_need_quotes() -> None:
    (doc,) = parse([new_doc("Turkey accused Sweden of harbouring militants.", doc_id="x")])
    with pytest.raises(ValueError, match="newsdb_quotes"):
        extract_events(doc)
    quotes = extract_quotes(doc)
    assert doc._.quotes is quotes
    events = extract_events(doc)
    assert doc._.events is events
    assert [e.event_type for e in events] == ["ACCUSE"]


def test_an_empty_text_gives_no_records() -> None:
    (doc,) = parse([new_doc("", doc_id="empty")])
    assert extract_quotes(doc) == []
    assert extract_events(doc) == []


def test_one_speech_lexicon_for_both_extractors() -> None:
    doc = load_nlp()("The minister said, warned, believed and pointed out that talks failed.")
    verbs = {t.text: t for t in doc if t.pos_ == "VERB"}
    assert cue_entry(verbs["warned"]) is not None
    assert all(reports_speech(verbs[w]) for w in ("said", "believed"))
    assert not reports_speech(verbs["failed"])


def test_the_model_reads_texts_in_groups_bounded_by_count_and_by_characters() -> None:
    from transforms.nlp.pipeline import PIPE_BATCH, PIPE_CHARS, model_batches

    nlp = load_nlp()
    short = [nlp.make_doc("Troops left.") for _ in range(PIPE_BATCH + 3)]
    assert [len(g) for g in model_batches(short)] == [PIPE_BATCH, 3]
    long_text = "Troops left the town. " * (PIPE_CHARS // 44)  # half the budget each
    long = [nlp.make_doc(long_text) for _ in range(5)]
    assert [len(g) for g in model_batches(long)] == [2, 2, 1]
    huge = nlp.make_doc("Troops left the town. " * (PIPE_CHARS // 10))
    assert [len(g) for g in model_batches([short[0], huge, short[1]])] == [1, 1, 1]
    parsed = list(parse([*long, "Talks resumed."]))  # order kept across the groups
    assert [d.text for d in parsed] == [long_text] * 5 + ["Talks resumed."]


def test_the_layout_columns_are_what_the_tokens_say() -> None:
    text = "Barack Obama met  the French envoy\n\nin Paris, officials said .\t“Fine,” he said. "
    (doc,) = parse([new_doc(text, doc_id="cols")])
    layout = doc._.layout
    assert layout.text == doc.text == text
    assert layout.deps == [t.dep_ for t in doc]
    assert layout.tags == [t.tag_ for t in doc]
    assert layout.ent_types == [t.ent_type_ for t in doc]
    assert layout.ent_iobs == [t.ent_iob_ for t in doc]
    assert "B" in layout.ent_iobs and "I" in layout.ent_iobs
    assert layout.token_ends == [t.idx + len(t.text) for t in doc]
    assert layout.text_of(0, 1) == "Barack Obama"


def test_may_cue_is_the_first_test_of_cue_entry() -> None:
    (doc,) = parse(
        [new_doc("The minister said talks would resume, according to aides.", doc_id="c")]
    )
    from transforms.nlp.speech import may_cue

    for tok in doc:
        if not may_cue(tok.pos_, tok.tag_):
            assert cue_entry(tok) is None
    assert may_cue("VERB", "VBD") and not may_cue("NOUN", "NN")
    assert cue_entry(doc[2]) is not None
