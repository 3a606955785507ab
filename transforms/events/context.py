"""What the coder knows about one article while it codes it, passed explicitly to every step.

``Article`` holds the inputs (the ``Doc`` and what the language layer and the quote stage left
on it, the publication date, the dictionaries) and the little the coder learns as it reads in
order: the events coded so far (a later "the talks" or "condemned the strikes" refers back to
them) and the latest attacker (for "an April 9 strike" with no author named).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from spacy.tokens import Doc, Span

from transforms.events.actor import Actor
from transforms.events.candidate import Candidate
from transforms.events.memory import Memory
from transforms.events.nouns import NounLexicon, noun_lexicon
from transforms.events.scope import direct_quote_spans
from transforms.events.verbs import VerbDictionary, verb_dictionary
from transforms.model import QuoteRecord
from transforms.nlp.layout import DocLayout


@dataclass(slots=True)
class Article:
    doc: Doc
    text: str  # doc.text, taken once (spaCy rebuilds it on every access)
    doc_id: str
    published: date | None  # anchors relative dates
    sentences: list[Span]
    layout: DocLayout
    quotes: list[QuoteRecord]  # the indirect and mixed quotes, whose ids events inside carry
    direct: list[tuple[int, int]]  # character spans of direct quotes, sorted: not coded
    direct_quotes: list[QuoteRecord]  # their records, for quoted acts ("we condemn")
    memory: Memory  # actors in context
    verbs: VerbDictionary
    nouns: NounLexicon
    events: list[Candidate] = field(default_factory=list)  # coded so far, in reading order
    last_attacker: Actor | None = None  # the latest ASSAULT author


def read_article(doc: Doc) -> Article:
    """The context for coding ``doc``, from what the layer and the quote stage left on it."""
    quotes: list[QuoteRecord] = doc._.quotes
    published: date | None = doc._.published
    layout: DocLayout = doc._.layout
    return Article(
        doc=doc,
        text=layout.text,
        doc_id=doc._.doc_id or "",
        published=published,
        sentences=list(doc.sents),
        layout=layout,
        quotes=[q for q in quotes if q.quote_type in {"indirect", "mixed"}],
        direct=direct_quote_spans(quotes),
        direct_quotes=[q for q in quotes if q.quote_type == "direct"],
        memory=Memory(doc, published, doc._.mentions),
        verbs=verb_dictionary(),
        nouns=noun_lexicon(),
    )
