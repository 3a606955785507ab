"""The event coder end to end: small hand-made examples for each behaviour (the seed and
devset acceptance tests are in ``tests/test_acceptance.py``).

spaCy is loaded once per process (``load_nlp`` is cached); each example is one or two
sentences, so the whole file runs in a few seconds after the model has loaded.
"""

from __future__ import annotations

from datetime import date

import pytest

from transforms.events import extract_events
from transforms.model import EventRecord, QuoteRecord, stable_id
from transforms.nlp import new_doc, parse
from transforms.quotes import extract_quotes


def code(
    text: str, published: date | None = date(2021, 2, 26), quotes: list[QuoteRecord] | None = None
) -> list[EventRecord]:
    """The events of ``text``, after the quote stage (or with the ``quotes`` given instead)."""
    (doc,) = parse([new_doc(text, doc_id="t", published=published)])
    if quotes is None:
        extract_quotes(doc)
    else:
        doc._.quotes = quotes
    return extract_events(doc)


def only(events: list[EventRecord], event_type: str) -> EventRecord:
    found = [e for e in events if e.event_type == event_type]
    assert len(found) == 1, [(e.event_type, e.trigger_text) for e in events]
    return found[0]


# ---- trigger types ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "event_type", "country"),
    [
        ("Israeli aircraft struck Hamas targets in the Gaza Strip on Friday.", "ASSAULT", "ISR"),
        (
            "Chinese President Xi Jinping met U.S. President Joe Biden in Bali on Monday.",
            "CONSULT",
            "CHN",
        ),
        ("Washington imposed sanctions on three Iranian oil companies.", "SANCTION", "USA"),
        ("Turkey accused Sweden of harbouring Kurdish militants.", "ACCUSE", "TUR"),
        ("Pakistani police arrested dozens of opposition supporters in Lahore.", "COERCE", "PAK"),
        ("Venezuela rejected the U.S. proposal for new elections.", "REJECT", "VEN"),
        ("Hezbollah vowed to retaliate for the killing of its commander.", "THREATEN", "LBN"),
        ("French President Emmanuel Macron praised Morocco's role in the fight.", "SUPPORT", "FRA"),
        ("Ethiopian troops withdrew from the border town of Humera on Friday.", "RETREAT", "ETH"),
        ("Russia massed troops near the Ukrainian border.", "MOBILIZE", "RUS"),
        ("Japan pledged $500 million in humanitarian assistance for Turkey.", "AGREE", "JPN"),
        ("Ukraine asked its allies for more air defence systems.", "REQUEST", "UKR"),
        ("Lebanese protesters blocked roads in Beirut with burning tyres.", "PROTEST", "LBN"),
        ("Colombia extradited a drug lord to the United States on Wednesday.", "COOPERATE", "COL"),
    ],
)
def test_trigger_types_and_actor_country(text: str, event_type: str, country: str) -> None:
    event = only(code(text), event_type)
    assert event.actor1_country == country


def test_event_nouns_need_an_anchor() -> None:
    # "a PKK attack" has an owner and is coded; "the strikes" only refers back.
    events = code(
        "Yavuz said the strikes were a legitimate response to a PKK attack on a Turkish "
        "border post in Hakkari province last week in which two soldiers were killed.",
        published=date(2020, 9, 3),
    )
    attack = only(events, "ASSAULT")
    assert attack.trigger_text == "attack"
    assert attack.actor1_country == "TUR" and attack.actor1_sector == "REB"
    assert attack.fatalities == 2


def test_light_verb_makes_the_noun_the_event() -> None:
    event = only(code("Russia and China held joint naval drills in the Sea of Japan."), "COOPERATE")
    assert event.trigger_text == "drills"
    assert event.actor1_country == "RUS"


def test_passive_voice_takes_the_by_agent_as_actor() -> None:
    event = only(
        code(
            "At least 11 fighters were killed in air strikes carried out by the US "
            "late on Thursday."
        ),
        "ASSAULT",
    )
    assert event.actor1_country == "USA"
    assert event.fatalities == 11
    assert event.event_date == date(2021, 2, 25)


def test_agentless_passive_reported_by_an_institution() -> None:
    event = only(
        code('The interior ministry said 63 people had been detained for "disobeying orders."'),
        "COERCE",
    )
    assert event.actor1 == "The interior ministry"


