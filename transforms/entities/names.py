"""A name as a matching key across articles: accents, case, titles and spelling variants out.

Two articles name one person differently in a few regular ways, and the key folds exactly those:

* accents and case: "José Martí" and "Jose Marti";
* honorifics and titles before a person's name: "President Emmanuel Macron", "Mr Macron"
  (from the language layer's one title list, ``transforms.nlp.nouns``); only for people, since
  "General Motors" is not "Motors";
* punctuation, hyphens and possessives: "Abu-Bakr" and "Abu Bakr", "O'Neill" and "ONeill",
  "Bush's" and "Bush";
* the Arabic article written apart or not: "Bashar al-Assad" and "Bashar Assad";
* the transliteration variants of Cyrillic (and much Arabic) romanisation that differ in
  spelling only, never in sound: ``y``/``i`` for й and и ("Sergey"/"Sergei", "Dmitry"/"Dmitriy"/
  "Dmitrii", "Zelensky"/"Zelenskyy"/"Zelenskiy"), initial ``ye``/``e`` for Е ("Yevgeny"/"Evgeny"),
  ``ks``/``x`` ("Aleksei"/"Alexei") and doubled letters ("Mohammed"/"Mohamed").

No rule is about a particular person: every rule applies to every name. What stays apart is
what sounds different: "Alexander" and "Aleksandr", "Muhammad" and "Mohammed" (vowels), a first
name against its initial, and a father against his son ("Jr." is part of the name).
"""

from __future__ import annotations

import re
import unicodedata

from transforms.nlp.nouns import HONORIFICS, TITLES

#: Letters with no decomposition that NFKD leaves alone.
_LETTERS = str.maketrans({"ß": "ss", "ø": "o", "ł": "l", "đ": "d", "æ": "ae", "œ": "oe", "ı": "i"})
_NON_LETTER = re.compile(r"[^a-z\s]+")
_APOSTROPHES = re.compile(r"['’‘`ʼ]")
_POSSESSIVE = re.compile(r"['’]s\b")
#: The Arabic article as a word or a hyphenated prefix ("al-Assad", "el Sisi").
_ARTICLES = frozenset({"al", "el"})
_DOUBLED = re.compile(r"(.)\1+")


def fold_text(text: str) -> str:
    """Accents off, lower case, possessives and apostrophes dropped, other punctuation as
    spaces: "Jeb Bush's" -> "jeb bush", "O'Neill" -> "oneill"."""
    text = _POSSESSIVE.sub("", text.lower())
    text = unicodedata.normalize("NFKD", text.translate(_LETTERS))
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = _APOSTROPHES.sub("", text)
    return " ".join(_NON_LETTER.sub(" ", text).split())


def fold_word(word: str) -> str:
    """One folded word with the transliteration variants made equal (see the module docstring)."""
    w = word.replace("ks", "x").replace("y", "i")
    if w.startswith("ie") and len(w) > 3:
        w = w[1:]  # Yevgeny / Evgeny, Yelena / Elena
    return _DOUBLED.sub(r"\1", w)


def match_words(name: str, *, person: bool) -> tuple[str, ...]:
    """The matching key of ``name`` as words.

    ``person``: leading honorifics and titles go ("Foreign Minister Sergei Lavrov" ->
    ``("sergei", "lavrov")``), as long as a word is left.
    """
    words = fold_text(name).split()
    words = [w for w in words if w not in _ARTICLES] or words
    if person:
        while len(words) > 1 and (words[0] in TITLES or words[0] in HONORIFICS):
            words.pop(0)
    return tuple(fold_word(w) for w in words)


def dictionary_words(phrase: str) -> tuple[str, ...]:
    """A dictionary phrase ("SERGEY_V._LAVROV") keyed like a mention's name, titles kept: the
    dictionaries list titled forms ("AMBASSADOR_LAVROV") that must not become bare surnames."""
    words = fold_text(phrase.replace("_", " ")).split()
    words = [w for w in words if w not in _ARTICLES] or words
    return tuple(fold_word(w) for w in words)
