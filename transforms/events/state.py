"""The state one article's coding shares between the coder's parts (participants.py,
attributes.py, rules.py, records.py), declared once so each part can be read alone."""

from __future__ import annotations

from datetime import date

from spacy.tokens import Doc, Span, Token

from transforms.events.actor import Actor
from transforms.events.candidate import Candidate
from transforms.events.memory import Memory
from transforms.events.nouns import NounLexicon
from transforms.events.verbs import VerbDictionary
from transforms.model import QuoteRecord


class CoderState:
    doc: Doc
    text: str  # doc.text, taken once (spaCy rebuilds it on every access)
    doc_id: str
    published: date | None
    quotes: list[QuoteRecord]  # indirect and mixed quotes, for quote_id
    sentences: list[Span]
    direct: list[tuple[int, int]]  # character spans of direct quotes
    memory: Memory
    verbs: VerbDictionary
    nouns: NounLexicon
    events: list[Candidate]  # events coded so far, in reading order
    last_attacker: Actor | None  # the latest ASSAULT author, for "an April 9 strike"

    # Provided by participants.Participants; declared here for the parts that call it.
    def _weapon_subject(self, verb: Token) -> bool:
        raise NotImplementedError
