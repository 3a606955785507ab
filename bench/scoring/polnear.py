"""Scoring the ``quotes`` table against PolNeAR's attribution annotations.

Each article (``text/<name>.txt``, first line the headline) goes through the real pipeline as
a ``.txt`` file; its annotations come from the first ``attributions/<name>_<annotator>.ann`` in
sorted order. Predicted quotes index the cleaned text, so they are mapped back to raw-file
offsets (``align``) and compared there with the annotated spans.

Figures (word positions, ``overlap.covered``):

* **recall** on speech attributions (``speech.is_speech``): found when the predicted quotes
  cover at least half of the content's words. Together, not one alone: PolNeAR makes one
  content of a quote interrupted by its cue ("A," he said, "B.") or running over several
  sentences, where the ``quotes`` table has one row per segment;
* **precision** of the ``quotes`` table against *all* annotated contents: a predicted quote is
  right when at least half of its words lie inside annotated contents (PolNeAR also annotates
  beliefs and endorsements, so a quote of one is not an error here); also per quote type;
* **quote F1**, the harmonic mean of those two;
* **speaker mention**: for each found speech attribution with a Source, whether the quote
  covering most of it has the Source as ``speaker_mention`` (same words) or shares its head;
* **speaker**: for each found attribution with a resolved name in ``polnear_speakers.json``,
  whether ``speaker`` is that name (same words, initials aside) or, for a named person, has the
  same surname;
* **cleaning losses**: annotated contents none of whose words reach ``documents.text``.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from bench.scoring.align import Alignment
from bench.scoring.brat import Attribution, read_ann, span_text
from bench.scoring.metrics import PRF, Tally, f1
from bench.scoring.overlap import Range, covered, word_ranges, words_of
from bench.scoring.pipeline import Processed, Quote
from bench.scoring.quotes import normalise_name, short
from bench.scoring.speakers import SpeakerEntry, Speakers
from bench.scoring.speech import is_speech

#: Share of words that must be covered, both ways ("word overlap >= half").
MATCH_THRESHOLD = 0.5
# A mention's head is its last word before a comma, bracket, dash or one of these words.
_HEAD_STOP = frozenset({"of", "who", "which", "that", "at", "in", "for", "from", "with", "on"})
_HEAD_CUT = re.compile(r"[,(\[—–]|\s-\s")


@dataclass(frozen=True, slots=True)
class Article:
    """One corpus article: its text file and the annotation file scored against it."""

    name: str
    text_path: Path
    ann_path: Path | None


def corpus_articles(corpus: Path, names: Iterable[str] | None = None) -> list[Article]:
    """The corpus articles (all, or ``names`` in sorted order) with their first .ann file."""
    texts = corpus / "text"
    wanted = sorted(names) if names is not None else sorted(p.stem for p in texts.glob("*.txt"))
    anns: dict[str, list[Path]] = {}
    for ann in (corpus / "attributions").glob("*.ann"):
        anns.setdefault(ann.stem.rsplit("_", 1)[0], []).append(ann)
    out: list[Article] = []
    for name in wanted:
        path = texts / f"{name}.txt"
        if not path.exists():
            raise FileNotFoundError(f"{path} does not exist (article {name!r})")
        out.append(Article(name, path, min(anns[name]) if name in anns else None))
    return out


@dataclass(slots=True)
class GoldAttribution:
    ann: Attribution
    speech: bool
    words: list[Range]  # the content's words, raw offsets
    kept: float  # share of those words present in the cleaned text

    @property
    def ref(self) -> str:
        return self.ann.ref


@dataclass(slots=True)
class Found:
    """A found attribution: the predicted quote covering most of it, and what it got right."""

    gold: GoldAttribution
    pred: Quote
    coverage: float  # by all predicted quotes together
    mention_exact: bool | None = None  # None: no Source annotated
    mention_head: bool | None = None
    speaker: SpeakerEntry | None = None
    speaker_exact: bool | None = None  # None: no resolved name for this attribution
    speaker_surname: bool | None = None


@dataclass(slots=True)
class ArticleResult:
    name: str
    ann: str | None
    text: str
    failure: str | None
    gold: list[GoldAttribution] = field(default_factory=list)
    predicted: list[tuple[Quote, Range | None]] = field(default_factory=list)  # raw range
    right: list[bool] = field(default_factory=list)  # per prediction
    found: dict[str, Found] = field(default_factory=dict)  # by attribution ref
    unmapped: int = 0  # predictions whose span could not be mapped to the raw text


def score_article(
    article: Article, processed: Processed, speakers: Speakers | None = None
) -> ArticleResult:
    raw = article.text_path.read_text(encoding="utf-8")
    attributions = read_ann(article.ann_path) if article.ann_path else []
    ann_name = article.ann_path.name if article.ann_path else None
    result = ArticleResult(article.name, ann_name, raw, processed.failure)
    alignment = Alignment(processed.text, raw) if processed.text is not None else None
    kept = alignment.kept if alignment else []
    for a in attributions:
        words = word_ranges(raw, a.content)
        result.gold.append(GoldAttribution(a, is_speech(raw, a.cue, a.content), words,
                                           covered(words, kept)))  # fmt: skip
    if alignment is None:
        return result
    for q in processed.quotes:
        span = alignment.to_raw(q.char_start, q.char_end)
        result.predicted.append((q, span))
        result.unmapped += span is None
    contents = [r for g in result.gold for r in g.ann.content]
    for _, span in result.predicted:
        result.right.append(
            span is not None and covered(word_ranges(raw, [span]), contents) >= MATCH_THRESHOLD
        )
    spans = [(q, span) for q, span in result.predicted if span is not None]
    for g in result.gold:
        together = covered(g.words, [span for _, span in spans])
        if together < MATCH_THRESHOLD:
            continue
        best = max(spans, key=lambda qs: covered(g.words, [qs[1]]))[0]
        result.found[g.ref] = _found(raw, g, best, together, article.name, ann_name, speakers)
    return result


def _found(
    raw: str,
    g: GoldAttribution,
    pred: Quote,
    coverage: float,
    article: str,
    ann: str | None,
    speakers: Speakers | None,
) -> Found:
    found = Found(g, pred, coverage)
    if g.ann.source:
        source = span_text(raw, g.ann.source)
        found.mention_exact = bool(normalise_name(source)) and (
            normalise_name(source) == normalise_name(pred.speaker_mention)
        )
        found.mention_head = found.mention_exact or heads_overlap(source, pred.speaker_mention)
    entry = speakers.get(article, g.ref) if speakers else None
    if entry is not None and entry.ann == ann:
        found.speaker = entry
        found.speaker_exact = name_key(pred.speaker) == name_key(entry.name) != ()
        found.speaker_surname = found.speaker_exact or (
            entry.named
            and entry.type == "person"
            and bool(name_key(pred.speaker))
            and name_key(pred.speaker)[-1] == name_key(entry.name)[-1]
        )
    return found


def name_key(name: str | None) -> tuple[str, ...]:
    """A name's words for comparison: ``normalise_name`` without one-letter initials."""
    return tuple(w for w in normalise_name(name) if len(w) > 1)


