"""PLOVER event coding over the dependency parse.

``extract_events`` codes one article: who did what to whom, when and where, with PLOVER types,
modes and contexts, CAMEO codes, casualties, polarity and modality. The work is done by
``coder.Coder``; the dictionaries it builds on live in ``lexicons/`` (see its README).
"""

from __future__ import annotations

from datetime import date

from spacy.tokens import Doc

from transforms.events.coder import Coder
from transforms.model import EventRecord, QuoteRecord


def extract_events(
    doc: Doc, *, doc_id: str, published: date | None, quotes: list[QuoteRecord]
) -> list[EventRecord]:
    """Every PLOVER event in ``doc`` (the shared parse of ``Document.text``), in text order.

    ``published`` anchors relative dates ("on Thursday"); ``quotes`` (the quote stage's output
    for the same text) marks direct quotes, whose content is not coded, and lets events reported
    inside an indirect or mixed quote carry its ``quote_id``.
    """
    return Coder(doc, doc_id=doc_id, published=published, quotes=quotes).run()
