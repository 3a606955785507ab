"""Score extracted quotes against the annotated devset and seed expectations.

Matching follows the evaluation the extractor is judged by: a predicted quote matches a gold
quote when it covers at least half of the gold span's words, and matches are one-to-one (best
overlap first). Gold spans are located in the document text, so overlap is positional: a
prediction elsewhere in the article that happens to share words does not count.

Speakers are compared after normalisation (case, punctuation, articles, honorifics dropped). The
gold convention is the fullest name in the article, so a bare surname never matches a full
name; a prediction may carry a word or two more than the gold ("ruling Georgian Dream party")
or, when it has at least two words itself, lack one ("People’s Defence Forces" for "People’s
Defence Forces (HPG)").

Seeds have ``required`` quotes (counted), ``optional`` ones (a match is neither a hit nor a
false positive) and ``must_not`` strings (any prediction over one is an error).
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from transforms.model import QuoteRecord, RawDoc

_WORD = re.compile(r"\w+", re.UNICODE)
_DATELINE = re.compile(
    r"^\s*(?:\d{1,2}\s+[A-Z][a-z]+,?\s+\d{4}|[A-Z][a-z]+\s+\d{1,2},?\s+\d{4})\s*$"
)
_HONORIFICS = frozenset({"mr", "mrs", "ms", "dr", "the", "a", "an", "s"})
_ACCEPTABLE_NOTE = re.compile(r"'([^']+)' as speaker is acceptable")
MATCH_THRESHOLD = 0.5


@dataclass(slots=True)
class GoldQuote:
    text: str
    quote_type: str
    speakers: tuple[str, ...]  # the gold speaker first, then any the annotation also accepts
    start: int = -1  # located in the document text; -1 when not found
    end: int = -1
    optional: bool = False


@dataclass(slots=True)
class Article:
    name: str
    text: str
    gold: list[GoldQuote]
    must_not: list[str] = field(default_factory=list)
    text_source: str = "clean"


@dataclass(slots=True)
class Pair:
    gold: GoldQuote
    pred: QuoteRecord
    overlap: float
    speaker_ok: bool
    speaker_exact: bool = False  # equal after normalisation, no leniency


@dataclass(slots=True)
class ArticleScore:
    article: Article
    predicted: list[QuoteRecord]
    pairs: list[Pair]
    misses: list[GoldQuote]
    false_positives: list[QuoteRecord]
    must_not_hits: list[tuple[str, QuoteRecord]]


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
    def precision(self) -> float:
        denom = self.matched + self.false_positives
        return self.matched / denom if denom else 0.0

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def speaker_accuracy(self) -> float:
        return self.speaker_ok / self.matched if self.matched else 0.0


# --- loading -------------------------------------------------------------------------------------


def article_text(path: Path) -> tuple[str, str]:
    """The document text for a fixture file and where it came from ("clean" or "fallback").

    The real cleaning stage when it is importable and accepts the file; otherwise the file
    minus its header (headline, dateline, byline), one paragraph per line.
    """
    body = path.read_bytes()
    try:
        from transforms.clean import clean
    except ImportError:
        return fallback_text(body.decode("utf-8")), "fallback"
    try:
        doc = clean(RawDoc(source=str(path.resolve()), body=body, content_type="text/plain"))
    except Exception:  # the cleaning stage is someone else's work in progress: score anyway
        return fallback_text(body.decode("utf-8")), "fallback"
    return doc.text, "clean"


def fallback_text(raw: str) -> str:
    """Body text without the header lines, paragraphs separated by a blank line."""
    lines = [ln.strip() for ln in raw.splitlines() if ln.strip()]
    cut = 1  # the headline
    for i, line in enumerate(lines[:8]):
        if _DATELINE.match(line.strip("*_ ")):
            cut = i + 1
            break
    if cut < len(lines) and lines[cut].lower().startswith("by "):
        cut += 1
    return "\n\n".join(lines[cut:])


def load_devset(folder: Path) -> list[Article]:
    articles: list[Article] = []
    for gold_path in sorted(folder.glob("*.json")):
        data = json.loads(gold_path.read_text(encoding="utf-8"))
        text, source = article_text(gold_path.with_suffix(".txt"))
        gold = [GoldQuote(q["quote"], q["type"], (q["speaker"],)) for q in data["quotes"]]
        articles.append(Article(gold_path.stem, text, locate(text, gold), [], source))
    return articles


def load_seeds(seed_folder: Path, expectations: Path) -> list[Article]:
    data = json.loads(expectations.read_text(encoding="utf-8"))
    articles: list[Article] = []
    for name, spec in data.items():
        if name.startswith("_"):
            continue
        text, source = article_text(seed_folder / name)
        quotes = spec.get("quotes", {})
        gold = [_seed_quote(q, optional=False) for q in quotes.get("required", [])]
        gold += [_seed_quote(q, optional=True) for q in quotes.get("optional", [])]
        gold.sort(key=lambda g: text.find(g.text))
        articles.append(
            Article(name, text, locate(text, gold), list(quotes.get("must_not", [])), source)
        )
    return articles


def _seed_quote(item: dict[str, str], *, optional: bool) -> GoldQuote:
    speakers = [item.get("speaker", "")]
    speakers += _ACCEPTABLE_NOTE.findall(item.get("note", ""))
    return GoldQuote(item["quote"], item["type"], tuple(speakers), optional=optional)


def locate(text: str, gold: list[GoldQuote]) -> list[GoldQuote]:
    """Set each gold quote's offsets: its first occurrence at or after the previous one's."""
    cursor = 0
    for g in gold:
        at = text.find(g.text, cursor)
        if at < 0:
            at = text.find(g.text)
        if at >= 0:
            g.start, g.end = at, at + len(g.text)
            cursor = at
    return gold


# --- matching ------------------------------------------------------------------------------------


def score_article(article: Article, predicted: list[QuoteRecord]) -> ArticleScore:
    text = article.text
    candidates: list[tuple[float, int, int]] = []
    for gi, g in enumerate(article.gold):
        for pi, p in enumerate(predicted):
            ov = overlap(text, g, p)
            if ov >= MATCH_THRESHOLD:
                candidates.append((ov, gi, pi))
    candidates.sort(key=lambda c: (-c[0], c[1], c[2]))
    used_g: set[int] = set()
    used_p: set[int] = set()
    pairs: list[Pair] = []
    for ov, gi, pi in candidates:
        if gi in used_g or pi in used_p:
            continue
        used_g.add(gi)
        used_p.add(pi)
        g, p = article.gold[gi], predicted[pi]
        exact = any(normalise_name(p.speaker) == normalise_name(s) for s in g.speakers)
        pairs.append(Pair(g, p, ov, speaker_matches(p.speaker, g.speakers), exact))
    misses = [g for gi, g in enumerate(article.gold) if gi not in used_g and not g.optional]
    fps = [p for pi, p in enumerate(predicted) if pi not in used_p]
    hits = []
    for bad in article.must_not:
        at = text.find(bad)
        if at < 0:
            continue
        probe = GoldQuote(bad, "direct", ("",), at, at + len(bad))
        hits += [(bad, p) for p in predicted if overlap(text, probe, p) >= MATCH_THRESHOLD]
    return ArticleScore(article, predicted, pairs, misses, fps, hits)


def overlap(text: str, gold: GoldQuote, pred: QuoteRecord) -> float:
    """Share of the gold span's words that the prediction covers."""
    if gold.start >= 0:
        words = [(m.start(), m.end()) for m in _WORD.finditer(text, gold.start, gold.end)]
        if not words:
            return 0.0
        inside = sum(1 for s, e in words if s >= pred.char_start and e <= pred.char_end)
        return inside / len(words)
    gold_words = Counter(w.lower() for w in _WORD.findall(gold.text))
    pred_words = Counter(w.lower() for w in _WORD.findall(pred.quote_text))
    total = sum(gold_words.values())
    return sum((gold_words & pred_words).values()) / total if total else 0.0


