"""Language of an article: English texts must never be called foreign, however short or
full of foreign names; short French, German and Spanish texts must be told apart.

Every text here was written for these tests.
"""

from __future__ import annotations

import pytest

from transforms.clean import clean
from transforms.clean.language import identify_language
from transforms.model import RawDoc

ENGLISH = [
    # headlines, as written
    "Troops shell border town overnight, three dead",
    "Macron, Scholz and Sánchez meet in Brussels",
    "Erdoğan tells Zelenskyy Ankara will host talks",
    "Von der Leyen visits Kyiv",
    "Lula da Silva wins Brazil runoff",
    "Le Pen concedes defeat to Macron",
    "Rebels seize Goma airport",
    "São Paulo floods leave 40 dead",
    "Deutsche Bank to cut 3,500 jobs",
    "Kim Jong Un oversees missile test",
    "Ciudad Juárez mayor says cartel violence is falling",
    # all capitals
    "PM RESIGNS AFTER VOTE OF NO CONFIDENCE",
    "BREAKING: EARTHQUAKE HITS COASTAL CITY, DOZENS MISSING",
    "EU SANCTIONS MINSK OVER MIGRANT CRISIS",
    # Title Case
    "Mayor Wades In: Urges Voters To Back Bridge Plan",
    "Minister Says No To New Border Checks In Spring",
    # one-sentence reports, many names
    "Jean-Luc Dupont, Karl-Heinz Müller and José María García signed the accord in Lyon.",
    "Pedro Sánchez, Giorgia Meloni, Olaf Scholz, Emmanuel Macron and Mark Rutte attended.",
    "Sergei Lavrov met Wang Yi in Beijing.",
    "Real Madrid beat Barcelona 2-1 at the Santiago Bernabéu.",
    "Protesters gathered outside the Bundestag in Berlin on Friday.",
    "A car bomb exploded in Mogadishu, killing at least seven people, police said.",
]

FOREIGN = [
    ("fr", "Le gouvernement a annoncé une hausse des impôts."),
    ("fr", "Trois morts dans un accident de la route près de Lyon"),
    ("fr", "La police a arrêté douze personnes à Marseille dimanche."),
    ("fr", "LE PREMIER MINISTRE ANNONCE SA DÉMISSION"),
    ("fr", "Macron reçoit Scholz à l'Élysée"),
    ("fr", "Selon le ministère, les négociations reprendront lundi."),
    ("de", "Die Regierung hat eine Steuererhöhung angekündigt."),
    ("de", "Drei Tote bei Unfall auf der Autobahn"),
    ("de", "Die Polizei nahm am Sonntag zwölf Menschen in Hamburg fest."),
    ("de", "BUNDESTAG STIMMT FÜR NEUES GESETZ"),
    ("de", "Der Minister sagte, die Gespräche würden am Montag fortgesetzt."),
    ("de", "Merz kritisiert Ampel scharf"),
    ("es", "El gobierno anunció una subida de impuestos."),
    ("es", "Tres muertos en un accidente de tráfico cerca de Sevilla"),
    ("es", "La policía detuvo a doce personas en Madrid el domingo."),
    ("es", "EL PRESIDENTE DIMITE TRAS LA MOCIÓN DE CENSURA"),
    ("es", "Sánchez se reúne con Macron en París"),
    ("es", "El ministro dijo que las negociaciones continuarán el lunes."),
]


@pytest.mark.parametrize("text", ENGLISH)
def test_short_english_is_english(text: str) -> None:
    guess = identify_language(text)
    assert guess.code == "en", (text, guess)


@pytest.mark.parametrize(("code", "text"), FOREIGN)
def test_short_french_german_spanish_are_recognised(code: str, text: str) -> None:
    guess = identify_language(text)
    assert guess.code == code, (text, guess)
    assert guess.english < 0.1


def test_a_page_declaring_english_keeps_a_name_heavy_headline_english() -> None:
    assert identify_language("Kim Jong Un oversees missile test", declared="en").code == "en"


def test_clear_text_overrules_a_wrong_declaration() -> None:
    text = "Der Minister sagte, die Gespräche würden am Montag fortgesetzt."
    assert identify_language(text, declared="en").code == "de"
    english = "The minister said on Monday that the talks would go on until Friday."
    assert identify_language(english, declared="fr").code == "en"


def test_declared_language_breaks_a_tie_between_neighbours() -> None:
    # Names leave this German headline between German, English and Low German to the model;
    # with the page's declaration it is German.
    guess = identify_language("Kanzler Scholz trifft Macron in Paris", declared="de")
    assert guess.code == "de"


def test_too_short_to_tell_takes_the_declaration_or_stays_unknown() -> None:
    assert identify_language("Paris, Berlin").code is None
    assert identify_language("Paris, Berlin", declared="fr").code == "fr"
    assert identify_language("Paris", declared="und").code is None


def test_a_long_french_article_is_french_whatever_it_declares() -> None:
    text = (
        "Le conseil municipal a voté mardi soir le budget de l'année prochaine, après un débat "
        "de plus de quatre heures. L'opposition a dénoncé une hausse des tarifs de la cantine "
        "et des transports, tandis que la majorité a défendu des investissements jugés "
        "nécessaires pour rénover les écoles.\n\n« Nous ne pouvions plus attendre », a déclaré "
        "l'adjointe chargée des finances, qui a rappelé que certains bâtiments datent des "
        "années soixante."
    )
    assert identify_language(text).code == "fr"
    assert identify_language(text, declared="en").code == "fr"


def _doc(body: str, *, content_type: str = "text/plain", name: str = "a.txt") -> RawDoc:
    return RawDoc(source=f"/in/{name}", body=body.encode("utf-8"), content_type=content_type)


def test_clean_reads_the_language_of_a_one_sentence_report() -> None:
    english = clean(_doc("Storm cuts power to Dublin\n\nHigh winds cut power to 20,000 homes."))
    assert english.language == "en"
    french = clean(
        _doc("Tempête sur la Bretagne\n\nDes vents violents ont privé 20 000 foyers d'électricité.")
    )
    assert french.language == "fr"


def test_clean_uses_the_page_language_only_as_a_hint() -> None:
    page = (
        '<!doctype html><html lang="en-GB"><head><title>Grève des cheminots</title></head>'
        "<body><article><h1>Grève des cheminots</h1><p>Les syndicats de la SNCF appellent à "
        "une grève reconductible à partir de jeudi pour protester contre la réforme des "
        "retraites. La direction prévoit un train sur trois sur les grandes lignes.</p>"
        "<p>Le ministre des transports a appelé au dialogue et a promis de recevoir les "
        "représentants des salariés avant la fin de la semaine.</p></article></body></html>"
    )
    doc = clean(_doc(page, content_type="text/html", name="greve.html"))
    assert doc.language == "fr"
