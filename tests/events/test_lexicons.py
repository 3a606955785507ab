"""The dictionaries: CAMEO verbs, the PLOVER crosswalk, event nouns, Phoenix actors and agents."""

from __future__ import annotations

from datetime import date

import pytest

from transforms.events.actors import actor_lexicon, code_at, normalise_word
from transforms.events.codes import parse_code
from transforms.events.nouns import noun_lexicon
from transforms.events.patterns import Frame
from transforms.events.plover import PLOVER_TYPES, crosswalk, to_plover
from transforms.events.verbs import VerbDictionary, verb_dictionary
from transforms.nlp import load_nlp


def hit(sentence: str, verb: str) -> str | None:
    from transforms.events.syntax import frame

    doc = load_nlp()(sentence)
    tok = next(t for t in doc if t.text == verb)
    found = verb_dictionary().lookup(tok, frame(tok))
    return found.code if found else None


# ---- verbs --------------------------------------------------------------------------------


def test_verb_forms_come_from_the_dictionary() -> None:
    vd = verb_dictionary()
    assert {e.verb for e in vd.by_form["struck"]} >= {"STRIKE"}
    assert any(e.verb == "ACCUSE" and e.code == "112" for e in vd.by_form["accused"])


def test_patterns_refine_the_code() -> None:
    assert hit("Iraq summoned the Turkish ambassador.", "summoned") == "111"
    assert hit("The EU imposed sanctions on Belarus.", "imposed") == "163"
    assert hit("The EU imposed a curfew on the city.", "imposed") == "1723"
    assert hit("The bishop visited the hospital.", "visited") == "042"


def test_null_patterns_veto_non_events() -> None:
    # CAMEO: "killed in a car crash" is not an attack.
    assert hit("Three people were killed in an accident on the motorway.", "killed") is None


def test_newsdb_vetoes_loose_defaults_but_keeps_patterns() -> None:
    # CAMEO makes "consider" a consultation (040) and "give" cooperation (060).
    assert to_plover(hit("The minister considered the offer.", "considered")) is None
    assert hit("He gave a speech.", "gave") is None
    assert hit("The United States gave Russia several minutes of warning.", "gave") == "040"


def test_multiword_verbs_prefer_the_longer_entry() -> None:
    assert hit("She called on the government to resign.", "called") == "020"
    assert hit("About 900 handlers walked out on Monday.", "walked") == "143"


def test_the_pattern_index_finds_what_trying_every_pattern_finds() -> None:
    from transforms.events.patterns import _Head, _pattern_matches, best_pattern
    from transforms.events.syntax import frame

    def scan(patterns, fr):  # the first matching pattern of the whole list
        subjects = [_Head.of(t) for t in fr.subjects]
        objects = [_Head.of(t) for t in fr.objects]
        preps = [(p, None if o is None else _Head.of(o)) for p, o in fr.preps]
        return next((p for p in patterns if _pattern_matches(p, subjects, objects, preps)), None)

    vd = verb_dictionary()
    nlp = load_nlp()
    sentences = [
        "Iraq summoned the Turkish ambassador over the shelling.",
        "The EU imposed sanctions on Belarus and a curfew on the city.",
        "Rebels fired rockets at the base, and the army arrested dozens of protesters.",
        "The minister called for talks with the opposition and promised financial aid.",
        "Police used tear gas against demonstrators who threw stones at troops.",
    ]
    matched = 0
    for doc in nlp.pipe(sentences):
        for tok in doc:
            fr = frame(tok)
            for entry in vd.entries(tok):
                patterns = entry.block.patterns
                found = best_pattern(patterns, fr, entry.block.index or {})
                assert found is scan(patterns, fr), (tok.text, entry.block.name)
                matched += found is not None
    assert matched >= 3


def test_a_dictionary_loaded_by_hand_indexes_its_patterns_when_first_asked(tmp_path) -> None:
    path = tmp_path / "verbs.txt"
    path.write_text("---  DEPLOY   [190]  ---\nDEPLOY\n- * TROOPS [0874]\n", encoding="utf-8")
    vd = VerbDictionary()
    vd.load(path)
    block = vd.blocks["DEPLOY"]
    assert block.index is None
    doc = load_nlp()("Moscow deployed troops.")
    from transforms.events.syntax import frame

    found = vd.lookup(doc[1], frame(doc[1]))
    assert found is not None and found.code == "0874"
    assert block.index is not None and block.index["troops"] == (0,)