def normalise_name(name: str | None) -> tuple[str, ...]:
    if not name:
        return ()
    words = [w.lower() for w in _WORD.findall(name.replace("’", "'"))]
    return tuple(w for w in words if w not in _HONORIFICS)


def speaker_matches(predicted: str | None, gold_speakers: Iterable[str]) -> bool:
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


def total(scores: Iterable[ArticleScore]) -> Totals:
    t = Totals()
    for s in scores:
        required = [g for g in s.article.gold if not g.optional]
        t.gold += len(required)
        t.predicted += len(s.predicted)
        t.false_positives += len(s.false_positives)
        for g in required:
            t.gold_by_type[g.quote_type] += 1
        for p in s.predicted:
            t.pred_by_type[p.quote_type] += 1
        for p in s.false_positives:
            t.fp_by_type[p.quote_type] += 1
        for pair in s.pairs:
            if pair.gold.optional:
                continue
            t.matched += 1
            t.matched_by_type[pair.gold.quote_type] += 1
            t.speaker_exact += pair.speaker_exact
            if pair.speaker_ok:
                t.speaker_ok += 1
                t.speaker_ok_by_type[pair.gold.quote_type] += 1
            if pair.pred.quote_type == pair.gold.quote_type:
                t.type_agrees += 1
    return t