def test_conjoined_parties_of_an_agreement_are_actor_and_recipient() -> None:
    event = only(
        code("Sudan's army and the Rapid Support Forces agreed on Tuesday to a 72-hour ceasefire."),
        "AGREE",
    )
    assert event.actor1_country == "SDN" and event.actor2 is not None


def test_control_verbs_combine_with_their_infinitive() -> None:
    assert only(code("Iran threatened to close the Strait of Hormuz."), "THREATEN").modality == (
        "threatened"
    )
    agree = only(code("The two sides agreed to exchange about 400 prisoners."), "AGREE")
    assert agree.trigger_text == "agreed"
    request = only(
        code(
            "Rodrigo Pardo, the government's peace commissioner, urged the ELN to free at least "
            "nine other people."
        ),
        "REQUEST",
    )
    assert request.actor2 == "the ELN" and request.actor2_country == "COL"


# ---- actors ------------------------------------------------------------------------------


def test_capital_and_seat_of_government_are_the_government() -> None:
    moscow = only(code("Moscow condemned the strikes."), "ACCUSE")
    assert (moscow.actor1_country, moscow.actor1_sector) == ("RUS", "GOV")
    kremlin = only(code("The Kremlin denied that its forces had targeted civilians."), "REJECT")
    assert (kremlin.actor1_country, kremlin.actor1_sector) == ("RUS", "GOV")


def test_titles_demonyms_and_sectors() -> None:
    event = only(
        code(
            "Israeli Prime Minister Benjamin Netanyahu flew to Moscow to meet Putin.",
            date(2018, 5, 10),
        ),
        "CONSULT",
    )
    assert (event.actor1_canonical, event.actor1_country, event.actor1_sector) == (
        "Benjamin Netanyahu",
        "ISR",
        "GOV",
    )
    assert event.actor2_country == "RUS"
    assert event.event_mode == "visit"


def test_patrons_are_not_the_actors_country() -> None:
    event = only(
        code("US warplanes bombed Iran-backed militias near the border on Thursday."), "ASSAULT"
    )
    assert event.actor2_country != "IRN"
    led = only(code("The Saudi-led coalition rejected the allegations as baseless."), "REJECT")
    assert led.actor1_country == "SAU"


def test_pronouns_and_nominals_resolve_to_earlier_actors() -> None:
    events = code(
        "Iraq's foreign ministry said on Wednesday it had summoned the Turkish ambassador and "
        "accused Ankara of a flagrant violation of Iraqi sovereignty.\n\n"
        "The ministry also urged Turkey to withdraw its troops.",
        published=date(2020, 9, 3),
    )
    accuse = only(events, "ACCUSE")
    assert (accuse.actor1_country, accuse.actor2_country) == ("IRQ", "TUR")
    request = only(events, "REQUEST")
    assert request.actor1_country == "IRQ" and request.actor1_sector == "GOV"


def test_reaction_to_an_act_targets_its_author() -> None:
    events = code(
        "The European Union imposed sanctions on Belarus.\n\n"
        "The United States welcomed the EU's decision."
    )
    support = only(events, "SUPPORT")
    assert support.actor2_canonical == "European Union"
    assert support.actor2_country is None and support.actor2_sector == "IGO"


def test_commentators_and_companies_are_not_actors() -> None:
    assert code("Analyst Jan Kuipers said the government had violated the ceasefire.") == []
    assert code("Dutch coatings maker Van Rijn has agreed to be bought by a German rival.") == []


# ---- dates, places, casualties ------------------------------------------------------------


def test_weekday_resolves_to_the_most_recent_such_day() -> None:
    # Friday 26 February 2021: "on Thursday" is the 25th, "on Friday" the same day.
    event = only(code("The United States carried out a strike in Syria on Thursday."), "ASSAULT")
    assert (event.event_date, event.date_method, event.date_text) == (
        date(2021, 2, 25),
        "weekday",
        "on Thursday",
    )


def test_forward_tense_takes_the_coming_weekday() -> None:
    event = only(code("Troops would return to the area on Sunday.", date(2017, 8, 12)), "MOBILIZE")
    assert event.event_date == date(2017, 8, 13)
    assert event.modality == "future"


