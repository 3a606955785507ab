"""Turning a finished candidate into an ``EventRecord`` row."""

from __future__ import annotations

from spacy.tokens import Doc, Span

from transforms.events.actor import Actor
from transforms.events.candidate import Candidate
from transforms.events.context import Article
from transforms.events.dates import fallback
from transforms.events.modes import assault_mode, consult_mode
from transforms.model import EventRecord, stable_id

if not Doc.has_extension("event_actors"):
    Doc.set_extension("event_actors", default=None)


def note_actors(doc: Doc, event_id: str, actors: tuple[Actor | None, Actor | None]) -> None:
    """Leave an event's coded actor and recipient on ``doc._.event_actors`` (by event id), for
    the entity stage (``transforms.entities``) to key."""
    table: dict[str, tuple[Actor | None, Actor | None]] | None = doc._.event_actors
    if table is None:
        table = doc._.event_actors = {}
    table[event_id] = actors


def to_record(ctx: Article, cand: Candidate) -> EventRecord:
    sent = ctx.sentences[cand.sentence]
    trig_start = cand.trigger.idx
    last = ctx.doc[cand.end - 1]
    trig_end = last.idx + len(last.text)
    actor, recipient = cand.actor, cand.recipient
    fatal = [c for c in cand.casualties if c.kind == "fatalities"]
    hurt = [c for c in cand.casualties if c.kind == "injured"]
    date_ = cand.date or fallback(ctx.published)
    etype = cand.event_type
    a1 = actor.canonical if actor else None
    a2 = recipient.canonical if recipient else None
    record = EventRecord(
        event_id=stable_id("e", ctx.doc_id, trig_start, etype, a1, a2),
        doc_id=ctx.doc_id,
        event_type=etype,
        trigger_text=ctx.text[trig_start:trig_end],
        trigger_start=trig_start,
        trigger_end=trig_end,
        sentence_text=sent.text.strip(),
        sentence_index=cand.sentence,
        event_mode=_mode(cand, sent),
        event_context=cand.code.context,
        quad_class=cand.code.quad_class,
        cameo_code=cand.code.cameo,
        actor1=actor.text if actor else None,
        actor1_canonical=a1,
        actor1_country=actor.country if actor else None,
        actor1_sector=actor.sector if actor else None,
        actor2=recipient.text if recipient else None,
        actor2_canonical=a2,
        actor2_country=recipient.country if recipient else None,
        actor2_sector=recipient.sector if recipient else None,
        location=cand.place_text,
        location_country=cand.place.country if cand.place else None,
        latitude=cand.place.latitude if cand.place else None,
        longitude=cand.place.longitude if cand.place else None,
        event_date=date_.value,
        date_text=date_.text,
        date_precision=date_.precision,
        date_method=date_.method,
        fatalities=max((c.count for c in fatal), default=None),
        injured=max((c.count for c in hurt), default=None),
        magnitude_text="; ".join(c.text for c in cand.casualties) or None,
        polarity="negative" if cand.negated else "positive",
        modality=cand.modality,  # type: ignore[arg-type]
        quote_id=cand.quote_id or _quote_id(ctx, trig_start),
        confidence=_confidence(cand),
        method=cand.method,
        location_precision=cand.place.precision if cand.place else None,
        location_source_text=cand.place.source_text if cand.place else None,
    )
    note_actors(ctx.doc, record.event_id, (actor, recipient))
    return record


def _mode(cand: Candidate, sent: Span) -> str | None:
    sentence_words = {t.lower_ for t in sent}
    lemma = cand.trigger.lemma_.lower()
    mode: str | None = None
    if cand.event_type == "ASSAULT":
        state = cand.actor is not None and (
            cand.actor.kind == "state" or cand.actor.sector in {"MIL", "GOV"}
        )
        mode = assault_mode(sentence_words, lemma, state)
    elif cand.event_type == "CONSULT":
        mode = consult_mode(sentence_words, lemma)
    return mode or cand.code.mode


def _quote_id(ctx: Article, char: int) -> str | None:
    for q in ctx.quotes:
        if q.char_start <= char < q.char_end:
            return q.quote_id
    return None


def _confidence(cand: Candidate) -> float:
    score = 0.45
    if cand.actor is not None and cand.actor.explicit_country:
        score += 0.2
    if cand.recipient is not None:
        score += 0.1
    if not cand.noun:
        score += 0.1
    if "[" in cand.method:
        score += 0.1
    return round(min(score, 0.95), 2)
