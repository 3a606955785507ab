"""Write a deterministic corpus of realistic news HTML pages for benchmarks and tests.

    python bench/make_corpus.py OUT_DIR --n 500 --seed 1
    python bench/make_corpus.py OUT_DIR --n 543 --variants 3   # 181 articles, 3 copies each

Nothing is downloaded. Articles are composed from sentence templates over pools of fictional
officials, real countries and organisations (leads, direct quotes in “curly” and "straight"
marks, indirect and mixed quotes with said / told reporters / according to / urged), or reuse
the hand-written devset articles in tests/fixtures/devset. Each article is wrapped in one of six
site templates that differ the way real sites do:

* ``wire``: agency story, dateline in the lead, <time> element, "(Reporting by ...)" credit;
* ``newspaper``: navigation, cookie banner, figure caption, "Related article" teaser inside
  the body, "Most read" sidebar, reader comments, footer;
* ``blog``: WordPress-style post with entry meta, tags, comments and an archive widget;
* ``amp``: AMP-style minimal page, metadata only in JSON-LD;
* ``jsonld``: metadata only in JSON-LD (no canonical link, no og: tags);
* ``ogonly``: metadata only in og:/article: tags, a <title> that is just the site name.

Pages are UTF-8 (with or without <meta charset>, some with a BOM), windows-1252 (declared or
not) or ISO-8859-1 (characters it lacks become numeric character references, as CMSs do);
about 10 % are gzip-compressed (.html.gz). About 5 % are deliberately bad: an article page
with an empty body, a section index page, binary data named .html, and a page truncated before
its article text.

OUT_DIR/MANIFEST.tsv lists every page: file, kind (good/bad), expected title, then extra columns
for tests: variant (template/encoding[/gzip], or the kind of bad page), expected published date,
a probe paragraph that must survive cleaning, and strings that must not (`` || ``-separated:
comments, sidebars, banners, credits).

Variants (``--variants K``, 2 to 6; default 1 writes each article once) make the corpus hold
copies of one story, as a crawl of many sites does: each article becomes K pages, each on
another of the six site templates, with its own draw of encoding, gzip and canonical URL host
(drawn as for any page, so two copies may both be UTF-8, as most sites are) and its own file
name; the pages still add up to ``--n``. Files are named ``v{variant}_{article:04d}_{template}``,
so sorted file order is variant-major: the copies of one article are ``n / K`` files apart,
spread over a run as copies are, never adjacent. Bad pages are drawn among all pages, so a story
may have a broken copy next to good ones. MANIFEST.tsv lists the pages in file order; the
article a page holds is in its file name (``page_ids``).
"""

from __future__ import annotations

import argparse
import gzip
import random
import re
import sys
import time
from datetime import date, timedelta
from pathlib import Path

from bench.corpus_sites import TEMPLATES, bad_page
from bench.corpus_text import Article, compose_article, devset_article, load_devset, slug

MANIFEST_COLUMNS = ("file", "kind", "expected_title", "variant", "published", "probe", "absent")
BAD_KINDS = ("empty_body", "index_page", "binary", "truncated")
#: Separates the strings of the "absent" column.
ABSENT_SEP = " || "
#: Share of articles that reuse a devset article instead of composing one.
DEVSET_SHARE = 0.15
GZIP_SHARE = 0.1
#: The sites of the canonical URLs (``www.{host}-news.example``).
HOSTS = ["courier", "ledger", "herald", "observer"]
#: ``0042_wire.html``, ``v1_0042_blog.html.gz``, ``v2_0042_bad_binary.html``.
_PAGE_NAME = re.compile(r"^(?:v(?P<variant>\d+)_)?(?P<article>\d+)_")
#: (Python codec, declared in the page?) -> weight.
ENCODINGS: dict[tuple[str, bool], int] = {
    ("utf-8", True): 60,
    ("utf-8", False): 8,
    ("utf-8-sig", False): 4,
    ("cp1252", True): 12,
    ("cp1252", False): 10,
    ("latin-1", True): 6,
}
CHARSET_LABELS = {
    "utf-8": "utf-8",
    "utf-8-sig": "utf-8",
    "cp1252": "windows-1252",
    "latin-1": "iso-8859-1",
}

# --- driver -------------------------------------------------------------------------------------