def test_undated_events_fall_back_to_the_dateline() -> None:
    event = only(code("Moscow condemned the strikes."), "ACCUSE")
    assert (event.event_date, event.date_method, event.date_text) == (
        date(2021, 2, 26),
        "published_fallback",
        None,
    )


def test_vague_dates_are_null_with_their_text_kept() -> None:
    event = only(
        code("Iran's intelligence ministry said it had arrested two French citizens last week."),
        "COERCE",
    )
    assert event.event_date is None and event.date_text == "last week"
    assert event.date_method == "vague"


def test_gazetteer_finds_transliterated_towns() -> None:
    event = only(
        code("US jets struck a former government building in the town of Abu Kamal on Thursday."),
        "ASSAULT",
    )
    assert event.location_country == "SYR"
    assert event.latitude == pytest.approx(34.45, abs=0.05)


def test_casualties_keep_their_qualifier() -> None:
    event = only(
        code("Gunmen killed at least 23 people in an attack on a village in Zamfara state."),
        "ASSAULT",
    )
    assert (event.fatalities, event.magnitude_text) == (23, "at least 23")
    hurt = only(
        code(
            "Two dozen people were wounded when Georgian riot police fired tear gas at protesters."
        ),
        "COERCE",
    )
    assert hurt.injured == 24


# ---- polarity, modality, quotes, scope ------------------------------------------------------


def test_negation() -> None:
    event = only(code("Turkish jets did not strike the Makhmour refugee camp."), "ASSAULT")
    assert event.polarity == "negative"


def test_hypothetical_and_future() -> None:
    hypothetical = only(
        code(
            "He said the government could return to the negotiating table in Quito if all the "
            "hostages were released."
        ),
        "CONSULT",
    )
    assert hypothetical.modality == "hypothetical"
    # PLOVER manual (AGREE, CONSULT): a future meeting, visit or aid is an intention, AGREE.
    future = only(code("A joint committee will meet aboard a UN vessel next week."), "AGREE")
    assert future.modality == "asserted"
    visit = only(code("The Chinese president will visit Kenya next month."), "AGREE")
    assert visit.actor1_country == "CHN" and visit.actor2_country == "KEN"


def test_refusing_a_concession_is_a_rejection() -> None:
    event = only(
        code("The party's chairman, Davit Sulaberidze, said the bill would not be withdrawn."),
        "REJECT",
    )
    assert event.polarity == "positive"


def test_events_inside_indirect_quotes_link_to_the_quote() -> None:
    text = "Lavrov said the United States carried out a strike in Syria on Thursday."
    clause = "the United States carried out a strike in Syria on Thursday"
    start = text.index(clause)
    quote = QuoteRecord(
        quote_id="q_1",
        doc_id="t",
        quote_text=clause,
        char_start=start,
        char_end=start + len(clause),
        quote_type="indirect",
    )
    event = only(code(text, quotes=[quote]), "ASSAULT")
    assert event.quote_id == "q_1"


def test_no_events_inside_direct_quotes() -> None:
    events = code(
        '"We will strike every base they have and we will arrest their leaders," the general told '
        "reporters."
    )
    assert events == []


def test_no_events_in_sport_business_or_science() -> None:
    assert code("Manchester City beat Arsenal 3-1 on Sunday to go top of the Premier League.") == []
    assert code("Shares of Apple fell 3 percent after the company reported weaker sales.") == []
    assert (
        code("Heavy rain killed at least 20 people in southern China, state media reported.") == []
    )


def test_background_is_not_coded() -> None:
    assert (
        code(
            "The PKK, which has waged an insurgency against the Turkish state since 1984, is "
            "designated a terrorist organisation by Turkey."
        )
        == []
    )


def test_event_ids_are_stable() -> None:
    event = only(code("Turkey accused Sweden of harbouring Kurdish militants."), "ACCUSE")
    assert event.event_id == stable_id(
        "e", "t", event.trigger_start, "ACCUSE", event.actor1_canonical, event.actor2_canonical
    )
    assert (
        code("Turkey accused Sweden of harbouring Kurdish militants.")[0].event_id == event.event_id
    )


def test_offsets_index_the_text() -> None:
    text = "First paragraph.\n\nTurkey accused Sweden of harbouring Kurdish militants."
    event = code(text)[0]
    assert text[event.trigger_start : event.trigger_end] == event.trigger_text == "accused"
    assert event.sentence_index == 1
