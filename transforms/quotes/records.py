"""From candidates to ``QuoteRecord`` rows, with their speakers, in article order.

Who a cue's subject is comes from the language layer's mention table, the same for quotes and
events ("he said" continues the last speaker there). What stays here is what only quotes have:
a floating quote belongs to the previous quote's speaker, a document speaks for its issuer
("according to a statement from the ICRC", "the statement said") unless it is a publication
with no author named ("the congressional report found"), which speaks as a ``document``; a
thing that cannot speak ("the lawsuit", "the controversy") is no speaker at all; and a
continuation (the second segment of a quote cut by its cue, the next paragraph of a
multi-paragraph quote) repeats its parent's speaker, mention and cue.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from transforms.model import QuoteRecord, stable_id
from transforms.nlp.coref import MentionTable, Resolved
from transforms.nlp.layout import DocLayout
from transforms.nlp.mentions import mention_at
from transforms.nlp.metonyms import country_of_capital
from transforms.nlp.nouns import SOURCE_DOCUMENT_NOUNS, cannot_speak
from transforms.nlp.subjects import issuer_of
from transforms.nlp.types import Entity, Mention, MentionKind
from transforms.quotes.attribution import Attribution, Candidate


@dataclass(slots=True)
class _Speaker:
    entity: Entity | None
    mention: Mention | None
    kind: MentionKind
    confidence: float


@dataclass(slots=True)
class _LastSpeaker:
    """Who spoke last, in which paragraph, and at which token (for resolution in order)."""

    entity: Entity | None = None
    block: int = -10
    token: int = -1


if not Doc.has_extension("quote_speakers"):
    Doc.set_extension("quote_speakers", default=None)


def note_speaker(doc: Doc, quote_id: str, entity: Entity | None) -> None:
    """Leave the entity a quote's speaker was resolved to on ``doc._.quote_speakers`` (by
    quote id), for the entity stage (``transforms.entities``) to key."""
    speakers: dict[str, Entity | None] | None = doc._.quote_speakers
    if speakers is None:
        speakers = doc._.quote_speakers = {}
    speakers[quote_id] = entity


def build_records(
    layout: DocLayout, candidates: list[Candidate], mentions: MentionTable, doc_id: str
) -> list[QuoteRecord]:
    text = layout.text
    records: list[QuoteRecord] = []
    record_of: dict[int, QuoteRecord] = {}
    speaker_of: dict[int, _Speaker] = {}
    attribution_of: dict[int, Attribution | None] = {}
    last = _LastSpeaker()

    for cand in sorted(candidates, key=lambda c: (c.start, c.end)):
        block = layout.block_at(cand.start)
        block_index = block.index if block is not None else cand.block
        parent = cand.parent
        attribution = cand.attribution
        if parent is not None and id(parent) in speaker_of:
            # A continuation repeats its parent's speaker, mention and cue.
            speaker = speaker_of[id(parent)]
            attribution = attribution_of[id(parent)] or attribution
        elif attribution is not None and attribution.subject is not None:
            speaker = _resolve(layout, mentions, attribution.subject, last, block_index)
        elif cand.subject_hint is not None:
            speaker = _resolve(layout, mentions, cand.subject_hint, last, block_index)
        else:
            # Floating quote: the previous quote's speaker.
            speaker = _Speaker(last.entity, None, "none", 0.8 if last.entity is not None else 0.0)
        speaker_of[id(cand)] = speaker
        attribution_of[id(cand)] = attribution

        entity, mention = speaker.entity, speaker.mention
        parent_record = record_of.get(id(parent)) if parent is not None else None
        record = QuoteRecord(
            quote_id=stable_id("q", doc_id, cand.start, cand.end),
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
            speaker=_speaker_name(entity, mention, layout),
            speaker_type=entity.entity_type if entity is not None else "unknown",
            speaker_role=(
                entity.role if entity is not None and entity.entity_type == "person" else None
            ),
            speaker_affiliation=entity.affiliation if entity is not None else None,
            addressee=attribution.addressee if attribution is not None else None,
            sentence_index=layout.sentence_index(cand.start),
            paragraph_index=layout.paragraph_index(cand.start),
            confidence=round(cand.confidence * speaker.confidence, 3),
            method=cand.method,
        )
        note_speaker(layout.doc, record.quote_id, entity)
        records.append(record)
        record_of[id(cand)] = record
        if entity is not None:
            # Where the last attribution ends: after both the quote and its cue.
            end = layout.token_index_at(cand.end - 1)
            if attribution is not None:
                end = max(end, attribution.cue.i)
            last = _LastSpeaker(entity, block_index, end)
    return records


def _earlier_document(layout: DocLayout, mention: Mention) -> int | None:
    """Token of the first mention of the document ``mention`` refers back to, if earlier."""
    entity = mention.entity
    if entity is None or entity.entity_type != "document" or not entity.positions:
        return None
    first = entity.positions[0]
    return first if first < mention.head else None


def _speaker_name(entity: Entity | None, mention: Mention | None, layout: DocLayout) -> str | None:
    """The entity's name, or the country a capital speaks for ("Beijing said" -> China)."""
    if entity is None:
        return None
    if entity.entity_type == "organisation" and entity.is_name and len(entity.words) <= 2:
        head = layout.doc[mention.head] if mention is not None else None
        if head is not None and head.ent_type_ in ("GPE", "ORG"):
            country = country_of_capital(entity.name)
            if country is not None:
                return country
    return entity.name


