"""The articles of the generated corpus (``make_corpus.py``): composed from sentence templates over
pools of fictional officials, real countries and organisations, or reused from the hand-written
devset articles in tests/fixtures/devset."""

from __future__ import annotations

import random
import re
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

DEVSET_DIR = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "devset"

# --- pools --------------------------------------------------------------------------------------

# (name, adjective, capital)
COUNTRIES = [
    ("Turkey", "Turkish", "Ankara"), ("Iraq", "Iraqi", "Baghdad"),
    ("Syria", "Syrian", "Damascus"), ("Russia", "Russian", "Moscow"),
    ("Ukraine", "Ukrainian", "Kyiv"), ("France", "French", "Paris"),
    ("Germany", "German", "Berlin"), ("Poland", "Polish", "Warsaw"),
    ("Iran", "Iranian", "Tehran"), ("Israel", "Israeli", "Jerusalem"),
    ("Egypt", "Egyptian", "Cairo"), ("Nigeria", "Nigerian", "Abuja"),
    ("Kenya", "Kenyan", "Nairobi"), ("Ethiopia", "Ethiopian", "Addis Ababa"),
    ("India", "Indian", "New Delhi"), ("Pakistan", "Pakistani", "Islamabad"),
    ("China", "Chinese", "Beijing"), ("Japan", "Japanese", "Tokyo"),
    ("Brazil", "Brazilian", "Brasilia"), ("Colombia", "Colombian", "Bogota"),
    ("Mexico", "Mexican", "Mexico City"), ("Georgia", "Georgian", "Tbilisi"),
    ("Armenia", "Armenian", "Yerevan"), ("Serbia", "Serbian", "Belgrade"),
    ("Sudan", "Sudanese", "Khartoum"), ("Yemen", "Yemeni", "Sanaa"),
    ("Lebanon", "Lebanese", "Beirut"), ("Belarus", "Belarusian", "Minsk"),
    ("Venezuela", "Venezuelan", "Caracas"), ("Mali", "Malian", "Bamako"),
]  # fmt: skip
FIRST_NAMES = [
    "Daniel", "Amira", "Katarzyna", "Tamar", "Claire", "Andrés", "Siobhán", "Tom", "Chinedu",
    "Henrik", "Pieter", "Jamie", "Priya", "Grace", "Omar", "Leila", "Mikhail", "Ana", "Kwame",
    "Yuki", "Rafael", "Ingrid", "Samuel", "Nadia", "Viktor", "Elena", "Hassan", "Marta", "José",
    "Fatima", "Lars", "Irina", "David", "Aisha", "Jonas", "Sofia", "Emre", "Lucía", "Ravi",
]  # fmt: skip
LAST_NAMES = [
    "Okafor", "Haddad", "Nowicka", "Kiknadze", "Dumont", "Galeano", "Kerrigan", "Callaghan",
    "Eze", "Sørlie", "de Graaf", "McArdle", "Raman", "Mwangi", "Farouk", "Karimi", "Volkov",
    "Pereira", "Mensah", "Tanaka", "Ortega", "Halvorsen", "Adeyemi", "Petrova", "Kovač", "Rossi",
    "Nasser", "Lindqvist", "Moreno", "Bello", "Oberg", "Sokolova", "Levin", "Yusuf", "Brandt",
    "Costa", "Yılmaz", "Fernández", "Sharma", "Abubakar",
]  # fmt: skip
ROLES = [
    "Foreign Minister", "Defence Minister", "Interior Minister", "Prime Minister", "President",
    "government spokesman", "army spokeswoman", "Finance Minister", "opposition leader",
    "Deputy Foreign Minister", "police chief", "Health Minister",
]  # fmt: skip
ORGS = [
    "the United Nations", "the European Union", "NATO", "the World Bank", "the African Union",
    "the International Committee of the Red Cross", "the World Health Organization",
    "Amnesty International", "Human Rights Watch", "the International Monetary Fund",
]  # fmt: skip
AGENCIES = ["Newswire", "Global Press", "Meridian News", "Courier Wire"]
NEWSPAPERS = ["The Daily Courier", "The Evening Ledger", "The Northern Herald", "Metro Times"]
BLOGS = ["Foreign Desk Notes", "The Policy Wonk", "Borderlines Blog"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
MONTHS = [
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
]  # fmt: skip
ISSUES = [
    "a disputed border crossing", "gas exports", "the treatment of detained journalists",
    "a long-delayed prisoner exchange", "fishing rights", "the return of refugees",
    "cross-border raids", "a stalled trade agreement", "water rights on a shared river",
]  # fmt: skip
QUOTES = [
    "We will not accept any attempt to change the situation by force",
    "This is a first step, but much more work remains to be done",
    "Our door remains open to dialogue, but our patience is not unlimited",
    "The government has a duty to protect its citizens and it will do so",
    "We have seen no evidence to support these claims",
    "These measures are proportionate and in line with international law",
    "Nobody wants an escalation, least of all the civilians who pay the price",
    "The families of the victims deserve answers, and they deserve them now",
    "We are ready to sign tomorrow if the other side is serious",
    "There can be no military solution to this conflict",
    "The decision was taken after careful consultation with our partners",
    "What happened last night was a clear violation of the ceasefire",
]
FRAGMENTS = [
    "a dangerous escalation", "unacceptable interference", "a historic opportunity",
    "a serious breach of trust", "premature", "a step in the right direction",
]  # fmt: skip
OUTCOMES = ["not back down", "consider all options", "respond in kind", "seek a deal"]
EFFECTS = ["deepen the rift", "unsettle investors", "complicate talks", "test the truce"]
COMMENTS = [
    "Same story every year, nothing ever changes.",
    "Finally some good news from that region!",
    "Who is going to pay for all of this? Taxpayers, as usual.",
    "Great reporting, thanks for covering this.",
    "I was there last summer and the situation was already tense.",
]


# --- article text -------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Article:
    title: str
    paragraphs: list[str]
    published: date
    author: str
    probe: str  # one body paragraph that must survive cleaning verbatim


def person(rng: random.Random) -> str:
    return f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"


def compose_article(rng: random.Random, published: date) -> Article:
    """An article from templates: a lead, then quote and background paragraphs."""
    (country, adj, capital), (other, other_adj, other_capital) = rng.sample(COUNTRIES, 2)
    day = WEEKDAYS[(published - timedelta(days=rng.randint(0, 2))).weekday()]
    n = rng.randint(3, 60)
    org = rng.choice(ORGS)
    issue = rng.choice(ISSUES)
    lq, rq = ('"', '"') if rng.random() < 0.35 else ("“", "”")
    title, lead = rng.choice(
        [
            (
                f"{adj} air strikes kill {n} in {other}, {other_capital} protests",
                f"{adj} warplanes struck targets in northern {other} on {day}, killing at "
                f"least {n} people, {other}'s defence ministry said.",
            ),
            (
                f"{country} imposes sanctions on {n} {other_adj} officials",
                f"{country} on {day} imposed asset freezes and travel bans on {n} {other_adj} "
                f"officials over {issue}, the foreign ministry said in a statement.",
            ),
            (
                f"{country} and {other} agree to resume talks on {issue}",
                f"{country} and {other} agreed on {day} to resume talks on {issue} after "
                f"{n} hours of negotiations in {other_capital}, officials from both sides said.",
            ),
            (
                f"Thousands protest in {capital} over {issue}",
                f"Thousands of people marched through central {capital} on {day} to protest "
                f"against the government's handling of {issue}, and police detained {n} of them.",
            ),
            (
                f"{country} accuses {other} of violating ceasefire",
                f"{country} accused {other} on {day} of violating a ceasefire agreed last "
                f"month, saying {n} of its soldiers had been wounded in shelling near the border.",
            ),
        ]
    )
    speakers = [(person(rng), rng.choice(ROLES), rng.choice([country, other])) for _ in range(4)]
    paragraphs = [lead]
    # Log-normal lengths (median ~600 words), clipped to the 200-3000 range news pages span.
    target = int(min(3000, max(200, rng.lognormvariate(6.4, 0.6))))
    words = len(lead.split())
    while words < target:
        name, role, nation = rng.choice(speakers)
        q = rng.choice(QUOTES)
        surname = name.split(" ", 1)[1]
        since = published.year - rng.randint(1, 9)
        sentences = [
            f"{lq}{q},{rq} {nation}'s {role} {name} told reporters in {capital} on {day}.",
            f"{name} said: {lq}{q}.{rq}",
            f"{lq}{q},{rq} said {name}, the {role.lower()} of {nation}.",
            f"{role} {name} said {nation} would {rng.choice(OUTCOMES)}.",
            f"At least {rng.randint(2, 400)} people have been displaced since the start of the "
            f"year, according to {org}.",
            f"{surname} described the move as {lq}{rng.choice(FRAGMENTS)}{rq} and urged "
            f"{org} to intervene.",
            f"{country} and {other} have been at odds for years over {issue}, and relations "
            f"between {capital} and {other_capital} have deteriorated since {since}.",
            f"{org[0].upper()}{org[1:]} called on both sides to show restraint and to protect "
            f"civilians, a spokesperson said in a statement on {day}.",
            f"Analysts said the move was likely to {rng.choice(EFFECTS)} between the two "
            "neighbours.",
            f"{other} has denied the allegations. The ministry did not give further details.",
        ]
        paragraph = " ".join(rng.sample(sentences, rng.choice([1, 1, 2])))
        paragraphs.append(paragraph)
        words += len(paragraph.split())
    probe = rng.choice(paragraphs[1:]) if len(paragraphs) > 1 else lead
    return Article(title, paragraphs, published, person(rng), probe)


def load_devset() -> list[tuple[str, list[str]]]:
    """(headline, body paragraphs) of each devset article, its boilerplate lines left out."""
    boiler = re.compile(r"^(?:Related article|Read also|Follow us|\d+ min read|By )")
    articles = []
    for path in sorted(DEVSET_DIR.glob("*.txt")):
        lines = [ln.strip() for ln in path.read_text(encoding="utf-8").splitlines()]
        title = lines[0]
        body = [ln for ln in lines[2:] if ln and ln != title and not boiler.match(ln)]
        articles.append((title, body))
    return articles


def devset_article(rng: random.Random, devset: list[tuple[str, list[str]]], day: date) -> Article:
    title, body = rng.choice(devset)
    return Article(title, list(body), day, person(rng), rng.choice(body))


def iso_time(d: date, hour: int = 9) -> str:
    """A page's machine-readable timestamp for ``d`` (minutes vary with the day)."""
    return f"{d.isoformat()}T{hour:02d}:{(d.day * 7) % 60:02d}:00Z"


def human_date(rng: random.Random, d: date) -> str:
    """``d`` as one of the ways sites print a date for readers."""
    month = MONTHS[d.month - 1]
    return rng.choice(
        [
            f"{month} {d.day}, {d.year}",
            f"{d.day} {month} {d.year}",
            f"{WEEKDAYS[d.weekday()]} {d.day} {month} {d.year} 14.30 BST",
            f"{month[:3]}. {d.day}, {d.year}",
            d.isoformat(),
        ]
    )


def slug(text: str) -> str:
    """The URL path segment a CMS makes of a title."""
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
