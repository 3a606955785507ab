"""PLOVER modes from the wording of the sentence: the weapon of an ASSAULT, the channel of a
CONSULT (manual tables 3.1 and 3.11); other types keep the crosswalk's mode for their CAMEO code.

A state's "strikes" or "raids" with no weapon named are coded ``aerial``: in news usage a
government's strike on a foreign target is an air or missile strike.
"""

from __future__ import annotations

from collections.abc import Set

from transforms.events.syntax import words

#: Chemical, biological, radiological and nuclear weapons (PLOVER mode "unconventional").
CBRN_WORDS = words(
    "chemical biological nuclear radiological sarin chlorine mustard nerve-agent novichok anthrax"
)

ASSAULT_MODES: tuple[tuple[str, frozenset[str]], ...] = (
    # PLOVER: chemical, biological, radiological and nuclear weapons are "unconventional";
    # a suicide bombing is a "suicide-attack" whatever carried the bomb ("suicide bomber" is
    # a person, not an aircraft). Both are checked before the weapons they are made of.
    ("unconventional", CBRN_WORDS),
    ("suicide-attack", words("suicide")),
    ("drone", words("drone drones uav uavs")),
    (
        "aerial",
        words(
            "air airstrike airstrikes air-strike warplane warplanes jet jets aircraft helicopter "
            "helicopters bomber bombers aerial gunship gunships"
        ),
    ),
    (
        "explosives",
        words("bomb bombs bombing ied ieds explosive explosives mine mines grenade grenades"),
    ),
    (
        "heavy-weapons",
        words(
            "artillery shelling shelled shell shells rocket rockets mortar mortars tank tanks "
            "missile missiles"
        ),
    ),
    (
        "firearms",
        words(
            "gun guns gunmen gunman gunfire rifle rifles pistol shot shooting firearm firearms "
            "handgun handguns sniper snipers"
        ),
    ),
    ("primitive", words("knife knives machete machetes stone stones rocks axe stabbed stabbing")),
    ("beat", words("beat beaten beating pistol-whipped punched kicked whipped")),
    ("abduct", words("kidnap kidnapped abducted abduction kidnapping hijacked")),
)
PHONE = words("phone telephone call videoconference video-conference")
VISIT = words("visit visited visiting flew travelled traveled hosted host")


def assault_mode(sentence_words: Set[str], trigger_lemma: str, state_actor: bool) -> str | None:
    for mode, cues in ASSAULT_MODES:
        if sentence_words & cues:
            return mode
    if trigger_lemma in {"strike", "raid"} and state_actor:
        return "aerial"
    return None


def consult_mode(sentence_words: Set[str], trigger_lemma: str) -> str | None:
    if sentence_words & PHONE:
        return "phone"
    if trigger_lemma in {"visit", "host", "fly", "travel"} or sentence_words & VISIT:
        return "visit"
    return None