def head(mention: str | None) -> str | None:
    """The head word of a mention: its last word before a comma, bracket or "of", "who", ..."""
    if not mention:
        return None
    words = words_of(_HEAD_CUT.split(mention, maxsplit=1)[0])
    for i, w in enumerate(words):
        if w in _HEAD_STOP and i > 0:
            words = words[:i]
            break
    words = [w for w in words if w != "s"]  # "Clinton's" -> clinton, s
    return words[-1] if words else None


def heads_overlap(gold: str | None, predicted: str | None) -> bool:
    """Does either mention's head word occur among the other's words?"""
    gw, pw = set(words_of(gold)), set(words_of(predicted))
    gh, ph = head(gold), head(predicted)
    return bool((gh and gh in pw) or (ph and ph in gw))


# --- totals and report ---------------------------------------------------------------------------


@dataclass(slots=True)
class Totals:
    articles: int = 0
    failed: int = 0
    speech: PRF = field(default_factory=PRF)  # tp/fn over speech attributions
    every: PRF = field(default_factory=PRF)  # tp/fn over all attributions
    table: PRF = field(default_factory=PRF)  # tp/fp over predicted quotes
    by_type: dict[str, PRF] = field(default_factory=dict)
    mention_exact: Tally = field(default_factory=Tally)
    mention_head: Tally = field(default_factory=Tally)
    speaker_exact: Tally = field(default_factory=Tally)
    speaker_surname: Tally = field(default_factory=Tally)
    speaker_exact_speech: Tally = field(default_factory=Tally)
    speaker_by_type: dict[str, Tally] = field(default_factory=dict)
    lost_all: int = 0
    lost_speech: int = 0
    partly_lost_speech: int = 0
    unmapped: int = 0

    @property
    def recall(self) -> float:
        return self.speech.recall

    @property
    def precision(self) -> float:
        return self.table.precision

    @property
    def f1(self) -> float:
        return f1(self.precision, self.recall)


