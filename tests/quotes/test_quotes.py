"""Quote extraction: one small example of our own per construction (the seed and devset
acceptance tests are in ``tests/test_acceptance.py``).

spaCy is loaded once per session (``load_nlp`` is cached); every example is a few sentences.
"""

from __future__ import annotations

import pytest

from transforms.model import QuoteRecord, stable_id
from transforms.nlp import new_doc, paragraph_index_of, parse
from transforms.quotes import extract_quotes


def quotes(text: str) -> list[QuoteRecord]:
    """Extract from ``text``, checking the invariants every record must hold."""
    (doc,) = parse([new_doc(text, doc_id="doc-1")])
    records = extract_quotes(doc)
    sentence_starts = [s.start_char for s in doc.sents]
    for r in records:
        assert doc.text[r.char_start : r.char_end] == r.quote_text
        assert r.quote_id == stable_id("q", "doc-1", r.char_start, r.char_end)
        assert r.paragraph_index == paragraph_index_of(doc.text, r.char_start)
        assert r.sentence_index is not None
        assert sentence_starts[r.sentence_index] <= r.char_start
        assert 0.0 <= r.confidence <= 1.0
        assert r.quote_type in ("direct", "indirect", "mixed")
    assert [r.char_start for r in records] == sorted(r.char_start for r in records)
    return records


def one(records: list[QuoteRecord], fragment: str) -> QuoteRecord:
    found = [r for r in records if fragment in r.quote_text]
    assert len(found) == 1, [r.quote_text for r in records]
    return found[0]


# --- direct quotes -------------------------------------------------------------------------------


def test_direct_quote_with_speaker_after() -> None:
    (q,) = quotes("“The bridge will reopen in May,” city engineer Paula Grant said.")
    assert q.quote_text == "The bridge will reopen in May,"
    assert (q.quote_type, q.method) == ("direct", "direct:after_cue")
    assert (q.speaker, q.speaker_mention_type, q.speaker_type) == ("Paula Grant", "name", "person")
    assert (q.cue, q.cue_lemma, q.speaker_role) == ("said", "say", "city engineer")


def test_direct_quote_with_inverted_speaker_and_appositive_role() -> None:
    (q,) = quotes('"We expected a lot more rain," said Omar Haddad, a farmer near the river.')
    assert q.quote_text == "We expected a lot more rain,"
    assert (q.speaker, q.speaker_mention, q.speaker_role) == (
        "Omar Haddad",
        "Omar Haddad",
        "farmer near the river",
    )


def test_direct_quote_with_speaker_before_and_addressee() -> None:
    (q,) = quotes('The mayor, Ines Duarte, told the council, "Nobody will lose their home."')
    assert q.quote_text == "Nobody will lose their home."
    assert (q.speaker, q.cue, q.addressee, q.method) == (
        "Ines Duarte",
        "told",
        "the council",
        "direct:before_cue",
    )


def test_direct_quote_introduced_by_a_colon() -> None:
    (q,) = quotes('Chief Inspector Leon Marsh said: "The investigation is at an early stage."')
    assert (q.quote_text, q.method) == ("The investigation is at an early stage.", "direct:colon")
    assert (q.speaker, q.speaker_role) == ("Leon Marsh", "Chief Inspector")


def test_quote_cut_by_its_cue_gives_linked_segments_with_one_speaker() -> None:
    records = quotes(
        "Foreign Minister Anna Berg said the embassy had been evacuated.\n\n"
        '"We condemn the attack," she said, "and we will find those responsible."'
    )
    first, second = one(records, "We condemn"), one(records, "those responsible")
    assert first.quote_text == "We condemn the attack,"
    assert second.quote_text == "and we will find those responsible."
    assert second.continues_quote_id == first.quote_id
    assert first.speaker == second.speaker == "Anna Berg"
    assert (first.speaker_mention, first.speaker_mention_type) == ("she", "pronoun")


