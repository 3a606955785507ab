"""Word lists the coder's rules use, each with the reason it exists.

Everything here is a closed class of English words about news events (verbs that govern an
infinitive, nouns naming acts, weapons); open-ended vocabularies (actors, places, event verbs)
come from the dictionaries in ``lexicons/``.
"""

from __future__ import annotations

from transforms.events.syntax import words

#: Infinitives that make a vow a threat ("vowed to retaliate").
RETALIATION_LEMMAS = words("retaliate respond avenge react hit strike fight mirror")
LIGHT_VERBS = words(
    "carry launch conduct stage hold mount begin start unleash resume perform make continue "
    "impose order step intensify announce declare organize organise call"
)
#: Objects naming an act: reacting to them targets whoever performed the act.
ACT_NOUNS = words(
    "decision demand demands allegation allegations accusation accusations claim claims measure "
    "measures move plan proposal protest protests strike strikes attack attacks sanctions action "
    "actions policy offer request call statement remarks comments raid raids arrest arrests deal "
    "ban operation operations bid application candidacy membership"
)
#: The event an act noun refers back to: "denied the allegations" answers an ACCUSE.
ACT_TYPES: dict[str, tuple[str, ...]] = {
    **dict.fromkeys(("allegation", "accusation", "claim", "charge", "criticism"), ("ACCUSE",)),
    **dict.fromkeys(("demand", "call", "request", "appeal", "ultimatum"), ("REQUEST",)),
    **dict.fromkeys(("offer", "proposal", "plan", "deal"), ("AGREE",)),
    **dict.fromkeys(("threat", "warning"), ("THREATEN",)),
    # A government's "protest" is a diplomatic one (ACCUSE); a crowd's is a PROTEST.
    "protest": ("ACCUSE", "PROTEST"),
}
#: What a political rejection rejects (besides the acts in ACT_NOUNS and actors).
REJECTABLE = words(
    "amendment bill law motion resolution proposal plan offer deal agreement treaty request "
    "demand call appeal ultimatum candidacy nomination invitation accusation allegation charge "
    "claim report criticism sanction measure decision ruling verdict result idea suggestion "
    "initiative draft reform condition term compromise ceasefire truce"
)
#: Recipients that are not a party: a public appeal for witnesses is not a political request.
INDEFINITE = words("anyone anybody everyone everybody someone witnesses public")
RECIPIENT_PREPS: dict[str, tuple[str, ...]] = {
    "ASSAULT": ("against", "on", "at", "upon"),
    "COERCE": ("against", "on", "at"),
    "SANCTION": ("on", "against"),
    "THREATEN": ("against", "on"),
    "ACCUSE": ("against",),
    "PROTEST": ("against",),
    "CONSULT": ("with", "to"),
    "AGREE": ("with",),
    "COOPERATE": ("with",),
    "AID": ("to", "for"),
    "SUPPORT": ("for", "behind"),
    "REQUEST": ("on", "upon", "to"),
    "CONCEDE": ("to",),
    "RETREAT": ("from",),
    "MOBILIZE": ("against",),
}
LOCATIVE_PREPS = words(
    "in at near outside inside off across along around over into aboard within through"
)
#: Speakers whose reports are commentary, and actors whose acts PLOVER does not code.
COMMENTATORS = frozenset({"EDU", "BUS"})
NON_POLITICAL = frozenset({"EDU", "BUS", "MED"})
INSTITUTIONAL = frozenset({"GOV", "MIL", "COP", "JUD", "LEG", "REB", "IGO", "NGO", "OPP", "PTY"})
#: Verbs that are only the means of another act in the same sentence ("summoned the ambassador
#: and accused Ankara"): kept alone, dropped next to another event of the same actor.
MEANS_VERBS = words("summon")
#: Subjects that make an attack without a named author ("a roadside bomb killed ...").
WEAPON_NOUNS = words(
    "bomb bombs explosion explosions blast blasts mine mines ied ieds missile missiles rocket "
    "rockets shell shells mortar mortars drone drones grenade grenades shelling gunfire airstrike "
    "airstrikes strike strikes attack attacks"
)
#: Verbs whose negation is a refusal ("Ankara would not approve Sweden's bid").
APPROVALS = words("approve accept allow endorse ratify permit recognise recognize sign back")
LEAVE_LEMMAS = words("leave depart quit")
#: "ordered the army to ...": commanding one's own forces.
OWN_FORCES = words("army military troops forces soldiers police navy units")
#: "vowed to bring the attackers to justice": a vow against someone is a threat.
HOSTILE_OBJECTS = words(
    "attacker perpetrator killer militant terrorist culprit enemy aggressor assailant gunman"
)
DIPLOMATS = words("ambassador diplomat diplomats envoy consul attache")
#: Words that make a characterisation praise ("a historic opportunity", "constructive").
APPROVING = words(
    "opportunity historic constructive positive welcome good great success breakthrough "
    "productive encouraging excellent important significant useful step progress landmark "
    "milestone achievement hero model"
)
#: A warning is a threat only when it is addressed to someone ("warned the West against").
WARNING_VERBS = words("warn caution")
#: Verbs whose object is the weapon used, not the target.
INSTRUMENT_VERBS = words("fire launch drop detonate hurl throw use deploy unleash")
#: "described X as Y": an accusation only when X is someone.
CHARACTERISING_VERBS = words("describe portray depict characterise characterize brand label")
#: Event types whose two parties are better coded as actor and recipient than as one group.
RECIPROCAL_TYPES = frozenset({"AGREE", "CONSULT", "COOPERATE"})
#: Dependencies along which an event's clause inherits a governing clause's date.
CHAIN_DEPS = frozenset(
    {"conj", "xcomp", "ccomp", "advcl", "dobj", "pobj", "prep", "nsubj", "nsubjpass", "parataxis"}
)

#: Sticks that make CHARGE a use of force ("were baton-charged", "lathi-charged the crowd"):
#: the parser hangs them before the verb, where the verb dictionary's patterns do not look.
FORCE_CHARGE_MODIFIERS = words("baton lathi cane")
#: Modals of obligation: in a reported clause about another party, a demand ("said the US
#: must mediate").
OBLIGATION_MODALS = words("must should")
#: Natural disasters and epidemics: measures taken against them (a state of emergency over
#: wildfires, troops sent to help flood victims) are relief, not coercion or mobilisation.
DISASTER_WORDS = words(
    "wildfire wildfires bushfire bushfires flood floods flooding earthquake earthquakes quake "
    "tsunami "
    "hurricane hurricanes cyclone cyclones typhoon typhoons storm storms tornado drought "
    "landslide landslides mudslide avalanche eruption volcano epidemic pandemic outbreak "
    "heatwave blizzard famine"
)
#: Ordinary crime: an attack by unnamed, non-state people in such a sentence ("two gunmen
#: robbed a bank and shot a guard") is crime news, not a political event. Police action
#: against it (arrests, raids) still is one.
CRIME_WORDS = words(
    "robbery robberies robbed robber robbers burglary burglar burglars theft thief thieves "
    "heist carjacking mugging mugged looting shoplifting fraud kidnappers ransom"
)
#: State sectors whose acts against crime are police actions, not crime.
STATE_SECTORS = frozenset({"COP", "MIL", "GOV", "JUD", "SPY"})
