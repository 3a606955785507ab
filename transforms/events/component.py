"""The event stage as a pipeline component: ``doc._.events``, coded over the language layer and
the quote stage's results."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from transforms.events.coder import code_events
from transforms.model import EventRecord

if not Doc.has_extension("events"):
    Doc.set_extension("events", default=None)


@Language.component(
    "newsdb_events",
    requires=[
        "doc._.doc_id",
        "doc._.published",
        "doc._.layout",
        "doc._.quotations",
        "doc._.mentions",
        "doc._.quotes",
    ],
    assigns=["doc._.events"],
)
def find_events(doc: Doc) -> Doc:
    """Every PLOVER event in ``doc``, in text order, as ``EventRecord`` rows.

    ``doc._.published`` anchors relative dates ("on Thursday"); ``doc._.quotes`` marks direct
    quotes, whose content is not coded, and lets events reported inside an indirect or mixed
    quote carry its ``quote_id``.
    """
    if doc._.quotes is None:
        raise ValueError("newsdb_events reads doc._.quotes: run newsdb_quotes first")
    doc._.events = code_events(doc) if len(doc) else []
    return doc


def extract_events(doc: Doc) -> list[EventRecord]:
    """The events of a ``Doc`` the language layer and the quote stage have read, coded now
    unless the component already ran on it."""
    if doc._.events is None:
        find_events(doc)
    events: list[EventRecord] = doc._.events
    return events