def test_multi_paragraph_quote_gives_one_linked_row_per_paragraph() -> None:
    records = quotes(
        "Coach Dario Velez spoke after the match.\n\n"
        'Velez said: "This is the first paragraph of a long answer.\n\n'
        '"This is the second paragraph, which keeps going.\n\n'
        '"And this is the third and final one."'
    )
    assert [r.quote_text for r in records] == [
        "This is the first paragraph of a long answer.",
        "This is the second paragraph, which keeps going.",
        "And this is the third and final one.",
    ]
    assert [r.paragraph_index for r in records] == [1, 2, 3]
    assert records[1].continues_quote_id == records[0].quote_id
    assert records[2].continues_quote_id == records[1].quote_id
    assert {r.speaker for r in records} == {"Dario Velez"}
    assert {r.cue for r in records} == {"said"}


def test_floating_quote_belongs_to_the_previous_speaker() -> None:
    records = quotes(
        "Coach Dario Velez said his squad was tired after the long trip.\n\n"
        '"We played three games in six days. Nobody can do that without paying a price."'
    )
    floating = one(records, "three games")
    assert (floating.method, floating.speaker_mention_type) == ("floating", "none")
    assert (floating.cue, floating.speaker_mention) == (None, None)
    assert floating.speaker == "Dario Velez"
    assert floating.continues_quote_id is None


def test_uncued_quote_after_a_colon_or_a_narrative_sentence_takes_its_subject() -> None:
    records = quotes(
        "Coach Maria Santos praised the defence.\n\n"
        'Striker Jamal Owens, who scored twice, was more cautious: "We have won nothing yet."\n\n'
        'Asked about his future, Owens smiled. "I am happy here."'
    )
    assert one(records, "won nothing").speaker == "Jamal Owens"
    assert one(records, "happy here").speaker == "Jamal Owens"


def test_quote_marks_inside_a_direct_quote_are_not_separate_quotes() -> None:
    (q,) = quotes('"They told us the plant would close," said Hugo Meyer, a welder.')
    assert q.quote_text == "They told us the plant would close,"


# --- indirect and mixed quotes -----------------------------------------------------------------


def test_indirect_quote_is_the_reported_clause_without_that_or_final_period() -> None:
    (q,) = quotes("Police said that two men had been arrested.")
    assert (q.quote_text, q.quote_type, q.method) == (
        "two men had been arrested",
        "indirect",
        "indirect:ccomp",
    )
    assert (q.speaker, q.speaker_type) == ("Police", "organisation")


def test_clause_first_indirect_quote() -> None:
    (q,) = quotes("Two men were arrested at the scene, police said.")
    assert (q.quote_text, q.speaker) == ("Two men were arrested at the scene", "police")


@pytest.mark.parametrize(
    ("text", "quote", "speaker"),
    [
        (
            "Exports rose 4 percent in March, according to the statistics office.",
            "Exports rose 4 percent in March",
            "statistics office",
        ),
        (
            "According to the fire service, the blaze started in a kitchen on the second floor.",
            "the blaze started in a kitchen on the second floor",
            "fire service",
        ),
        (
            "Forty homes were flooded, according to a statement from the Ruritania Red Cross.",
            "Forty homes were flooded",
            "Ruritania Red Cross",
        ),
    ],
)
def test_according_to(text: str, quote: str, speaker: str) -> None:
    (q,) = quotes(text)
    assert (q.quote_text, q.speaker, q.cue_lemma) == (quote, speaker, "accord")
    assert q.cue is not None and q.cue.lower() == "according to"


def test_organisation_speaker_and_nominal_back_reference() -> None:
    records = quotes(
        "The Health Ministry of Ruritania said in a statement that 40 cases had been "
        "confirmed.\n\nThe ministry said most patients were recovering at home."
    )
    first, second = one(records, "40 cases"), one(records, "recovering")
    assert first.quote_text == "40 cases had been confirmed"
    assert (first.cue, first.speaker_type) == ("said in a statement", "organisation")
    assert second.speaker == first.speaker == "Health Ministry of Ruritania"
    assert second.speaker_mention_type == "nominal"


def test_mixed_quote_keeps_its_quoted_fragment() -> None:
    (q,) = quotes(
        'The opposition leader said the plan was "a recipe for disaster" and would be '
        "challenged in court."
    )
    assert q.quote_type == "mixed"
    assert q.quote_text == 'the plan was "a recipe for disaster" and would be challenged in court'


def test_fragment_closing_after_the_clause_is_taken_whole() -> None:
    (q,) = quotes('The police said 63 people were held for "disobeying lawful orders."')
    assert q.quote_text == '63 people were held for "disobeying lawful orders."'


