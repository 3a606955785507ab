"""Quotes that are acts: "We resolutely condemn such actions," the minister said.

Events are not coded from what a direct quote reports (``scope``), but some quoted words are the
event itself: a speaker who says "we condemn", "we demand", "we reject", "we will respond" has
condemned, demanded, rejected or threatened by saying so. Such a verb is coded when

* it is a performative verb (saying it does it: "condemn", "demand", not "want") and a verbal
  act (PLOVER's verbal types: AGREE, SUPPORT, CONCEDE, REQUEST, ACCUSE, REJECT,
  THREATEN) in the CAMEO verb dictionary, with its patterns, or a promised retaliation ("we
  will respond", a THREATEN);
* its subject is the speaker in the first person ("I", "we"), so the speaker performs it, and it
  is said now (present tense, or a future for a threat or promise: "we will respond"), not
  recounted ("we condemned it last year");
* the quote stage resolved a speaker the actor dictionaries can code.

The speaker (the quote's resolved mention, as the language layer's coreference knows it) is the
actor, the verb's object or addressee the recipient, and the event carries the quote's id.
"""

from __future__ import annotations

from spacy.tokens import Token

from transforms.events.actor import Actor
from transforms.events.candidate import Candidate
from transforms.events.context import Article
from transforms.events.modality import is_negated
from transforms.events.participants import noun_owner
from transforms.events.plover import VERBAL_TYPES, to_plover
from transforms.events.recipients import recipient_of
from transforms.events.syntax import frame, words
from transforms.events.vocab import RETALIATION_LEMMAS
from transforms.model import QuoteRecord

FIRST_PERSON = words("i we")
#: Verbs whose first-person present is a performative: saying it does it ("we condemn"). A
#: wish or a need ("we want security", "we need help") is not an act.
PERFORMATIVES = words(
    "condemn denounce deplore reject oppose demand urge call appeal ask warn threaten vow "
    "pledge promise support welcome back endorse accept agree refuse accuse protest respond "
    "retaliate recognize recognise apologize apologise regret insist"
)
_FUTURE = words("will shall 'll")


def quoted_act(ctx: Article, tok: Token) -> Candidate | None:
    """The verbal act a speaker performs with the quoted verb ``tok``, if it is one."""
    if tok.pos_ != "VERB" or tok.lemma_.lower() not in PERFORMATIVES:
        return None
    if not _said_now(tok) or is_negated(tok):
        return None
    if not any(c.dep_ == "nsubj" and c.lower_ in FIRST_PERSON for c in tok.children):
        return None
    quote = _quote_at(ctx, tok.idx)
    if quote is None:
        return None
    hit = ctx.verbs.lookup(tok, frame(tok))
    code = hit.code if hit is not None else None
    if tok.lemma_.lower() in RETALIATION_LEMMAS and _future(tok):
        code = "130"  # "we will respond", "we will retaliate": a threat of force
    plover = to_plover(code)
    if plover is None or plover.event_type not in VERBAL_TYPES:
        return None
    speaker = _speaker(ctx, quote)
    if speaker is None:
        return None
    recipient = recipient_of(ctx, tok, plover, speaker)
    if recipient is None:
        # "condemn such actions by Israel", "respond to any aggression by the US": the author
        # of the act condemned or answered
        acts = [c for c in tok.children if c.dep_ == "dobj"]
        acts += [
            p for c in tok.children if c.dep_ == "prep" for p in c.children if p.dep_ == "pobj"
        ]
        recipient = next((o for o in (noun_owner(ctx, a) for a in acts) if o is not None), None)
    return Candidate(
        trigger=tok,
        end=hit.span_end if hit is not None else tok.i + 1,
        code=plover,
        actor=speaker,
        recipient=recipient,
        clause=tok,
        noun=False,
        method=f"quote:{hit.verb if hit else tok.lemma_.upper()}/{code}",
        reported=True,
        speaker=speaker,
        quote_id=quote.quote_id,
    )


def _said_now(tok: Token) -> bool:
    """Present ("we condemn") or future ("we will respond"), not a past act recounted."""
    aux = {c.lower_ for c in tok.children if c.dep_ == "aux"}
    if tok.tag_ in {"VBP", "VBZ"} and not aux:
        return True
    return _future(tok)


def _future(tok: Token) -> bool:
    return tok.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ in _FUTURE for c in tok.children)


def _quote_at(ctx: Article, char: int) -> QuoteRecord | None:
    for q in ctx.direct_quotes:
        if q.char_start <= char < q.char_end:
            return q
    return None


def _speaker(ctx: Article, quote: QuoteRecord) -> Actor | None:
    """The coded actor of the quote's speaker mention: its occurrence nearest the quote."""
    mention = quote.speaker_mention
    if not mention:
        return None
    text = ctx.text
    best: tuple[int, int] | None = None
    start = text.find(mention)
    while start != -1:
        if not quote.char_start <= start < quote.char_end:
            gap = quote.char_start - start if start < quote.char_start else start - quote.char_end
            if best is None or gap < best[0]:
                best = (gap, start)
        start = text.find(mention, start + 1)
    if best is None:
        return None
    span = ctx.doc.char_span(best[1], best[1] + len(mention), alignment_mode="expand")
    if span is None:
        return None
    return ctx.memory.actor(span.root)
