"""The language layer: the one spaCy pipeline newsdb runs, and what every extractor reads.

* ``pipeline``: the model, loaded once per process, followed by the layer's components;
* ``components``: the ``Doc`` extensions and the components that fill them: ``layout``
  (paragraphs, boilerplate lines), ``marks`` (the one quote-mark scanner), and ``coref`` (one
  table of mentions and entities: ``mentions``, ``names``, ``entities``), built on the speech
  lexicon (``speech``, ``subjects``) and the noun lexicons (``nouns``, ``roles``);
* ``registry``: every lexicon file, loaded once per process and compiled once per machine.
"""

from __future__ import annotations

from datetime import date

from spacy.tokens import Doc

from transforms.nlp.components import LAYER
from transforms.nlp.components import new_doc as _new_doc
from transforms.nlp.pipeline import MODEL_NAME, load_nlp, paragraph_index_of, parse

__all__ = ["LAYER", "MODEL_NAME", "load_nlp", "new_doc", "paragraph_index_of", "parse"]


def new_doc(text: str, *, doc_id: str = "", published: date | None = None) -> Doc:
    """``text`` tokenised by the shared pipeline, with the context extractors read set."""
    return _new_doc(load_nlp(), text, doc_id=doc_id, published=published)
