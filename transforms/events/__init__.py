"""PLOVER event coding over the dependency parse."""

from __future__ import annotations

from datetime import date

from spacy.tokens import Doc

from transforms.model import EventRecord, QuoteRecord


def extract_events(
    doc: Doc, *, doc_id: str, published: date | None, quotes: list[QuoteRecord]
) -> list[EventRecord]:
    """Every PLOVER event in ``doc``. Placeholder until issue 4 lands."""
    return []
