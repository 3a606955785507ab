"""The language layer: the one spaCy pipeline newsdb runs, and what every extractor reads.

* ``pipeline``: the model (loaded once per process) and its paragraph-break component;
* ``registry``: every lexicon file, loaded once per process and compiled once per machine.
"""

from __future__ import annotations

from transforms.nlp.pipeline import MODEL_NAME, load_nlp, paragraph_index_of, parse

__all__ = ["MODEL_NAME", "load_nlp", "paragraph_index_of", "parse"]