# --- reporting -----------------------------------------------------------------------------------


def format_report(title: str, scores: list[ArticleScore], *, details: bool = True) -> str:
    t = total(scores)
    sources = Counter(s.article.text_source for s in scores)
    lines = [
        f"== {title}: {len(scores)} articles (text via {dict(sources)})",
        f"gold {t.gold}  predicted {t.predicted}  matched {t.matched}  false positives "
        f"{t.false_positives}",
        f"precision {t.precision:.3f}  recall {t.recall:.3f}  F1 {t.f1:.3f}  "
        f"speaker accuracy {t.speaker_accuracy:.3f} (exact names "
        f"{t.speaker_exact / t.matched if t.matched else 0:.3f})  type agreement "
        f"{t.type_agrees / t.matched if t.matched else 0:.3f}",
        "by gold type:      "
        + "  ".join(
            f"{k} {t.matched_by_type[k]}/{n} (speaker {t.speaker_ok_by_type[k]})"
            for k, n in sorted(t.gold_by_type.items())
        ),
        "false positives by predicted type: "
        + "  ".join(f"{k} {t.fp_by_type[k]}/{n}" for k, n in sorted(t.pred_by_type.items())),
    ]
    if not details:
        return "\n".join(lines)
    for s in scores:
        problems: list[str] = []
        for g in s.misses:
            problems.append(f"  MISS [{g.quote_type}] {g.speakers[0]!r}: {_short(g.text)}")
        for p in s.false_positives:
            problems.append(
                f"  FP   [{p.quote_type} {p.method}] {p.speaker!r}: {_short(p.quote_text)}"
            )
        for pair in s.pairs:
            if not pair.speaker_ok and not pair.gold.optional:
                problems.append(
                    f"  SPKR gold {pair.gold.speakers[0]!r} got {pair.pred.speaker!r} "
                    f"(mention {pair.pred.speaker_mention!r}): {_short(pair.gold.text)}"
                )
        for bad, p in s.must_not_hits:
            problems.append(f"  MUST-NOT {_short(bad)} <- {_short(p.quote_text)}")
        if problems:
            lines.append(f"-- {s.article.name}")
            lines.extend(problems)
    return "\n".join(lines)


def _short(text: str, width: int = 90) -> str:
    text = text.replace("\n", " ")
    return text if len(text) <= width else text[: width - 1] + "…"