def _resolve(
    layout: DocLayout, mentions: MentionTable, subject: Token, last: _LastSpeaker, block: int
) -> _Speaker:
    """The speaker behind the subject of a cue (or of the clause introducing an uncued quote),
    as the language layer's coreference pass resolved it."""
    issuer = issuer_of(subject)
    bounds = None
    if issuer is not None:
        subject, bounds = issuer  # "according to a statement from the ICRC" -> the ICRC
    mention = mentions.mention(subject.i) if bounds is None else None
    detached = mention is None
    if mention is None:
        # A subject the pass did not visit: an issuer written as a modifier ("military
        # intelligence estimates"), a word the parser left inside a compound.
        mention = mention_at(subject, layout, bounds)
    earlier = _earlier_document(layout, mention)
    if earlier is not None and issuer is None:
        # "The report also said": whoever the report met before spoke for (its issuer, "A
        # report by the Harlow Institute said ...", or the report itself).
        found = _resolve(layout, mentions, layout.doc[earlier], last, block)
        return _Speaker(found.entity, mention, mention.kind, found.confidence)
    if issuer is not None:
        mention.definite = True  # "company figures": the company the article is about
    elif mention.head_lemma in SOURCE_DOCUMENT_NOUNS and (
        mention.entity_type != "document" or (mention.definite and earlier is None)
    ):
        # "the statement said" / "according to a joint statement" / "the email said": the
        # document of an organisation named (in an earlier sentence) since the last quote,
        # else of the last speaker. A report or poll met for the first time with no one
        # to have issued it speaks for itself ("a congressional report said").
        sentence_start = subject.sent.start
        org = mentions.table.latest_organisation(sentence_start)
        recent = last.entity if block - last.block <= 2 else None
        if org is not None and (recent is None or org.last_before(sentence_start) > last.token):
            return _Speaker(org, mention, "nominal", 0.5)
        if recent is not None:
            return _Speaker(recent, mention, "nominal", 0.6)
    if detached or (mention.entity is None and mention.kind != "pronoun"):
        # Somebody speaks even where the pass saw a description in passing ("X cut deaths,
        # researchers said" misparsed): the phrase itself, if nothing better.
        resolved = mentions.resolve_detached(mention)
    else:
        resolved = Resolved(mention.entity, mention.confidence)
    kind: MentionKind = mention.kind
    entity = resolved.entity
    if entity is not None and mention.kind == "nominal" and cannot_speak(mention):
        # "the lawsuit", "the controversy", "the electoral process": a thing that cannot
        # speak is nobody's voice; no speaker is better than a wrong one.
        return _Speaker(None, mention, kind, 0.0)
    single_word = len((mention.name or "").split()) == 1
    if kind == "name" and entity is not None and entity.entity_type == "person" and single_word:
        kind = "surname" if len(entity.words) > 1 else kind
    return _Speaker(entity, mention, kind, resolved.confidence)
