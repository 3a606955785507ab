"""Scoring extracted quotes against hand-annotated gold quotes.

A predicted quote matches a gold quote when it covers at least half of the gold span's words
(``overlap.covered``: by position in the document text, so the same words elsewhere do not
count), and matches are one to one, best overlap first. Gold quotes are located in the text the
pipeline produced (``documents.text``); a gold quote the cleaner changed beyond recognition is
therefore a miss, which is what a user would see too.

Speakers are compared after normalisation (case, punctuation, articles, honorifics dropped). The
gold convention is the fullest name in the article, so a bare surname never matches a full
name; a prediction may carry a word or two more than the gold ("ruling Georgian Dream party")
or, when it has at least two words itself, lack one ("People's Defence Forces" for "People's
Defence Forces (HPG)").

Seeds have ``required`` quotes (counted), ``optional`` ones (a match is neither a hit nor a
false positive) and ``must_not`` strings (any prediction over one is an error).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace

from bench.scoring.metrics import PRF, ratio
from bench.scoring.overlap import WORD, Range, covered, one_to_one, word_ranges
from bench.scoring.pipeline import Processed, Quote

#: Share of the gold quote's words a prediction must cover to match it.
MATCH_THRESHOLD = 0.5
_HONORIFICS = frozenset({"mr", "mrs", "ms", "dr", "the", "a", "an", "s"})


@dataclass(frozen=True, slots=True)
class GoldQuote:
    """One annotated quote: its text, type and speaker(s), and where it is in the text.

    ``speakers`` holds the gold speaker first, then any other the annotation accepts. ``spans``
    is empty until the quote is located; several ranges make a discontinuous annotation.
    """

    text: str
    quote_type: str | None  # direct | indirect | mixed; None when the annotation has no type
    speakers: tuple[str, ...] = ()
    spans: tuple[Range, ...] = ()
    optional: bool = False

    @property
    def located(self) -> bool:
        return bool(self.spans)


@dataclass(slots=True)
class Pair:
    gold: GoldQuote
    pred: Quote
    overlap: float
    speaker_ok: bool
    speaker_exact: bool = False  # equal after normalisation, no leniency


@dataclass(slots=True)
class ArticleScore:
    name: str
    text: str
    predicted: list[Quote]
    gold: list[GoldQuote]
    pairs: list[Pair]
    misses: list[GoldQuote]
    false_positives: list[Quote]
    must_not_hits: list[tuple[str, Quote]]
    failure: str | None = None


def locate(text: str, gold: Sequence[GoldQuote]) -> list[GoldQuote]:
    """Each gold quote at its first occurrence at or after the previous one's (else anywhere)."""
    cursor = 0
    out: list[GoldQuote] = []
    for g in gold:
        at = text.find(g.text, cursor)
        if at < 0:
            at = text.find(g.text)
        if at >= 0:
            g = replace(g, spans=((at, at + len(g.text)),))
            cursor = at
        out.append(g)
    return out


def overlap(text: str, gold: GoldQuote, pred: Quote) -> float:
    """Share of the gold quote's words the prediction covers (0.0 for an unlocated quote)."""
    return covered(word_ranges(text, gold.spans), [(pred.char_start, pred.char_end)])


def score_article(
    name: str, processed: Processed, gold: Sequence[GoldQuote], must_not: Sequence[str] = ()
) -> ArticleScore:
    """Match one article's predicted quotes to its gold quotes (located in ``processed.text``)."""
    text = processed.text or ""
    located = locate(text, gold) if processed.ok else list(gold)
    predicted = processed.quotes
    candidates = [
        (ov, gi, pi)
        for gi, g in enumerate(located)
        for pi, p in enumerate(predicted)
        if (ov := overlap(text, g, p)) >= MATCH_THRESHOLD
    ]
    matched = one_to_one(candidates)
    pairs: list[Pair] = []
    for gi, pi in matched:
        g, p = located[gi], predicted[pi]
        exact = any(normalise_name(p.speaker) == normalise_name(s) for s in g.speakers)
        pairs.append(Pair(g, p, overlap(text, g, p), speaker_matches(p.speaker, g.speakers), exact))
    matched_gold = {gi for gi, _ in matched}
    matched_pred = {pi for _, pi in matched}
    misses = [g for gi, g in enumerate(located) if gi not in matched_gold and not g.optional]
    fps = [p for pi, p in enumerate(predicted) if pi not in matched_pred]
    hits: list[tuple[str, Quote]] = []
    for bad in must_not:
        at = text.find(bad)
        if at < 0:
            continue
        probe = GoldQuote(bad, "direct", spans=((at, at + len(bad)),))
        hits += [(bad, p) for p in predicted if overlap(text, probe, p) >= MATCH_THRESHOLD]
    return ArticleScore(name, text, predicted, located, pairs, misses, fps, hits, processed.failure)


# --- speakers ------------------------------------------------------------------------------------


def normalise_name(name: str | None) -> tuple[str, ...]:
    """Lower-cased words of a name without articles, honorifics and the possessive "s"."""
    if not name:
        return ()
    words = [w.lower() for w in WORD.findall(name.replace("’", "'"))]
    return tuple(w for w in words if w not in _HONORIFICS)


