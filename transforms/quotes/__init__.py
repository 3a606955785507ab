"""Quote extraction: direct, indirect and mixed quotes with resolved speakers.

The stage reads what the language layer left on the ``Doc`` (``transforms.nlp``): the
paragraph layout, the quote-mark spans and the mention table. Its own steps, each in a module:

1. ``direct``: which quote-mark spans are quotations and which cue attributes them; the rest
   are fragments;
2. ``indirect`` + ``frames``: reported clauses governed by reporting verbs in the dependency
   parse (the speech lexicon is ``transforms.nlp.speech``), mixed when they hold a fragment;
3. ``attribution``: the cue phrase, addressee and subject at each cue;
4. ``records``: rows in article order, the speaker of each cue's subject taken from the mention
   table, continuations and floating quotes linked to their speaker.

``component`` registers the stage as the spaCy component ``newsdb_quotes`` (results on
``doc._.quotes``). ``score`` holds the evaluation used by bench/score_quotes.py and the tests.
"""

from __future__ import annotations

from transforms.quotes.component import extract_quotes, find_quotes

__all__ = ["extract_quotes", "find_quotes"]
