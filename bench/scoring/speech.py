"""What counts as *speech* among annotated attributions, defined once for the scorers.

PolNeAR annotates every attribution: beliefs ("Trump believes ..."), intentions, endorsements,
evidence ("polls show ...") as well as speech. The ``quotes`` table should hold speech and
writing, so recall is measured on these only: an attribution is speech when

* its cue holds a reporting word (``SPEECH_LEMMAS``, a verb or noun of saying or writing, in
  any inflection) or a reporting phrase (``SPEECH_PHRASES``: "according to", "point out"), or
* its content is inside quotation marks (opens with one, or one stands right before it),

and its cue does not deny or only suppose the act (``UNREAL``: "did not say", "might ask",
"can now say"): such speech did not happen, and the ``quotes`` table should not hold it.

The list belongs to the benchmark, not to the extractor: the gold must not move when the
extractor's own cue lexicon grows. Verbs of thought and evidence (think, believe, show, find,
suggest) are left out on purpose: "the polls suggest" is not somebody speaking. Words are
reduced to lemmas by suffix rules plus a table of irregular forms (``lemmas``), which is enough
for a closed list and needs no model.
"""

from __future__ import annotations

from bench.scoring.overlap import Range, words_of

SPEECH_LEMMAS: frozenset[str] = frozenset({
    # saying and telling
    "say", "tell", "add", "state", "speak", "talk", "ask", "answer", "reply", "respond",
    "retort", "counter", "explain", "note", "remark", "comment", "mention", "observe",
    "declare", "proclaim", "announce", "disclose", "reveal", "confirm", "deny", "acknowledge",
    "admit", "concede", "insist", "maintain", "assert", "affirm", "reaffirm", "argue", "contend",
    "claim", "allege", "repeat", "reiterate", "stress", "emphasize", "emphasise", "recall",
    "recount", "describe", "call", "urge", "appeal", "plead", "demand", "request", "propose",
    "recommend", "advise", "warn", "caution", "threaten", "promise", "pledge", "vow", "swear",
    "predict", "conclude", "continue", "cite", "quote", "joke", "quip", "boast",
    "brag", "complain", "lament", "accuse", "charge", "criticize", "criticise", "blame",
    "praise", "condemn", "denounce", "decry", "dismiss", "testify", "inform", "shout", "yell",
    "exclaim", "whisper", "scream", "interrupt", "chide", "scoff", "snap",
    # writing and publishing
    "write", "tweet", "post", "email", "text", "report", "publish", "read", "put",
    # reporting nouns
    "statement", "remarks", "interview", "speech", "testimony", "announcement", "press",
})  # fmt: skip

#: Multi-word cues, as lemma sequences.
SPEECH_PHRASES: tuple[tuple[str, ...], ...] = (("according", "to"), ("point", "out"))

#: Cue words that make the act negated or hypothetical ("n't" is read as the word "t").
UNREAL: frozenset[str] = frozenset({
    "not", "t", "never", "no", "might", "may", "could", "would", "can", "should", "must",
})  # fmt: skip

#: Opening quotation marks (the straight double quote opens and closes). Two apostrophes
#: stand for a double quote in some archives (PolNeAR's New York Times texts among them).
OPENING_MARKS: tuple[str, ...] = ('"', "“", "‘", "«", "''")

_IRREGULAR = {
    "said": "say", "says": "say", "told": "tell", "wrote": "write", "written": "write",
    "spoke": "speak", "spoken": "speak", "swore": "swear", "sworn": "swear",
    "remarks": "remarks", "press": "press",
}  # fmt: skip


def lemmas(word: str) -> set[str]:
    """Candidate lemmas of an inflected word: itself, the irregular table, suffix rules."""
    w = word.lower()
    out = {w}
    if w in _IRREGULAR:
        out.add(_IRREGULAR[w])
    for suffix, repl in (("ies", "y"), ("ied", "y"), ("es", ""), ("s", ""), ("ed", ""),
                         ("ed", "e"), ("ing", ""), ("ing", "e")):  # fmt: skip
        if w.endswith(suffix) and len(w) > len(suffix) + 1:
            stem = w[: -len(suffix)]
            out.add(stem + repl)
            if suffix in ("ed", "ing") and len(stem) > 2 and stem[-1] == stem[-2]:
                out.add(stem[:-1])  # admitted -> admit, chatting -> chat
    return out


def speech_cue(cue: str) -> bool:
    """Does a cue's text hold a reporting word or phrase?"""
    words = words_of(cue)
    if any(lemmas(w) & SPEECH_LEMMAS for w in words):
        return True
    forms = [lemmas(w) for w in words]
    for phrase in SPEECH_PHRASES:
        n = len(phrase)
        for i in range(len(forms) - n + 1):
            if all(phrase[k] in forms[i + k] for k in range(n)):
                return True
    return False


def in_quotation_marks(text: str, content: tuple[Range, ...]) -> bool:
    """Does the content open with a quotation mark, or stand right after one?"""
    if not content:
        return False
    start, end = content[0]
    if text[start:end].lstrip().startswith(OPENING_MARKS):
        return True
    return text[:start].rstrip(" ").endswith(OPENING_MARKS)


def is_speech(text: str, cue: tuple[Range, ...], content: tuple[Range, ...]) -> bool:
    """The definition above, for an attribution whose spans index ``text``."""
    cue_text = " ".join(text[a:b] for a, b in cue)
    if UNREAL.intersection(words_of(cue_text)):
        return False
    return speech_cue(cue_text) or in_quotation_marks(text, content)
