"""The quote stage as a pipeline component: ``doc._.quotes``, read off the language layer."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from transforms.model import QuoteRecord
from transforms.nlp.coref import MentionTable
from transforms.nlp.layout import DocLayout
from transforms.quotes.direct import find_direct_quotes
from transforms.quotes.indirect import find_indirect_quotes
from transforms.quotes.masks import TokenMasks
from transforms.quotes.records import build_records

if not Doc.has_extension("quotes"):
    Doc.set_extension("quotes", default=None)


@Language.component(
    "newsdb_quotes",
    requires=["doc._.doc_id", "doc._.layout", "doc._.quotations", "doc._.mentions"],
    assigns=["doc._.quotes"],
)
def find_quotes(doc: Doc) -> Doc:
    """Every quotation in ``doc``, in article order, as ``QuoteRecord`` rows."""
    if len(doc) == 0:
        doc._.quotes = []
        return doc
    layout: DocLayout = doc._.layout
    mentions: MentionTable = doc._.mentions
    direct = find_direct_quotes(layout, doc._.quotations)
    masks = TokenMasks(layout, direct)
    indirect = find_indirect_quotes(layout, direct, masks)
    doc._.quotes = build_records(layout, direct.quotes + indirect, mentions, doc._.doc_id or "")
    return doc


def extract_quotes(doc: Doc) -> list[QuoteRecord]:
    """The quotes of a ``Doc`` the language layer has read (``transforms.nlp.parse``), found
    now unless the component already ran on it."""
    if doc._.quotes is None:
        find_quotes(doc)
    quotes: list[QuoteRecord] = doc._.quotes
    return quotes
