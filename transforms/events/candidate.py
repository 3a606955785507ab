"""A candidate event while the coder works on it (before it becomes an ``EventRecord``)."""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Token

from transforms.events.actor import Actor
from transforms.events.casualties import Casualty
from transforms.events.dates import ResolvedDate
from transforms.events.places import Place
from transforms.events.plover import PloverCode


@dataclass(slots=True)
class Candidate:
    trigger: Token
    end: int  # token index after the trigger's words ("walked out")
    code: PloverCode
    actor: Actor | None
    recipient: Actor | None
    clause: Token  # the verb the event's clause hangs from (date, modality, place)
    noun: bool
    method: str
    sentence: int = 0
    negated: bool = False
    modality: str = "asserted"
    casualties: list[Casualty] = field(default_factory=list)
    place_text: str | None = None
    place: Place | None = None
    date: ResolvedDate | None = None
    reported: bool = False  # inside reported speech
    speaker: Actor | None = None  # who reports it, when reported
    quote_id: str | None = None  # the direct quote whose words are the act ("we condemn")

    @property
    def event_type(self) -> str:
        return self.code.event_type
