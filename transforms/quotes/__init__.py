"""Quote extraction: direct, indirect and mixed quotes with resolved speakers.

The stages, each in its own module:

1. ``marks``: quote-mark spans (curly, straight, guillemets; apostrophes told apart);
2. ``direct``: which spans are quotations and which cue attributes them; the rest are fragments;
3. ``indirect`` + ``frames``: reported clauses governed by cue verbs in the dependency parse
   (``cues`` is the lexicon), mixed when they hold a fragment;
4. ``subjects``, ``speakers``, ``roles``: the speaker mention at each cue, with its role;
5. ``entities`` + ``coref``: mentions resolved to the fullest name the article gives;
6. ``records``: rows in article order, continuations and floating quotes linked to their speaker.

Everything reads the one shared spaCy parse; nothing here parses text again. ``score`` holds
the evaluation used by bench/score_quotes.py and the tests.
"""

from __future__ import annotations

from spacy.tokens import Doc

from transforms.model import QuoteRecord
from transforms.nlp.coref import MentionTable
from transforms.nlp.layout import DocLayout
from transforms.nlp.marks import find_quote_spans
from transforms.quotes.direct import TokenMasks, find_direct_quotes
from transforms.quotes.indirect import find_indirect_quotes
from transforms.quotes.records import build_records

__all__ = ["extract_quotes"]


def extract_quotes(doc: Doc, *, doc_id: str) -> list[QuoteRecord]:
    """Every quotation in ``doc`` (parsed ``Document.text``), in article order."""
    if len(doc) == 0:
        return []
    layout = DocLayout(doc)
    spans = find_quote_spans(layout.text, layout.blocks)
    mentions = MentionTable(layout, spans)
    direct = find_direct_quotes(layout, spans)
    masks = TokenMasks(layout, direct)
    indirect = find_indirect_quotes(layout, direct, masks)
    return build_records(layout, direct.quotes + indirect, mentions, doc_id)
