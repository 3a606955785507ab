"""The one mention table (transforms/nlp/coref.py): who is who, resolved once for both extractors.

Every example is written for this test (fictional people, real countries).
"""

from __future__ import annotations

from datetime import date

from spacy.tokens import Doc

from transforms.events import extract_events
from transforms.nlp import new_doc, parse
from transforms.nlp.coref import MentionTable
from transforms.quotes import extract_quotes


def read(text: str) -> Doc:
    (doc,) = parse([new_doc(text, doc_id="t", published=date(2024, 5, 14))])
    return doc


def name_at(doc: Doc, word: str, nth: int = 0) -> str | None:
    """The name of the entity the table resolved the ``nth`` token ``word`` to."""
    table: MentionTable = doc._.mentions
    token = [t for t in doc if t.text == word][nth]
    entity = table.entity(token.i)
    return entity.name if entity is not None else None


ARTICLE = "\n\n".join(
    [
        "Lithuanian Foreign Minister Daina Sirvyte accused Belarus of massing troops on the "
        "border on Monday.",
        "Polish Foreign Minister Tomasz Nowak called for calm.",
        "Sirvyte condemned the military exercises as a provocation.",
        "She accused Minsk of escalating tensions before the summit.",
        "The minister accused the Belarusian government of spreading lies about the exercises.",
    ]
)


def test_a_speaker_and_an_actor_who_are_one_person_resolve_alike() -> None:
    """Full name, surname, pronoun, then a description: each sentence is both a quote ("accused
    X of Y") and an event, and each mention is the same person for both extractors."""
    doc = read(ARTICLE)
    quotes = extract_quotes(doc)
    events = [e for e in extract_events(doc) if e.event_type == "ACCUSE"]
    assert [q.speaker_mention_type for q in quotes] == ["name", "surname", "pronoun", "nominal"]
    assert [q.speaker for q in quotes] == ["Daina Sirvyte"] * 4
    assert [(e.actor1_canonical, e.actor1_country) for e in events] == [
        ("Daina Sirvyte", "LTU")
    ] * 4
    # One entity behind all four mentions: the table answers both stages.
    table: MentionTable = doc._.mentions
    heads = [t for t in doc if t.text in ("Sirvyte", "She") or t.lower_ == "minister"]
    entities = {id(table.entity(t.i)) for t in heads if table.entity(t.i) is not None}
    assert len(entities) == 1
    # "She" skips the man named in between; "the minister" is not Nowak either.
    assert name_at(doc, "She") == "Daina Sirvyte"


def test_a_first_name_alone_does_not_refer_back_to_a_person() -> None:
    doc = read(
        "Jordan Pell, the mayor of Aqaba's twin town, arrived on Sunday.\n\n"
        "Jordan said on Monday it would reopen the border crossing."
    )
    assert name_at(doc, "Jordan", nth=1) != "Jordan Pell"
    (quote,) = extract_quotes(doc)
    assert quote.speaker == "Jordan"


def test_a_possessor_alone_does_not_refer_back_to_what_it_owns() -> None:
    doc = read(
        "Chile's National Copper Workers Union said on Monday it would strike.\n\n"
        "Chile said the strike was illegal."
    )
    assert [q.speaker for q in extract_quotes(doc)] == [
        "Chile's National Copper Workers Union",  # the owner is part of the union's name ...
        "Chile",  # ... but "Chile" alone is the country
    ]


def test_an_object_pronoun_is_not_its_own_clause_subject() -> None:
    doc = read("Ali Farid met Nora Lind on Tuesday. Lind warned him about the risks.")
    assert name_at(doc, "him") == "Ali Farid"


def test_a_pronoun_in_a_reported_clause_is_its_speaker() -> None:
    doc = read("Estonia's defence ministry said on Monday it had summoned the Russian ambassador.")
    assert name_at(doc, "it") == name_at(doc, "ministry")


def test_a_pronoun_agrees_in_gender() -> None:
    doc = read(
        "Judge Anna Berg adjourned the hearing. Prosecutor Marek Vos said he would appeal.\n\n"
        '"We need more time," she said.'
    )
    assert name_at(doc, "she") == "Anna Berg"


def test_a_pronoun_with_nobody_to_refer_to_resolves_to_nobody() -> None:
    doc = read('"The bridge is safe," she said.')
    assert name_at(doc, "she") is None