def make_corpus(
    out_dir: Path, n: int = 500, seed: int = 1, bad_share: float = 0.05, variants: int = 1
) -> list[dict[str, str]]:
    """Write ``n`` pages and MANIFEST.tsv into ``out_dir``; return the manifest rows.

    Bad pages cycle through BAD_KINDS, so ``bad_share * n >= 4`` gives one of each. With
    ``variants`` K > 1 the pages are the K copies of ``ceil(n / K)`` articles (see the module
    docstring); when K does not divide ``n``, the last variant lacks the last articles.
    """
    if not 1 <= variants <= len(TEMPLATES):
        raise ValueError(f"variants must be 1 to {len(TEMPLATES)} (one site template each)")
    rng = random.Random(seed)
    out_dir.mkdir(parents=True, exist_ok=True)
    devset = load_devset()
    # Bad pages are drawn among page slots: with variants, one copy of a story may be broken
    # while the others are fine, as a truncated mirror is.
    bad_at = set(rng.sample(range(n), round(n * bad_share)))
    articles = -(-n // variants)
    rows: list[dict[str, str]] = []
    n_bad = 0
    # Every random draw below happens in the same order as before variants existed, and K = 1
    # draws nothing more: the default output is byte-identical for a seed.
    for i in range(articles):
        published = date(2015, 1, 1) + timedelta(days=rng.randint(0, 9 * 365))
        if rng.random() < DEVSET_SHARE:
            article = devset_article(rng, devset, published)
        else:
            article = compose_article(rng, published)
        host = rng.choice(HOSTS)
        path = f"{published:%Y/%m/%d}/{slug(article.title)[:60]}-{i}"
        used: list[str] = []  # this article's templates so far: each copy is another site's
        for v in range(variants):
            slot = v * articles + i
            if slot >= n:
                break
            if v:
                host = rng.choice(HOSTS)
            url = f"https://www.{host}-news.example/{path}"
            stem = f"v{v}_{i:04d}" if variants > 1 else f"{i:04d}"
            if slot in bad_at:
                kind = BAD_KINDS[n_bad % len(BAD_KINDS)]
                n_bad += 1
                name = f"{stem}_bad_{kind}.html"
                (out_dir / name).write_bytes(bad_page(rng, kind, article, url))
                rows.append(
                    dict.fromkeys(MANIFEST_COLUMNS, "")
                    | {"file": name, "kind": "bad", "variant": kind}
                )
                continue
            template = rng.choice([t for t in TEMPLATES if t not in used])
            used.append(template)
            rows.append(_write_page(rng, out_dir, stem, template, article, url))
    if variants > 1:  # generated article by article, listed in file order (variant-major)
        rows.sort(key=lambda r: r["file"])
    with (out_dir / "MANIFEST.tsv").open("w", encoding="utf-8") as fh:
        fh.write("\t".join(MANIFEST_COLUMNS) + "\n")
        for row in rows:
            fh.write("\t".join(row[c].replace("\t", " ") for c in MANIFEST_COLUMNS) + "\n")
    return rows


def _write_page(
    rng: random.Random,
    out_dir: Path,
    stem: str,
    template: str,
    article: Article,
    url: str,
) -> dict[str, str]:
    """Render ``article`` in ``template``, encode it (gzip it, maybe) and write it; its row."""
    codec, declared = rng.choices(list(ENCODINGS), list(ENCODINGS.values()))[0]
    label = CHARSET_LABELS[codec]
    page, absent = TEMPLATES[template](rng, article, url, label if declared else None)
    # Characters the legacy charset lacks become numeric character references.
    data = page.encode(codec, errors="xmlcharrefreplace")
    gz = rng.random() < GZIP_SHARE
    name = f"{stem}_{template}.html" + (".gz" if gz else "")
    (out_dir / name).write_bytes(gzip.compress(data, mtime=0) if gz else data)
    encoding = ("" if declared else "undeclared-") + (
        "utf-8-bom" if codec == "utf-8-sig" else label
    )
    return {
        "file": name,
        "kind": "good",
        "expected_title": article.title,
        "variant": f"{template}/{encoding}" + ("/gzip" if gz else ""),
        "published": article.published.isoformat(),
        "probe": article.probe,
        "absent": ABSENT_SEP.join(absent),
    }


def page_ids(file_name: str) -> tuple[int, int]:
    """(variant, article) of a page of the corpus, read from its file name (variant 0 when
    the corpus was written with one variant)."""
    match = _PAGE_NAME.match(file_name)
    if match is None:
        raise ValueError(f"{file_name!r} is not a page name of the generated corpus")
    return int(match["variant"] or 0), int(match["article"])


def read_manifest(out_dir: Path) -> list[dict[str, str]]:
    """The rows of OUT_DIR/MANIFEST.tsv as dicts keyed by MANIFEST_COLUMNS."""
    lines = (out_dir / "MANIFEST.tsv").read_text(encoding="utf-8").splitlines()
    header = lines[0].split("\t")
    return [dict(zip(header, line.split("\t"), strict=True)) for line in lines[1:]]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Write a corpus of realistic news HTML pages.")
    parser.add_argument("out_dir", type=Path)
    parser.add_argument("--n", type=int, default=500, help="number of pages (default 500)")
    parser.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    parser.add_argument(
        "--bad-share", type=float, default=0.05, help="share of bad pages (default 0.05)"
    )
    parser.add_argument(
        "--variants",
        type=int,
        default=1,
        choices=range(1, len(TEMPLATES) + 1),
        metavar="K",
        help=f"pages per article, each on another site template (1-{len(TEMPLATES)}, default 1)",
    )
    args = parser.parse_args(argv)
    start = time.perf_counter()
    rows = make_corpus(args.out_dir, args.n, args.seed, args.bad_share, args.variants)
    bad = sum(r["kind"] == "bad" for r in rows)
    elapsed = time.perf_counter() - start
    held = ""
    if args.variants > 1:
        articles = len({page_ids(r["file"])[1] for r in rows})
        held = f", {articles} articles in {args.variants} variants,"
    print(f"wrote {len(rows)} pages ({bad} bad){held} to {args.out_dir} in {elapsed:.2f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