def test_override_file_replaces_only_the_verb_it_names(tmp_path) -> None:
    base = tmp_path / "base.txt"
    base.write_text(
        "---  SUPPORT   [050]  ---\nBACK\n\n---  RETREAT   [080]  ---\n+BACK_DOWN\n",
        encoding="utf-8",
    )
    extra = tmp_path / "extra.txt"
    extra.write_text("---  RETREAT   [087]  ---\n+BACK_DOWN\n- * TROOPS [0874]\n", encoding="utf-8")
    vd = VerbDictionary()
    vd.load(base)
    vd.load(extra, override=True)
    codes = {e.verb: e.code for e in vd.by_form["backed"]}
    assert codes == {"BACK": "050", "BACK_DOWN": "087"}
    assert vd.blocks["RETREAT"].patterns[0].code == "0874"
    assert isinstance(Frame(), Frame)


# ---- crosswalk ----------------------------------------------------------------------------


def test_crosswalk_covers_every_plover_type() -> None:
    types = {entry[0] for entry in crosswalk().values()}
    assert types == set(PLOVER_TYPES)


@pytest.mark.parametrize(
    ("cameo", "event_type", "mode"),
    [
        ("195", "ASSAULT", "aerial"),
        ("173", "COERCE", "arrest"),
        ("041", "CONSULT", "phone"),
        ("1724", "COERCE", "martial-law"),
        ("0841", "CONCEDE", "release"),  # the gold codes freed hostages as CONCEDE
        ("163", "SANCTION", "discontinue"),  # the manual's SANCTION section
        ("020", "REQUEST", None),  # appeals ("urged") are requests
        ("1412", "PROTEST", "demo"),
    ],
)
def test_cameo_to_plover(cameo: str, event_type: str, mode: str | None) -> None:
    code = to_plover(cameo)
    assert code is not None
    assert (code.event_type, code.mode) == (event_type, mode)


def test_statements_are_not_events_and_unknown_codes_fall_back_to_the_parent() -> None:
    assert to_plover("010") is None
    assert to_plover(None) is None
    assert to_plover("1999").event_type == "ASSAULT"  # 19 -> ASSAULT
    assert to_plover("1823").quad_class == "material conflict"


# ---- event nouns --------------------------------------------------------------------------


def test_event_nouns_with_modifiers() -> None:
    doc = load_nlp()("They began joint patrols and air strikes and held talks.")
    by_text = {t.text: noun_lexicon().lookup(t) for t in doc if t.pos_ == "NOUN"}
    assert by_text["patrols"].code == "062"
    assert by_text["strikes"].code == "195"
    assert by_text["talks"].code == "046"


# ---- actors and agents --------------------------------------------------------------------


def words(text: str) -> list[str]:
    return [normalise_word(w) for w in text.split()]


def codes(text: str, when: date | None = date(2020, 1, 1)) -> list[str]:
    return [
        code_at(m.actor, when) if m.actor else m.agent for m in actor_lexicon().find(words(text))
    ]


def test_countries_demonyms_and_agents() -> None:
    assert codes("Turkish warplanes") == ["TUR", "~MIL"]
    assert codes("Iraq’s foreign ministry")[0] == "IRQ"
    assert codes("Nigerians") == ["NGA"]  # plural demonym


def test_dated_codes_follow_the_article_date() -> None:
    assert codes("Benjamin Netanyahu", date(2018, 5, 10)) == ["ISRGOV"]
    assert codes("Benjamin Netanyahu", date(1993, 1, 1)) == ["ISRELI"]


def test_one_word_institutions_read_as_roles() -> None:
    # Phoenix files "SENATE" under the US Congress; alone it is just a legislature.
    assert codes("the Senate") == ["~LEG"]


def test_newsdb_additions() -> None:
    assert codes("the Houthi movement") == ["YEMREB"]
    assert codes("EU") == ["IGOEUREEC"]


@pytest.mark.parametrize(
    ("code", "country", "sector"),
    [
        ("ISRGOV", "ISR", "GOV"),
        ("ISRGOVLEG", "ISR", "LEG"),
        ("IGOUNO", None, "IGO"),
        ("NGOHLHIRC", None, "NGO"),
        ("TURREB", "TUR", "REB"),
        ("~UAF", None, "REB"),
        ("WEU", None, None),
        ("TMP", "TLS", None),
    ],
)
def test_parse_code(code: str, country: str | None, sector: str | None) -> None:
    parsed = parse_code(code)
    assert (parsed.country, parsed.sector) == (country, sector)
