"""From candidates to ``QuoteRecord`` rows, resolving speakers in article order.

Order matters: a pronoun ("he said") and a floating quote both lean on the previous quote's
speaker, and a continuation (the second segment of a quote cut by its cue, the next paragraph
of a multi-paragraph quote) repeats its parent's speaker, mention and cue.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from transforms.model import QuoteRecord, stable_id
from transforms.quotes.attribution import Attribution, Candidate
from transforms.quotes.coref import Coreference, Resolved
from transforms.quotes.entities import Entity
from transforms.quotes.layout import DocLayout
from transforms.quotes.nouns import SOURCE_DOCUMENT_NOUNS
from transforms.quotes.speakers import Mention, MentionKind, mention_at
from transforms.quotes.subjects import issuer_of


@dataclass(slots=True)
class _Speaker:
    entity: Entity | None
    mention: Mention | None
    kind: MentionKind
    confidence: float


def build_records(
    layout: DocLayout, candidates: list[Candidate], coref: Coreference, doc_id: str
) -> list[QuoteRecord]:
    text = layout.text
    records: list[QuoteRecord] = []
    record_of: dict[int, QuoteRecord] = {}
    speaker_of: dict[int, _Speaker] = {}
    attribution_of: dict[int, Attribution | None] = {}
    previous: Entity | None = None
    previous_block = -10

    for cand in sorted(candidates, key=lambda c: (c.start, c.end)):
        block = layout.block_at(cand.start)
        block_index = block.index if block is not None else cand.block
        parent = cand.parent
        if parent is not None and id(parent) in speaker_of:
            # A continuation repeats its parent's speaker, mention and cue.
            speaker = speaker_of[id(parent)]
            attribution = attribution_of[id(parent)] or cand.attribution
        elif cand.attribution is None and cand.subject_hint is not None:
            attribution = None
            speaker = _resolve_subject(
                layout, coref, cand.subject_hint, previous, previous_block, block_index
            )
        elif cand.attribution is None:
            # Floating quote: the previous quote's speaker.
            speaker = _Speaker(previous, None, "none", 0.8 if previous is not None else 0.0)
            attribution = None
        else:
            attribution = cand.attribution
            speaker = _resolve(layout, coref, cand, previous, previous_block, block_index)
        speaker_of[id(cand)] = speaker
        attribution_of[id(cand)] = attribution

        quote_id = stable_id("q", doc_id, cand.start, cand.end)
        entity = speaker.entity
        mention = speaker.mention
        parent_record = record_of.get(id(parent)) if parent is not None else None
        record = QuoteRecord(
            quote_id=quote_id,
            doc_id=doc_id,
            quote_text=text[cand.start : cand.end],
            char_start=cand.start,
            char_end=cand.end,
            quote_type=cand.quote_type,
            continues_quote_id=parent_record.quote_id if parent_record is not None else None,
            cue=attribution.cue_text if attribution is not None else None,
            cue_lemma=attribution.cue_lemma if attribution is not None else None,
            speaker_mention=mention.text if mention is not None else None,
            speaker_mention_type=speaker.kind,
            speaker=entity.name if entity is not None else None,
            speaker_type=entity.speaker_type if entity is not None else "unknown",
            speaker_role=entity.role
            if entity is not None and entity.speaker_type == "person"
            else None,
            speaker_affiliation=entity.affiliation if entity is not None else None,
            addressee=attribution.addressee if attribution is not None else None,
            sentence_index=layout.sentence_index(cand.start),
            paragraph_index=layout.paragraph_index(cand.start),
            confidence=round(cand.confidence * speaker.confidence, 3),
            method=cand.method,
        )
        records.append(record)
        record_of[id(cand)] = record
        if entity is not None:
            previous, previous_block = entity, block_index
    return records


def _resolve(
    layout: DocLayout,
    coref: Coreference,
    cand: Candidate,
    previous: Entity | None,
    previous_block: int,
    block: int,
) -> _Speaker:
    attribution = cand.attribution
    assert attribution is not None and attribution.subject is not None
    return _resolve_subject(layout, coref, attribution.subject, previous, previous_block, block)


def _resolve_subject(
    layout: DocLayout,
    coref: Coreference,
    subject: Token,
    previous: Entity | None,
    previous_block: int,
    block: int,
) -> _Speaker:
    issuer = issuer_of(subject)
    bounds = None
    if issuer is not None:
        subject, bounds = issuer  # "according to a statement from the ICRC" -> the ICRC
    mention = mention_at(subject, layout, bounds)
    if issuer is not None:
        mention.definite = True  # "company figures": the company the article is about
    if issuer is None and mention.head_lemma in SOURCE_DOCUMENT_NOUNS:
        # "according to a joint statement" / "the statement said": the statement of the
        # organisation that spoke last, else of the last organisation mentioned.
        if previous is not None and previous.speaker_type in ("organisation", "group"):
            return _Speaker(previous, mention, "nominal", 0.6)
        issuer_entity = coref.table.latest_organisation(subject.i)
        if issuer_entity is not None:
            return _Speaker(issuer_entity, mention, "nominal", 0.5)
    resolved: Resolved = coref.resolve(mention, previous, previous_block, block)
    kind: MentionKind = mention.kind
    entity = resolved.entity
    if kind == "name" and entity is not None and entity.speaker_type == "person":
        name_words = (mention.name or "").split()
        if len(name_words) == 1 and len(entity.words) > 1:
            kind = "surname"
    return _Speaker(resolved.entity, mention, kind, resolved.confidence)
