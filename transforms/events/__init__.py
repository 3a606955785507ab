"""PLOVER event coding over the dependency parse.

``find_events`` (the spaCy component ``newsdb_events``, results on ``doc._.events``) codes one
article: who did what to whom, when and where, with PLOVER types, modes and contexts, CAMEO
codes, casualties, polarity and modality. It reads the language layer (mentions, quote marks)
and the quote stage (``doc._.quotes``) from the ``Doc``; the dictionaries it builds on live in
``transforms/nlp/lexicons/`` (see its README).
"""

from __future__ import annotations

from transforms.events.component import extract_events, find_events

__all__ = ["extract_events", "find_events"]