@pytest.mark.parametrize(
    ("text", "quote", "cue"),
    [
        (
            "The union urged its members to reject the offer.",
            "its members to reject the offer",
            "urged",
        ),
        (
            "The mayor accused the contractor of cutting corners.",
            "the contractor of cutting corners",
            "accused",
        ),
        (
            'Critics described the scheme as "a tax on the poor".',
            'the scheme as "a tax on the poor"',
            "described",
        ),
        ("The rebels vowed to fight on.", "to fight on", "vowed"),
        (
            "The envoy warned both sides against escalating the conflict.",
            "both sides against escalating the conflict",
            "warned",
        ),
        (
            "The bloc called on Ruritania to free the journalists.",
            "Ruritania to free the journalists",
            "called on",
        ),
    ],
)
def test_everything_after_urged_accused_described_vowed_warned(
    text: str, quote: str, cue: str
) -> None:
    (q,) = quotes(text)
    assert (q.quote_text, q.cue) == (quote, cue)


def test_coordinated_cues_give_one_quote_each() -> None:
    records = quotes(
        'The Ruritanian foreign ministry said the sanctions were "unlawful" and vowed to respond '
        "in kind, without giving details."
    )
    assert [r.quote_text for r in records] == [
        'the sanctions were "unlawful"',
        "to respond in kind",
    ]
    assert {r.speaker for r in records} == {"Ruritanian foreign ministry"}


def test_a_cue_inside_a_reported_clause_is_part_of_it() -> None:
    (q,) = quotes(
        "The minister said she had called her counterpart and had warned him that the "
        "detentions would have consequences."
    )
    assert q.quote_text.startswith("she had called") and q.quote_text.endswith("consequences")


# --- not quotes ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        'The so-called "peace dividend" never arrived.',
        'Her novel "Salt Roads" sold well in France.',
        'The striker, known as "the Hammer", was injured in training.',
        "The workers’ union didn’t say whether Turkey’s offer was final.",
        "She declined to say whether talks would resume.",
        "He did not say when the plant would reopen.",
        "The government issued a denial, rejecting reports that the plant had closed.",
        "The 2019 strategy promised to end homelessness by 2025.",
        'Read also: Minister says "no deal" is off the table',
        "A neighbour, who asked not to be named, was woken by the blast.",
    ],
)
def test_not_quotes(text: str) -> None:
    assert quotes(text) == []


def test_empty_document() -> None:
    assert extract_quotes(next(parse([new_doc("", doc_id="empty")]))) == []


# --- speakers -----------------------------------------------------------------------------------


def test_pronoun_resolution_respects_gender() -> None:
    records = quotes(
        "Finance Minister Clara Voss met bankers on Monday. Her spokesman, Tomas Reed, said "
        'the talks were "productive".\n\n"The banks must lend more," she said.'
    )
    assert one(records, "productive").speaker == "Tomas Reed"
    lend = one(records, "lend more")
    assert (lend.speaker, lend.speaker_role) == ("Clara Voss", "Finance Minister")


def test_surname_resolves_to_the_full_name() -> None:
    records = quotes(
        "Marta Silva, a lawyer for the family, said the inquiry had been too slow.\n\n"
        '"They have waited eleven years," Silva said.'
    )
    q = one(records, "eleven years")
    assert (q.speaker, q.speaker_mention, q.speaker_mention_type) == (
        "Marta Silva",
        "Silva",
        "surname",
    )
    assert q.speaker_role == "lawyer for the family"


def test_nominal_resolves_to_the_person_with_that_role() -> None:
    records = quotes(
        "Colonel Ivan Petrov, an army spokesman, said the convoy had reached the border.\n\n"
        "The spokesman added that no shots had been fired."
    )
    q = one(records, "no shots")
    assert (q.speaker, q.speaker_mention, q.speaker_mention_type) == (
        "Ivan Petrov",
        "The spokesman",
        "nominal",
    )
    assert q.speaker_role == "Colonel, army spokesman"
    assert q.speaker_affiliation == "army"


def test_nominal_does_not_cross_to_a_different_organisation() -> None:
    records = quotes(
        "Ruritania's defence ministry said its jets had struck three targets.\n\n"
        "Borduria's foreign ministry said it had summoned the ambassador.\n\n"
        "The strikes hit no civilians, the defence ministry said."
    )
    assert one(records, "no civilians").speaker == "Ruritania's defence ministry"


