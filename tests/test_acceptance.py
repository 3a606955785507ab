"""Acceptance: the seed articles and the devset through the whole pipeline, as a user's run
sees them (``bench.scoring.pipeline``: cleaning, spaCy, quotes, events), scored by
``bench.scoring``. The pipeline runs once per module for both extractors.
"""

from __future__ import annotations

import pytest

from bench.scoring.events import check_seeds, score
from bench.scoring.fixtures import GoldArticle, load_devset, load_seeds
from bench.scoring.pipeline import Processed, run
from bench.scoring.quotes import score_article, total

Scored = list[tuple[GoldArticle, Processed]]


def _through_pipeline(articles: list[GoldArticle]) -> Scored:
    done = run([a.raw for a in articles])
    return [(a, done[a.raw.source]) for a in articles]


@pytest.fixture(scope="module")
def seeds() -> Scored:
    return _through_pipeline(load_seeds())


@pytest.fixture(scope="module")
def devset() -> Scored:
    return _through_pipeline(load_devset())


def test_every_article_is_cleaned_with_its_own_date(seeds: Scored, devset: Scored) -> None:
    for article, done in seeds + devset:
        assert done.failure is None, (article.name, done.failure)
        assert done.published == article.published, article.name


def test_seeds_every_required_quote_with_its_speaker_and_nothing_forbidden(seeds: Scored) -> None:
    for article, done in seeds:
        result = score_article(article.name, done, article.quotes, article.must_not)
        assert not result.misses, [g.text for g in result.misses]
        wrong = [p.gold.text for p in result.pairs if not p.gold.optional and not p.speaker_ok]
        assert not wrong, wrong
        assert not result.must_not_hits, result.must_not_hits


def test_seed_required_events(seeds: Scored) -> None:
    for article, done in seeds:
        checks = check_seeds(done.events, article.seed_events or {})
        assert [c.expected for c in checks if c.required and not c.ok] == [], article.name


def test_devset_quotes_do_not_regress(devset: Scored) -> None:
    results = [score_article(a.name, done, a.quotes) for a, done in devset]
    for result in results:
        for q in result.predicted:
            assert result.text[q.char_start : q.char_end] == q.quote_text
    totals = total(results)
    # Measured: precision 1.000, recall 1.000, F1 1.000, speaker accuracy 0.979 (193 quotes).
    assert totals.f1 >= 0.98
    assert totals.speaker_accuracy >= 0.96


def test_devset_events_floor(devset: Scored) -> None:
    """Figures reached on the devset when this test was written, minus a small margin."""
    report = score((a.name, done.events, a.events) for a, done in devset)
    # Measured: P = R = F1 0.979, actor1 country 45/47, fatalities 3/3.
    assert report.f1 >= 0.93
    assert report.precision >= 0.93
    assert report.recall >= 0.93
    assert report.actor1_country.rate >= 0.87
    assert report.fatalities.correct == report.fatalities.total >= 3
