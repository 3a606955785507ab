"""The CPU stage of one batch, without Prefect: clean -> parse -> extract -> frames."""

from __future__ import annotations

import time
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from spacy.tokens import Doc

import transforms.batch as batch
from transforms.model import DOCUMENT_SCHEMA, EVENT_SCHEMA, QUOTE_SCHEMA, Document, RawDoc

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
NOW = datetime(2026, 1, 1, tzinfo=UTC)


def _seed_raws() -> list[RawDoc]:
    return [
        RawDoc(source=str(p), body=p.read_bytes(), content_type="text/plain")
        for p in sorted(SEEDS.glob("*.txt"))
    ]


def test_process_batch_gives_frames_with_table_schemas() -> None:
    out = batch.process_batch(_seed_raws(), "run-1", NOW)
    assert out.documents.height == 2
    assert dict(out.documents.schema) == DOCUMENT_SCHEMA
    assert dict(out.quotes.schema) == QUOTE_SCHEMA
    assert dict(out.events.schema) == EVENT_SCHEMA
    assert out.failures.is_empty()
    assert set(out.documents["run_id"]) == {"run-1"}
    assert {"clean", "nlp", "quotes", "events"} <= set(out.stage_seconds)
    texts = dict(zip(out.documents["doc_id"], out.documents["text"], strict=True))
    for q in out.quotes.iter_rows(named=True):  # offsets index the stored text
        assert texts[q["doc_id"]][q["char_start"] : q["char_end"]] == q["quote_text"]


def test_duplicate_articles_in_a_batch_are_extracted_once_and_kept_as_sources() -> None:
    raws = _seed_raws()
    copy = RawDoc(source="/elsewhere/copy.txt", body=raws[1].body, content_type="text/plain")
    out = batch.process_batch([*raws, copy], "run-1", NOW)
    assert out.documents.height == 2
    assert out.failures.is_empty()
    carried = dict(zip(out.sources["source"], out.sources["doc_id"], strict=True))
    assert carried[copy.source] == carried[raws[1].source]
    assert set(carried) == {r.source for r in [*raws, copy]}
    assert set(out.sources["raw_sha256"]) == {r.sha256 for r in raws}


def test_cleaned_batch_lists_each_article_once_and_every_input() -> None:
    raws = _seed_raws()
    copy = RawDoc(source="/elsewhere/copy.txt", body=raws[0].body, content_type="text/plain")
    cleaned = batch.clean_batch([*raws, copy])
    assert len(cleaned.docs) == 3 and len(cleaned.doc_ids()) == 2
    assert cleaned.doc_ids() == [d.doc_id for d in cleaned.docs[:2]]
    assert [s.source for s in cleaned.sources] == [r.source for r in [*raws, copy]]
    assert cleaned.sources[2].doc_id == cleaned.sources[0].doc_id
    assert cleaned.sources[2].raw_sha256 == copy.sha256
    assert cleaned.stage_seconds["clean"] >= 0


