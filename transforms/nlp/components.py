"""The language layer's pipeline components and the ``Doc`` extensions they fill.

What every extractor reads is computed once per document and left on the ``Doc``, as spaCy's
own components leave tags and entities:

=================  ==========================  ============================================
extension          set by                      what it holds
=================  ==========================  ============================================
``doc_id``         the caller, before the pipe  the ``Document``'s id (records carry it)
``published``      the caller, before the pipe  its publication date (anchors "on Monday")
``layout``         ``newsdb_layout``            paragraphs, boilerplate lines, offset lookups
``quotations``     ``newsdb_quote_marks``       the quote-mark spans (``marks.QuoteSpan``)
``mentions``       ``newsdb_mentions``          every mention resolved to an entity
=================  ==========================  ============================================

The extractors add theirs the same way (``doc._.quotes`` in ``transforms.quotes``,
``doc._.events`` in ``transforms.events``). Defaults are None, never a shared mutable value;
``new_doc`` gives a tokenised ``Doc`` with its ``doc_id`` and ``published`` set, ready for
``nlp.pipe``.
"""

from __future__ import annotations

from datetime import date

from spacy.language import Language
from spacy.tokens import Doc

from transforms.nlp.coref import MentionTable
from transforms.nlp.layout import DocLayout
from transforms.nlp.marks import find_quote_spans
from transforms.nlp.recase import recase

#: The layer's components, in pipeline order (all after the model's own).
LAYER = ("newsdb_layout", "newsdb_quote_marks", "newsdb_mentions")

for _name in ("doc_id", "published", "layout", "quotations", "mentions"):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)


def new_doc(nlp: Language, text: str, *, doc_id: str = "", published: date | None = None) -> Doc:
    """``text`` tokenised, with the context the extractors read set on it."""
    doc = nlp.make_doc(recase(text))  # same length: offsets still index ``text``
    doc._.doc_id = doc_id
    doc._.published = published
    return doc


@Language.component("newsdb_layout", requires=["token.is_sent_start"], assigns=["doc._.layout"])
def add_layout(doc: Doc) -> Doc:
    """Paragraph blocks (boilerplate lines flagged by the cleaning rules) and offset lookups."""
    doc._.layout = DocLayout(doc)
    return doc


@Language.component("newsdb_quote_marks", requires=["doc._.layout"], assigns=["doc._.quotations"])
def add_quotations(doc: Doc) -> Doc:
    """The one quote-mark scan both extractors read."""
    layout: DocLayout = doc._.layout
    doc._.quotations = find_quote_spans(layout.text, layout.blocks)
    return doc


@Language.component(
    "newsdb_mentions",
    requires=["doc._.layout", "doc._.quotations", "token.dep", "token.lemma", "doc.ents"],
    assigns=["doc._.mentions"],
)
def add_mentions(doc: Doc) -> Doc:
    """Every mention of the article resolved to an entity (``coref.MentionTable``)."""
    doc._.mentions = MentionTable(doc._.layout, doc._.quotations)
    return doc