def speaker_matches(predicted: str | None, gold_speakers: Iterable[str]) -> bool:
    """The fullest-name convention with the leniency described in the module docstring."""
    pred = normalise_name(predicted)
    if not pred:
        return False
    for gold_name in gold_speakers:
        gold = normalise_name(gold_name)
        if not gold:
            continue
        if pred == gold:
            return True
        ps, gs = set(pred), set(gold)
        if gs <= ps and len(ps - gs) <= 2:
            return True
        if ps <= gs and len(gs - ps) <= 1 and len(ps) >= 2:
            return True
    return False


# --- totals and report ---------------------------------------------------------------------------


@dataclass(slots=True)
class Totals:
    gold: int = 0
    predicted: int = 0
    matched: int = 0
    speaker_ok: int = 0
    speaker_exact: int = 0
    false_positives: int = 0
    gold_by_type: Counter[str] = field(default_factory=Counter)
    matched_by_type: Counter[str] = field(default_factory=Counter)
    speaker_ok_by_type: Counter[str] = field(default_factory=Counter)
    pred_by_type: Counter[str] = field(default_factory=Counter)
    fp_by_type: Counter[str] = field(default_factory=Counter)
    type_agrees: int = 0

    @property
    def prf(self) -> PRF:
        return PRF(self.matched, self.false_positives, self.gold - self.matched)

    @property
    def precision(self) -> float:
        return self.prf.precision

    @property
    def recall(self) -> float:
        return self.prf.recall

    @property
    def f1(self) -> float:
        return self.prf.f1

    @property
    def speaker_accuracy(self) -> float:
        return ratio(self.speaker_ok, self.matched)


def total(scores: Iterable[ArticleScore]) -> Totals:
    t = Totals()
    for s in scores:
        required = [g for g in s.gold if not g.optional]
        t.gold += len(required)
        t.predicted += len(s.predicted)
        t.false_positives += len(s.false_positives)
        for g in required:
            t.gold_by_type[g.quote_type or "?"] += 1
        for p in s.predicted:
            t.pred_by_type[p.quote_type] += 1
        for p in s.false_positives:
            t.fp_by_type[p.quote_type] += 1
        for pair in s.pairs:
            if pair.gold.optional:
                continue
            kind = pair.gold.quote_type or "?"
            t.matched += 1
            t.matched_by_type[kind] += 1
            t.speaker_exact += pair.speaker_exact
            if pair.speaker_ok:
                t.speaker_ok += 1
                t.speaker_ok_by_type[kind] += 1
            if pair.pred.quote_type == pair.gold.quote_type:
                t.type_agrees += 1
    return t


def format_report(title: str, scores: list[ArticleScore], *, details: bool = True) -> str:
    t = total(scores)
    failed = [s for s in scores if s.failure]
    unlocated = sum(1 for s in scores for g in s.gold if not g.located)
    lines = [
        f"== {title}: {len(scores)} articles ({len(failed)} failed in the pipeline, "
        f"{unlocated} gold quotes not found in the cleaned text)",
        f"gold {t.gold}  predicted {t.predicted}  matched {t.matched}  false positives "
        f"{t.false_positives}",
        f"precision {t.precision:.3f}  recall {t.recall:.3f}  F1 {t.f1:.3f}  "
        f"speaker accuracy {t.speaker_accuracy:.3f} (exact names "
        f"{ratio(t.speaker_exact, t.matched):.3f})  type agreement "
        f"{ratio(t.type_agrees, t.matched):.3f}",
        "by gold type:      "
        + "  ".join(
            f"{k} {t.matched_by_type[k]}/{n} (speaker {t.speaker_ok_by_type[k]})"
            for k, n in sorted(t.gold_by_type.items())
        ),
        "false positives by predicted type: "
        + "  ".join(f"{k} {t.fp_by_type[k]}/{n}" for k, n in sorted(t.pred_by_type.items())),
    ]
    for s in failed:
        lines.append(f"  FAILED {s.name}: {s.failure}")
    if not details:
        return "\n".join(lines)
    for s in scores:
        problems: list[str] = []
        for g in s.misses:
            where = "" if g.located else " (not in the cleaned text)"
            speaker = g.speakers[0] if g.speakers else None
            problems.append(f"  MISS [{g.quote_type}]{where} {speaker!r}: {short(g.text)}")
        for p in s.false_positives:
            problems.append(
                f"  FP   [{p.quote_type} {p.method}] {p.speaker!r}: {short(p.quote_text)}"
            )
        for pair in s.pairs:
            if not pair.speaker_ok and not pair.gold.optional:
                problems.append(
                    f"  SPKR gold {pair.gold.speakers[0]!r} got {pair.pred.speaker!r} "
                    f"(mention {pair.pred.speaker_mention!r}): {short(pair.gold.text)}"
                )
        for bad, p in s.must_not_hits:
            problems.append(f"  MUST-NOT {short(bad)} <- {short(p.quote_text)}")
        if problems:
            lines.append(f"-- {s.name}")
            lines.extend(problems)
    return "\n".join(lines)


def short(text: str, width: int = 90) -> str:
    """One line of at most ``width`` characters."""
    text = text.replace("\n", " ")
    return text if len(text) <= width else text[: width - 1] + "…"