def total(results: Iterable[ArticleResult]) -> Totals:
    t = Totals()
    for r in results:
        t.articles += 1
        t.failed += r.failure is not None
        t.unmapped += r.unmapped
        for g in r.gold:
            hit = g.ref in r.found
            t.every.tp += hit
            t.every.fn += not hit
            if g.kept == 0.0:
                t.lost_all += 1
            if g.speech:
                t.speech.tp += hit
                t.speech.fn += not hit
                t.lost_speech += g.kept == 0.0
                t.partly_lost_speech += 0.0 < g.kept < MATCH_THRESHOLD
        for (q, _), ok in zip(r.predicted, r.right, strict=True):
            kind = t.by_type.setdefault(q.quote_type, PRF())
            kind.tp += ok
            kind.fp += not ok
            t.table.tp += ok
            t.table.fp += not ok
        for found in r.found.values():
            if found.gold.speech and found.mention_exact is not None:
                t.mention_exact.add(found.mention_exact)
                t.mention_head.add(bool(found.mention_head))
            if found.speaker is not None:
                t.speaker_exact.add(bool(found.speaker_exact))
                t.speaker_surname.add(bool(found.speaker_surname))
                if found.speaker.speech:
                    t.speaker_exact_speech.add(bool(found.speaker_exact))
                tally = t.speaker_by_type.setdefault(found.speaker.type, Tally())
                tally.add(bool(found.speaker_exact))
    return t


def format_report(
    results: Sequence[ArticleResult], speakers: Speakers, *, details: bool = False
) -> str:
    t = total(results)
    covered_articles = sum(1 for r in results if r.name in speakers.articles)
    lines = [
        f"PolNeAR: {t.articles} articles ({t.failed} failed in the pipeline), "
        f"{t.every.tp + t.every.fn} attributions, {t.speech.tp + t.speech.fn} of them speech; "
        f"{t.table.tp + t.table.fp} predicted quotes ({t.unmapped} not mappable to the file)",
        f"  recall on speech attributions   {t.speech.tp}/{t.speech.tp + t.speech.fn} "
        f"{t.recall:.3f}   (all attributions {t.every.recall:.3f})",
        f"  precision vs all contents       {t.table.tp}/{t.table.tp + t.table.fp} "
        f"{t.precision:.3f}",
        f"  quote F1                        {t.f1:.3f}",
        "  precision by type               "
        + "  ".join(
            f"{k} {c.tp}/{c.tp + c.fp} {c.precision:.3f}" for k, c in sorted(t.by_type.items())
        ),
        f"  speaker_mention = Source        {t.mention_exact.line()}  "
        f"(or same head {t.mention_head.line()})",
        f"  speaker = resolved name         {t.speaker_exact.line()}  "
        f"(same surname {t.speaker_surname.line()}; entries marked speech "
        f"{t.speaker_exact_speech.line()})"
        f"  [{len(speakers.entries)} names in {len(speakers.articles)} articles, "
        f"{covered_articles} of them scored here]",
        "  speaker by type                 "
        + "  ".join(f"{k} {v.line()}" for k, v in sorted(t.speaker_by_type.items())),
        f"  cleaning losses                 {t.lost_all} attributions ({t.lost_speech} speech) "
        f"not in the cleaned text at all; {t.partly_lost_speech} speech ones less than half",
    ]
    if details:
        for r in results:
            lines.extend(article_details(r))
    return "\n".join(lines)


def article_details(r: ArticleResult) -> list[str]:
    """Every missed speech attribution, wrong quote, wrong mention and wrong speaker."""
    raw = r.text
    out: list[str] = []
    if r.failure:
        out.append(f"  FAILED {r.failure}")
    for g in r.gold:
        if g.speech and g.ref not in r.found:
            lost = " (not in the cleaned text)" if g.kept == 0.0 else ""
            out.append(
                f"  MISS {g.ref}{lost} cue {span_text(raw, g.ann.cue)!r} "
                f"source {span_text(raw, g.ann.source)!r}: {short(span_text(raw, g.ann.content))}"
            )
    for (q, _), ok in zip(r.predicted, r.right, strict=True):
        if not ok:
            out.append(f"  FP   [{q.quote_type} {q.method}] {q.speaker!r}: {short(q.quote_text)}")
    for found in r.found.values():
        g = found.gold
        if g.speech and found.mention_head is False:
            out.append(
                f"  MENTION {g.ref} source {span_text(raw, g.ann.source)!r} "
                f"got {found.pred.speaker_mention!r}"
            )
        if found.speaker is not None and not found.speaker_exact:
            out.append(
                f"  SPEAKER {g.ref} gold {found.speaker.name!r} got {found.pred.speaker!r} "
                f"(mention {found.pred.speaker_mention!r})"
            )
    return [f"-- {r.name} ({r.ann})", *out] if out else []


def type_counts(results: Iterable[ArticleResult]) -> Counter[str]:
    """Predicted quotes per type."""
    return Counter(q.quote_type for r in results for q, _ in r.predicted)