def test_skipped_articles_are_not_parsed_but_their_inputs_are_linked(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """An article stored already (or being read by another batch) costs no parsing: its inputs
    become ``document_sources`` rows pointing at it, and nothing else is written for it."""
    parsed: list[str] = []
    real = batch.extract_all

    def counting(docs: Sequence[Document], timings: dict[str, float]) -> Any:
        parsed.extend(d.doc_id for d in docs)
        return real(docs, timings)

    monkeypatch.setattr(batch, "extract_all", counting)
    raws = _seed_raws()
    copy = RawDoc(source="/elsewhere/copy.txt", body=raws[0].body, content_type="text/plain")
    cleaned = batch.clean_batch([*raws, copy])
    stored, fresh = cleaned.doc_ids()
    out = batch.extract_batch(cleaned, "run-1", NOW, skip={stored})
    assert parsed == [fresh]
    assert out.documents["doc_id"].to_list() == [fresh]
    assert set(out.quotes["doc_id"]) == set(out.events["doc_id"]) == {fresh}
    carried = dict(zip(out.sources["source"], out.sources["doc_id"], strict=True))
    assert carried == {raws[0].source: stored, raws[1].source: fresh, copy.source: stored}
    assert out.failures.is_empty()


def test_extractor_crash_costs_one_document_not_the_batch(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    (quotes, (_, real), entities) = batch.EXTRACTORS

    def flaky(doc: Doc) -> Doc:
        if "Lavrov" in doc.text:
            raise ValueError("boom")
        return real(doc)

    monkeypatch.setattr(batch, "EXTRACTORS", (quotes, ("events", flaky), entities))
    out = batch.process_batch(_seed_raws(), "run-1", NOW)
    assert out.documents.height == 1
    fail = out.failures.rows(named=True)
    assert [(f["stage"], f["error_kind"]) for f in fail] == [("extract", "extract_error")]
    assert "ValueError: boom" in fail[0]["message"]


def test_stage_seconds_are_cpu_seconds_not_waiting(monkeypatch: pytest.MonkeyPatch) -> None:
    """A stage is charged the CPU it used: on a shared machine (or a worker waiting for its
    turn) wall time would blame whichever stage happened to be descheduled."""
    (quotes, (_, real), entities) = batch.EXTRACTORS

    def waiting(doc: Doc) -> Doc:
        time.sleep(0.5)  # blocked, as a descheduled process is: no CPU spent
        return real(doc)

    monkeypatch.setattr(batch, "EXTRACTORS", (quotes, ("events", waiting), entities))
    out = batch.process_batch(_seed_raws(), "run-1", NOW)
    assert out.documents.height == 2
    assert out.stage_seconds["events"] < 0.5  # two documents slept 1 s in all
    assert out.stage_seconds["nlp"] > 0


FRENCH = (
    "Grève des contrôleurs aériens\n\n"
    "Les contrôleurs aériens ont cessé le travail jeudi matin à Marseille, entraînant "
    "l'annulation de plus de deux cents vols, a annoncé la direction de l'aviation civile.\n\n"
    "« Nous demandons simplement des effectifs suffisants », a déclaré un représentant du "
    "syndicat majoritaire devant l'aéroport.\n"
)


def test_an_article_in_another_language_is_loaded_unextracted_with_a_notice() -> None:
    french = RawDoc(source="/in/greve.txt", body=FRENCH.encode(), content_type="text/plain")
    out = batch.process_batch([*_seed_raws(), french], "run-1", NOW)
    languages = dict(zip(out.documents["source"], out.documents["language"], strict=True))
    assert languages[french.source] == "fr"
    assert {languages[r.source] for r in _seed_raws()} == {"en"}
    doc_id = out.documents.filter(out.documents["source"] == french.source)["doc_id"][0]
    assert doc_id not in set(out.quotes["doc_id"]) and doc_id not in set(out.events["doc_id"])
    assert out.quotes.height and out.events.height  # the English seeds were extracted
    notes = out.failures.rows(named=True)
    assert [(n["source"], n["stage"], n["error_kind"]) for n in notes] == [
        (french.source, "extract", "unsupported_language")
    ]
    assert "'fr'" in notes[0]["message"] and "no extraction ran" in notes[0]["message"]
    assert french.source in set(out.sources["source"])  # its input is recorded as a source


def test_split_by_language_extracts_unknown_and_english() -> None:
    from transforms.model import Document

    docs = [
        Document(doc_id=f"d{i}", source=f"/s{i}", text="x", content_sha256="h", language=lang)
        for i, lang in enumerate(["en", None, "de"])
    ]
    readable, notices = batch.split_by_language(docs)
    assert [d.source for d in readable] == ["/s0", "/s1"]
    assert [(n.source, n.error_kind) for n in notices] == [("/s2", "unsupported_language")]


def test_one_story_through_two_share_links_is_one_article_with_two_sources() -> None:
    page = (
        b"<!doctype html><html lang='en'><head><title>Ferry strike ends</title></head><body>"
        b"<article><h1>Ferry strike ends</h1><p>Ferry crews returned to work on Monday after "
        b"a five-day strike over pay ended with an agreement between the union and the "
        b"operator, the company said in a statement.</p><p>Services between the islands and "
        b"the mainland will run to the normal timetable from Tuesday morning.</p></article>"
        b"</body></html>"
    )
    story = "https://www.island-news.example/local/ferry-strike-ends"
    links = [story + "?utm_source=twitter&utm_medium=social", story + "/?fbclid=IwAR0q#top"]
    raws = [RawDoc(source=u, body=page, url=u, content_type="text/html") for u in links]
    out = batch.process_batch(raws, "run-1", NOW)
    assert out.documents.height == 1
    assert out.documents["canonical_url"].to_list() == [story]
    assert sorted(out.sources["source"]) == sorted(links)
    assert out.sources["doc_id"].n_unique() == 1


def test_a_batch_leaves_no_new_words_in_the_model_vocabulary() -> None:
    """Each batch is parsed in spaCy's memory zone: the strings it adds (new words, their
    lemmas) go with it, so a worker's memory does not grow with what it has read."""
    from transforms.nlp import load_nlp

    text = (
        "Minister Oskarvelt Brannigaard said on Tuesday that the Zorvathian army had shelled "
        "the town of Quelmarsh, killing four people.\n\n\u201cWe condemn this attack,\u201d "
        "Brannigaard told reporters."
    )
    raw = RawDoc(source="/tmp/zone.txt", body=text.encode(), content_type="text/plain")
    out = batch.process_batch([raw], "run-1", NOW)
    assert "Oskarvelt Brannigaard" in set(out.quotes["speaker"])  # read, and returned
    strings = load_nlp().vocab.strings
    assert not {"Oskarvelt", "Brannigaard", "Quelmarsh", "Zorvathian"} & set(strings)


def test_batches_run_by_threads_at_once_each_keep_their_words() -> None:
    """Prefect's default task runner runs batches on threads; spaCy's memory zone is the
    whole process's, so one batch closing its zone must not take another's strings."""
    from concurrent.futures import ThreadPoolExecutor

    raws = _seed_raws()
    alone = batch.process_batch(raws, "run-1", NOW)
    with ThreadPoolExecutor(3) as pool:
        outs = list(pool.map(lambda _: batch.process_batch(raws, "run-1", NOW), range(3)))
    for out in outs:
        assert out.failures.is_empty()
        assert out.quotes.drop("ingested_at", strict=False).equals(
            alone.quotes.drop("ingested_at", strict=False)
        )
