"""The speech lexicon: which verbs report speech or thought, and what complement each one takes.

The one list of reporting verbs and nouns newsdb has: quotes read it to find attributions, events
to tell a reported event from a narrated one and to find who reports it.

The verb list is drawn from the verbs of communication and of mental state that the attribution
literature treats as reporting verbs: Levin (1993, *English Verb Classes and Alternations*)
classes 37.1-37.9 (transfer of message, tell, manner of speaking, say, complain, advise),
29.4-29.5 (declare, conjecture) and 31.3 (marvel); the reporting-verb list of Krestel, Bergler
and Witte (2008, "Minding the Source: Automatic Tagging of Reported Speech in Newspaper Articles",
LREC); and the cue inventory of the PARC 3.0 attribution corpus (Pareti 2016). Verbs that are
reporting verbs only in a specific frame ("accuse X of", "describe X as", "urge X to") carry that
frame, so "rejected the demand" is not a quote while "rejected the claims as baseless" is.

A frame names the complement that holds the reported content:

* ``clause``  a finite clause: "said (that) X", and also clause-first "X, the ministry said";
* ``xcomp``   a to-infinitive: "vowed to retaliate";
* ``obj_xcomp`` an addressee and a to-infinitive: "urged the EU to act" ("asked not to be
  named" has no addressee and is not a quote);
* ``object``  a plain noun phrase: "promised a review", "demanded the release of";
* ``as``      "described X as Y", "rejected X as Y";
* ``of``      "accused X of Y", "warned of Y";
* ``against`` "warned X against Y";
* ``for``     "blamed X for Y", "called for Y".

For every frame except ``clause`` the quote is everything after the cue (the README's rule for
urged / accused / called on / warned X against / described X as).
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

CLAUSE = "clause"
XCOMP = "xcomp"
OBJ_XCOMP = "obj_xcomp"
OBJECT = "object"
AS = "as"
OF = "of"
AGAINST = "against"
FOR = "for"


@dataclass(frozen=True, slots=True)
class CueVerb:
    """One reporting verb: its frames, and whether it reports a thought rather than speech."""

    lemma: str
    frames: frozenset[str]
    cognition: bool = False
    #: Reports content the speaker actively asserts; used to rank attributions.
    weight: float = 1.0


def _cues(lemmas: str, *frames: str, cognition: bool = False, weight: float = 1.0) -> list[CueVerb]:
    return [CueVerb(w, frozenset(frames), cognition, weight) for w in lemmas.split()]


_SPEECH_CLAUSE = (
    # Levin 37.7 (say) and 37.1 (transfer of message)
    "say tell add state announce declare explain note report claim assert maintain "
    "insist argue contend reply respond answer remark observe comment stress emphasise "
    "emphasize reiterate repeat confirm deny admit acknowledge concede reveal disclose "
    "indicate recall testify allege suggest write tweet post predict conclude "
    "speculate hint signal assure inform notify remind brief advise caution "
    # Levin 37.3 (manner of speaking) and 31.3: reporting verbs of direct speech in news
    "complain lament boast joke quip shout scream yell mutter whisper cry plead "
    "counter retort protest object continue agree"
)

_COGNITION_CLAUSE = "believe think expect fear hope worry doubt suspect feel reckon estimate"

CUE_VERBS: dict[str, CueVerb] = {
    c.lemma: c
    for c in (
        _cues(_SPEECH_CLAUSE, CLAUSE)
        + _cues(_COGNITION_CLAUSE, CLAUSE, cognition=True, weight=0.7)
        + _cues("warn", CLAUSE, OBJ_XCOMP, OF, AGAINST)
        + _cues("vow pledge promise threaten", CLAUSE, XCOMP, OBJECT)
        + _cues("urge ask encourage implore press appeal exhort", OBJ_XCOMP)
        + _cues("demand", CLAUSE, OBJECT)
        + _cues("accuse", OF)
        + _cues("blame", FOR)
        + _cues(
            "describe reject dismiss brand label characterise characterize hail denounce "
            "condemn criticise criticize portray call term dub",
            AS,
        )
    )
}
# "agree" reports speech only with a clause ("agreed that the plan was flawed"); "agreed to
# extend the truce" is an event, which the xcomp-less frame above already excludes.

#: Verbs that report speech only with this particle or preposition: "called on X to",
#: "called for Y", "pointed out that", "made clear that".
PHRASAL_CUES: dict[tuple[str, str], CueVerb] = {
    ("call", "on"): CueVerb("call", frozenset({XCOMP}), weight=1.0),  # "on X" is the object
    ("call", "for"): CueVerb("call", frozenset({FOR}), weight=0.8),
    ("point", "out"): CueVerb("point", frozenset({CLAUSE})),
    ("make", "clear"): CueVerb("make", frozenset({CLAUSE}), weight=0.9),
}

#: Cues that report speech only from someone who can speak: "the minister suggested that ..."
#: is speech, "the figures suggest that ..." and "exit polls indicate ..." are evidence.
EVIDENCE_CUES: frozenset[str] = frozenset({"suggest", "indicate", "signal", "confirm", "show"})

#: Prepositional phrases after a cue that are part of the cue itself ("said in a statement").
CUE_PP_NOUNS: frozenset[str] = frozenset({"statement"})

#: Verbs whose object is the person addressed ("told staff", "warned investors"), not content.
ADDRESSEE_VERBS: frozenset[str] = frozenset(
    {"tell", "inform", "assure", "remind", "brief", "notify", "warn"}
)

#: The addressee that wire style folds into the cue ("told reporters").
CUE_ADDRESSEES: frozenset[str] = frozenset({"reporters"})

#: Heads under which a cue only reports a refusal to speak ("declined to say whether").
NON_ASSERTING_HEADS: frozenset[str] = frozenset(
    {"decline", "refuse", "fail", "want", "try", "begin", "start", "plan", "need", "have", "be"}
)


def cue_for(lemma: str, particle: str | None = None) -> CueVerb | None:
    """The cue entry for a verb lemma, preferring the phrasal entry when the particle matches."""
    if particle is not None:
        phrasal = PHRASAL_CUES.get((lemma, particle))
        if phrasal is not None:
            return phrasal
    return CUE_VERBS.get(lemma)


_VERB_TAGS = frozenset({"VBD", "VBZ", "VBP", "VBG", "VBN", "VB"})


def may_cue(pos: str, tag: str) -> bool:
    """Can a token with this part of speech and tag be a reporting verb? (``cue_entry``'s first
    test, which a scan of a whole document asks of the layout's columns, not of Tokens.)"""
    return pos in ("VERB", "AUX") or tag in _VERB_TAGS


def cue_entry(tok: Token) -> CueVerb | None:
    """The lexicon entry when ``tok`` is a reporting verb (with its particle, if phrasal)."""
    if not may_cue(tok.pos_, tok.tag_):
        return None
    lemma = tok.lemma_.lower()
    if lemma not in CUE_VERBS and lemma not in _PHRASAL_LEMMAS:
        return None  # most verbs: no entry, whatever follows them
    return cue_for(lemma, particle_of(tok))


#: The verbs of the phrasal cues: only these need their children read for a particle.
_PHRASAL_LEMMAS = frozenset(lemma for lemma, _ in PHRASAL_CUES)


def particle_of(tok: Token) -> str | None:
    """The particle of a phrasal cue ("called *on*", "pointed *out*", "made *clear*"), if any."""
    lemma = tok.lemma_.lower()
    if lemma not in _PHRASAL_LEMMAS:
        return None
    for child in tok.children:
        if child.i > tok.i and (lemma, child.lower_) in PHRASAL_CUES:
            return child.lower_
    return None


def is_according(tok: Token) -> bool:
    """ "according" in "according to X"."""
    if tok.lower_ != "according":
        return False
    nxt = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
    return nxt is not None and nxt.lower_ == "to"


def reports_speech(tok: Token) -> bool:
    """A verb that reports what someone says or thinks in a clause ("said that ...", "X, the
    ministry said"), or the "according" of "according to"."""
    if is_according(tok):
        return True
    entry = cue_entry(tok)
    return entry is not None and CLAUSE in entry.frames


def asserts(tok: Token) -> bool:
    """A cue that reports an assertion: active, not negated, not "declined to say"."""
    for child in tok.children:
        if child.dep_ in ("neg", "auxpass", "nsubjpass"):
            return False
    if tok.tag_ == "VBN" and not any(c.dep_ in ("aux", "nsubj") for c in tok.children):
        return False  # "Asked about job cuts, the chief executive said ..."
    return not (tok.dep_ == "xcomp" and tok.head.lemma_.lower() in NON_ASSERTING_HEADS)