def test_role_and_affiliation_from_premodifiers_and_appositives() -> None:
    records = quotes(
        "Kenyan health ministry spokesman David Otieno said the outbreak was under control. "
        "Lena Brandt, a researcher at the Max Planck Institute, said more testing was needed."
    )
    otieno, brandt = one(records, "under control"), one(records, "more testing")
    assert (otieno.speaker_role, otieno.speaker_affiliation) == (
        "Kenyan health ministry spokesman",
        "Kenyan health ministry",
    )
    assert (brandt.speaker_role, brandt.speaker_affiliation) == (
        "researcher at the Max Planck Institute",
        "Max Planck Institute",
    )


def test_role_is_repeated_on_every_record_of_the_speaker() -> None:
    records = quotes(
        "Harbourview police chief Dana Holt said the road would stay closed.\n\n"
        '"We need two more days," Holt said.\n\n"Maybe three."'
    )
    assert {r.speaker for r in records} == {"Dana Holt"}
    assert {r.speaker_role for r in records} == {"Harbourview police chief"}


def test_group_and_anonymous_speakers_are_the_phrase_itself() -> None:
    records = quotes(
        "Residents of the valley said they had not been warned.\n\n"
        "An official, who spoke on condition of anonymity, said the dam had been inspected."
    )
    residents, official = one(records, "not been warned"), one(records, "inspected")
    assert (residents.speaker, residents.speaker_type) == ("Residents of the valley", "group")
    assert (official.speaker, official.speaker_type) == ("An official", "person")


def test_passive_quoted_as_saying() -> None:
    (q,) = quotes(
        "The minister was quoted by the Interfax news agency as saying the talks would "
        "continue next week."
    )
    assert (q.quote_text, q.speaker, q.cue) == (
        "the talks would continue next week",
        "minister",
        "saying",
    )


def test_pronoun_with_no_antecedent_has_no_speaker() -> None:
    (q,) = quotes('"Why now?" she asked.')
    assert (q.speaker, q.speaker_mention, q.cue_lemma) == (None, "she", "ask")


def test_joint_speakers_are_written_a_and_b() -> None:
    records = quotes(
        "Governor Tom Ross spoke first.\n\n"
        '"We need help now," Mayor Lina Park and Governor Tom Ross said in a joint letter.'
    )
    q = one(records, "help now")
    assert (q.speaker, q.speaker_type) == ("Lina Park and Tom Ross", "group")


def test_people_described_by_age_or_nationality_are_the_person_just_met() -> None:
    records = quotes(
        'Julien Moreau finished second in the sprint. "I gave everything," the Frenchman said.\n\n'
        '"And I would do it again," the 31-year-old added.'
    )
    assert one(records, "gave everything").speaker == "Julien Moreau"
    assert one(records, "do it again").speaker == "Julien Moreau"


def test_a_statement_speaks_for_the_organisation_that_issued_it() -> None:
    records = quotes(
        "Minister Paul Hagen resigned on Friday. His party, the Liberal Union, issued a "
        'statement. "We thank him for his service," the statement said.'
    )
    q = one(records, "his service")
    assert (q.speaker, q.speaker_mention) == ("Liberal Union", "the statement")


def test_uncued_quote_after_a_report_in_the_same_paragraph() -> None:
    records = quotes('The ministry said it would respond. "We will not be intimidated."')
    q = one(records, "intimidated")
    assert (q.speaker, q.method) == ("ministry", "direct:after_narrative")


def test_infinitive_after_an_addressee_with_a_relative_clause() -> None:
    (q,) = quotes(
        "Inspector Dahl appealed to anyone who had seen a dark van near the museum to come forward."
    )
    assert q.quote_text == "to anyone who had seen a dark van near the museum to come forward"
    assert q.speaker == "Dahl"


def test_never_raises_and_offsets_hold_on_broken_text() -> None:
    texts = [
        '"',
        "“”",
        '"a,"\n\n"b',
        'said: "',
        'according to, "x," said',
        "He said. She said. “",
        "‘’ ' '' \"\" « »",
        ", according to the ministry.",
        '"We will," he said, "' + "very long " * 200,
    ]
    for text in texts:
        quotes(text)
