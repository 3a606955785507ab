"""The language layer: the one spaCy pipeline newsdb runs, and what every extractor reads.

* ``pipeline``: the model, loaded once per process, followed by the layer's components;
* ``components``: the ``Doc`` extensions and the components that fill them: ``layout``
  (paragraphs, boilerplate lines, offset lookups), ``marks`` (the one quote-mark scanner) and
  ``coref`` (the one table of mentions and entities, resolved in reading order);
* what the mention table is made of: ``types`` (``Mention``, ``Entity``), ``mentions`` and
  ``names`` (a noun phrase read as a mention), ``entities`` (the entity table),
  ``agreement`` (gender, number, type, description matching), ``roles`` and ``phrases``;
* the lexicons: ``speech`` (reporting verbs and their frames) with ``subjects`` (who speaks at
  a cue), ``nouns`` (titles, person, organisation and group nouns, gender), and ``registry``
  (every dictionary file in ``lexicons/``, loaded once per process, compiled once per machine).
"""

from __future__ import annotations

from datetime import date

from spacy.tokens import Doc

from transforms.nlp.components import LAYER
from transforms.nlp.components import new_doc as _new_doc
from transforms.nlp.pipeline import MODEL_NAME, PIPE_BATCH, load_nlp, paragraph_index_of, parse

__all__ = [
    "LAYER",
    "MODEL_NAME",
    "PIPE_BATCH",
    "load_nlp",
    "new_doc",
    "paragraph_index_of",
    "parse",
]


def new_doc(text: str, *, doc_id: str = "", published: date | None = None) -> Doc:
    """``text`` tokenised by the shared pipeline, with the context extractors read set."""
    return _new_doc(load_nlp(), text, doc_id=doc_id, published=published)
