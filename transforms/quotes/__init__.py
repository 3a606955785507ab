"""Quote extraction: direct, indirect and mixed quotes with resolved speakers."""

from __future__ import annotations

from spacy.tokens import Doc

from transforms.model import QuoteRecord


def extract_quotes(doc: Doc, *, doc_id: str) -> list[QuoteRecord]:
    """Every quotation in ``doc`` (parsed ``Document.text``). Placeholder until issue 3 lands."""
    return []
