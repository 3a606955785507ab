"""Lines that publishers put around and inside an article but that are not part of it.

One table of general patterns, each matched against a *whole* line (one paragraph, after
Markdown stripping and normalisation), and each limited to short lines: boilerplate is short,
so a long paragraph that happens to start like a rule ("Follow us on ...") is kept. Rules that
could collide with reported speech also refuse any line that attributes something ("said",
"told", "according to", ...) or opens with a quotation mark: a paragraph quoting a police
appeal to "follow us on Twitter" is news, a site's own "Follow us on Twitter" is not.

Used on text/Markdown files and on the paragraphs trafilatura extracts from HTML, which still
let through related-article teasers, photo credits and agency notes embedded in the article.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Reporting verbs and attribution phrases: a line with one of these is someone's statement.
_ATTRIBUTION = re.compile(
    r"\b(?:said|says|told|tells|according\s+to|added|urged|warned|announced|reported)\b", re.I
)
_OPENS_WITH_QUOTE = re.compile(r"^[\"“‘'«„]")
_HEADLINE_END = re.compile(r"[\s.!?:;,…]+$")
_SOCIAL = (
    r"(?:facebook|twitter|x|instagram|whatsapp|telegram|linkedin|youtube|tiktok|reddit"
    r"|email|e-mail|print|copy\s+link)"
)
# Press and photo agencies that appear in credits ("(AP Photo/Jane Doe)", "[AFP via Getty]").
_AGENCIES = (
    r"(?:photo|photograph|image|picture|file|credit|courtesy|handout|getty|afp|reuters|ap|epa|"
    r"efe|anadolu|xinhua|tass|dpa|pa|ansa|shutterstock|istock|alamy|supplied)"
)


@dataclass(frozen=True, slots=True)
class Rule:
    """One kind of boilerplate line."""

    name: str
    pattern: re.Pattern[str]
    max_words: int
    #: False for rules whose text could also be a quoted or reported statement.
    allow_attribution: bool = True
    #: True for patterns anchored at the end of the line (credits after a caption); they are
    #: searched in the line's last TAIL_CHARS only. Others are matched at its start.
    at_end: bool = False
    #: A lower-case substring the line must contain: a cheap test before the regex.
    needle: str | None = None


#: How much of a line's end the end-anchored rules look at (a credit is a few words).
TAIL_CHARS = 120


def _rx(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.IGNORECASE)


#: The boilerplate table. Order only matters for the name reported by ``boilerplate_rule``.
RULES: tuple[Rule, ...] = (
    # "Related article: X", "Read also: X", "See also - X", "More on this story: X".
    Rule(
        "related_link",
        _rx(
            r"^(?:related(?:\s+(?:articles?|stor(?:y|ies)|content|coverage|news|reading|links?))?"
            r"|read\s+(?:also|more|next)|also\s+read|see\s+also|more\s+on\s+this(?:\s+story)?"
            r"|recommended(?:\s+reading)?|you\s+(?:may|might)\s+also\s+like|don['’]t\s+miss)"
            r"\s*[:|»>–—-]\s*\S"
        ),
        max_words=40,
    ),
    # A bare heading over a block of teaser links.
    Rule(
        "related_heading",
        _rx(
            r"^(?:related(?:\s+(?:articles|stories|content|coverage))?|read\s+more|more\s+stories"
            r"|most\s+(?:read|popular|viewed)|recommended(?:\s+for\s+you)?|top\s+stories"
            r"|latest\s+news|trending(?:\s+now)?)\s*:?$"
        ),
        max_words=5,
    ),
    # "Follow us on Facebook, Twitter and Instagram", "Sign up for our newsletter".
    Rule(
        "social_follow",
        _rx(
            r"^(?:(?:follow|like|join|find)\s+us\s+(?:on|at)\b|(?:share|tweet)\s+(?:this|on)\b"
            r"|(?:subscribe|sign\s+up)\s+(?:to|for)\b.*\b(?:newsletters?|updates|alerts|channel|podcast)\b"
            r"|click\s+here\b|download\s+(?:our|the)\s+app\b)"
        ),
        max_words=30,
        allow_attribution=False,
    ),
    # A share bar flattened to text: "Facebook Twitter WhatsApp Email".
    Rule("share_bar", _rx(rf"^(?:share\s*:?\s*)?{_SOCIAL}(?:[\s|,/·•]+{_SOCIAL})+$"), max_words=10),
    # Cookie and consent notices addressed to the reader: "We use cookies to ...", "By
    # continuing to browse you agree to our use of cookies". Articles *about* cookies report
    # what someone said, which the attribution guard keeps.
    Rule(
        "cookie_notice",
        _rx(
            r"^(?=.*\b(?:we|our|you|your)\b).*\bcookies?\b"
            r"|^(?:accept|allow|reject|manage)\s+(?:all\s+)?cookies\b"
        ),
        max_words=60,
        allow_attribution=False,
        needle="cookie",
    ),
    # "2 min read", "Reading time: 4 minutes".
    Rule(
        "read_time",
        _rx(
            r"^(?:\d{1,3}\s*-?\s*(?:min|mins|minutes?)\.?\s+read"
            r"|(?:estimated\s+)?read(?:ing)?\s+time\s*:?\s*\d{1,3}\s*(?:min|mins|minutes?)\.?)$"
        ),
        max_words=6,
    ),
    # "Photo: Jane Doe/AFP", "Image by ...", "File photo - ...", "Caption: ...".
    Rule(
        "photo_label",
        _rx(
            r"^(?:(?:file\s+)?(?:photo|photograph|image|picture|pic|video|caption|illustration)s?"
            r"(?:\s+(?:caption|source|credit)s?)?|(?:photo\s+)?credits?)"
            r"\s*(?:\d+\s*)?(?::|,|by\b|/|[|–—]|-\s)"
        ),
        max_words=30,
        allow_attribution=False,
    ),
    # A credit line on its own: "AFP via Getty Images.", "Reuters/Jane Doe", "(AP Photo)",
    # "Jane Doe/AP", "The Canadian Press".
    Rule(
        "credit_only",
        _rx(
            r"^\(?(?:[\w.'’-]+\s+){0,3}(?:via\s+|[\w.'’-]+\s*/\s*)?(?:getty\s+images|afp|reuters|ap(?:\s+photo)?"
            r"|epa(?:-efe)?|shutterstock|alamy|pa(?:\s+(?:images|media|wire))?|anadolu(?:\s+agency)?"
            r"|xinhua|the\s+(?:canadian|associated)\s+press)"
            r"(?:\s*/\s*[\w.'’ -]+)?\)?\.?$"
        ),
        max_words=8,
    ),
    # A caption ending in a bracketed credit: "... militia groups in Syria [Getty]".
    Rule("caption_bracket_credit", _rx(r"[^.!?]\s*\[[^\[\]]{1,40}\]$"), max_words=30, at_end=True),
    # A caption ending in a parenthesised photo credit: "... in Kyiv (AP Photo/Efrem Lukatsky)".
    Rule(
        "caption_paren_credit",
        _rx(rf"[^.!?]\s*\([^()]*\b{_AGENCIES}\b[^()]*\)$"),
        max_words=30,
        allow_attribution=False,
        at_end=True,
    ),
    # A caption ending in a slash credit: "Netanyahu and Putin / Kremlin.ru", "... / AFP".
    Rule(
        "caption_slash_credit",
        re.compile(r"[^.!?\s]\s+/\s*[A-Z][\w.&'’-]*(?:\s+[A-Z][\w.&'’-]*){0,3}$"),
        max_words=30,
        allow_attribution=False,
        at_end=True,
    ),
    # Agency and contributor notes: "Reuters contributed reporting to this article.",
    # "Additional reporting by Jane Doe in Kyiv; Editing by John Smith".
    Rule(
        "contributor_note",
        _rx(
            r"^(?:\(?(?:additional\s+)?(?:reporting|writing|editing|research|compiled)\s+by\s+\S.*"
            r"|.{0,80}\bcontributed\s+(?:reporting\b.*|(?:to\s+)?this\s+(?:report|article|story)\.?))$"
        ),
        max_words=40,
        allow_attribution=False,
    ),
    # "© 2024 Example Media", "Copyright 2019 ...", "... All rights reserved." (a year is
    # required after "Copyright" so that news *about* copyright is not mistaken for it).
    Rule("copyright", _rx(r"^(?:©|\(c\)|copyright)\s*(?:©\s*)?\d{4}\b"), max_words=30),
    Rule("copyright", _rx(r"\ball\s+rights\s+reserved\.?$"), max_words=30, at_end=True),
    Rule(
        "advert",
        _rx(
            r"^(?:advertisement|advert|sponsored(?:\s+content)?|story\s+continues\s+below(?:\s+advertisement)?"
            r"|scroll\s+(?:down\s+)?to\s+continue(?:\s+with\s+content)?|continue\s+reading(?:\s+below)?"
            r"|skip\s+advert(?:isement)?)\.?$"
        ),
        max_words=6,
    ),
    # What remains of a seed file's source block once the URL is taken out.
    Rule("source_url_label", _rx(r"^original\s+url\s*:.*$"), max_words=12),
)


def boilerplate_rule(line: str) -> str | None:
    """The name of the first rule ``line`` matches, or None if it is article text."""
    line = line.strip()
    if not line:
        return None
    words = len(line.split())
    lowered = line.lower()
    for rule in RULES:
        if words > rule.max_words or (rule.needle and rule.needle not in lowered):
            continue
        if rule.at_end:
            if not rule.pattern.search(line[-TAIL_CHARS:]):
                continue
        elif not rule.pattern.match(line):
            continue
        if not rule.allow_attribution and (
            _ATTRIBUTION.search(line) or _OPENS_WITH_QUOTE.match(line)
        ):
            continue
        return rule.name
    return None


def is_boilerplate(line: str) -> bool:
    """True when ``line`` is publisher furniture rather than article text."""
    return boilerplate_rule(line) is not None


def same_headline(line: str, title: str | None) -> bool:
    """True if ``line`` repeats the headline (case, spacing and final punctuation aside)."""
    if not title:
        return False
    return headline_key(line) == headline_key(title)


def headline_key(text: str) -> str:
    """``text`` reduced to what makes two spellings of a headline the same."""
    return " ".join(_HEADLINE_END.sub("", text).casefold().split())
