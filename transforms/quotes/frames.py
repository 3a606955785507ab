"""Where the reported content is, for each frame of a cue verb (see ``cues``).

Each finder returns the token range of the content and the method tag, or None when the
sentence does not have that shape; ``reported_content`` tries a cue's frames best first:

* ``said (that) X`` / ``told Y (that) X``: the ccomp subtree, without "that", and without the
  adjuncts the parser hangs between cue and clause ("said on Wednesday it had ...");
* clause-first ``X, the ministry said``: the ccomp left of the cue, or, however the parser
  attached them, everything before ", SUBJECT CUE";
* parenthetical ``X, she said, Y`` in an unquoted sentence (``parenthetical``): both parts;
* ``urged Y to X`` / ``vowed to X`` / ``accused Y of X`` / ``described Y as X``: everything after
  the cue up to the end of its complements.

Trailing adjuncts about the act of reporting (", without giving details", ", citing ...") are
not content.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from transforms.nlp.nouns import RELATIVE_PRONOUNS
from transforms.nlp.phrases import first_clause_token, np_bounds
from transforms.nlp.speech import (
    ADDRESSEE_VERBS,
    AGAINST,
    AS,
    CLAUSE,
    FOR,
    OBJ_XCOMP,
    OBJECT,
    OF,
    XCOMP,
    CueVerb,
)

Found = tuple[int, int, str]  # first token, last token (inclusive), method tag

FRAME_PREPS = {AS: "as", OF: "of", AGAINST: "against", FOR: "for"}
_COMPLEMENT_DEPS = frozenset(
    {"dobj", "dative", "iobj", "xcomp", "ccomp", "prep", "oprd", "attr", "acomp", "obj", "advcl"}
)


def reported_content(
    cue: Token,
    entry: CueVerb,
    cue_last: int,
    subject: Token,
    outer_cue_of: dict[int, Token],
) -> Found | None:
    """The content ``cue`` reports, trying its frames best first. ``cue_last`` is the last
    token of the cue phrase ("said in a statement"); ``outer_cue_of`` maps coordinated cues
    split out of a reported clause to the cue they report with (see ``indirect``)."""
    frames = entry.frames
    found: Found | None = None
    if CLAUSE in frames:
        found = (
            _ccomp_after(cue, cue_last, outer_cue_of)
            or _that_clause_below(cue, cue_last)
            or _clause_before(cue, subject)
            or _clause_before_attribution(cue, subject)
        )
    if found is None and XCOMP in frames:
        found = _xcomp(cue, cue_last, needs_object=False)
    if found is None and OBJ_XCOMP in frames:
        found = _xcomp(cue, cue_last, needs_object=True)
    for frame in (AS, OF, AGAINST, FOR):
        if found is None and frame in frames:
            found = _prep_frame(cue, cue_last, FRAME_PREPS[frame], frame)
    if found is None and OBJECT in frames:
        found = _object(cue)
    if found is None:
        return None
    first, last, method = found
    return first, _before_reporting_adjunct(cue.doc, first, last), method


def _ccomp_after(cue: Token, cue_last: int, outer_cue_of: dict[int, Token]) -> Found | None:
    # A to-infinitive is not a reported clause ("expected the deal to close").
    ccomps = [
        c for c in cue.children if c.dep_ == "ccomp" and c.i > cue_last and not is_infinitival(c)
    ]
    if not ccomps:
        return None
    doc = cue.doc
    first = min(c.left_edge.i for c in ccomps)
    last = max(c.right_edge.i for c in ccomps)
    first = max(first, cue_last + 1)
    head = ccomps[0]
    # "said on Wednesday it had summoned": an adjunct between the cue and the clause's subject,
    # with no "that" to mark the clause start, is the cue's, whatever the parser attached it to.
    subj = next((c for c in head.children if c.dep_ in ("nsubj", "nsubjpass", "expl")), None)
    if subj is not None and first < subj.left_edge.i:
        lead = doc[first : subj.left_edge.i]
        if not any(t.dep_ == "mark" or t.lower_ == "that" for t in lead) and all(
            t.dep_
            in ("prep", "pobj", "npadvmod", "det", "amod", "compound", "punct", "nummod", "advmod")
            for t in lead
        ):
            first = subj.left_edge.i
    # Cut before a coordinated or participial cue that reports in the outer speaker's voice.
    for j in range(first, last + 1):
        outer = outer_cue_of.get(j)
        if outer is not None and outer.i == cue.i:
            cc = doc[j].left_edge.i - 1 if doc[j].dep_ == "advcl" else j - 1
            while cc > first and doc[cc].dep_ in ("cc", "punct"):
                cc -= 1
            last = min(last, cc)
            break
    return first, last, "indirect:ccomp"


def is_infinitival(clause: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in clause.children) and not any(
        c.dep_ == "mark" for c in clause.children
    )


def _that_clause_below(cue: Token, cue_last: int) -> Found | None:
    """'said in a statement that X' / 'told the agency's service that X': the parser hung the
    that-clause on a noun after the cue instead of on the cue."""
    doc = cue.doc
    frontier = [c for c in cue.children if c.i > cue.i]
    # The cue phrase's own words ("made *clear* that ...") can carry the clause too.
    for j in range(cue.i + 1, cue_last + 1):
        frontier.extend(doc[j].children)
    for _ in range(3):
        nxt: list[Token] = []
        for node in frontier:
            if node.i <= cue_last:
                continue
            if node.dep_ in ("acl", "relcl", "ccomp", "advcl", "csubj") and any(
                c.dep_ == "mark" and c.lower_ == "that" for c in node.children
            ):
                return node.left_edge.i, node.right_edge.i, "indirect:ccomp"
            if node.dep_ in ("prep", "pobj", "dobj", "dative", "npadvmod", "appos"):
                nxt.extend(node.children)
        frontier = nxt
    return None


#: Words that open an adjunct about the act of reporting, not its content: "vowed to respond,
#: without giving details"; "said sales would fall, citing weak demand".
_REPORTING_ADJUNCTS = frozenset(
    {"without", "citing", "saying", "adding", "noting", "referring", "declining", "giving"}
)


def _before_reporting_adjunct(doc: Doc, first: int, last: int) -> int:
    for j in range(first + 1, last):
        if doc[j].text == "," and doc[j + 1].lower_ in _REPORTING_ADJUNCTS:
            return j - 1
    return last


def _clause_before(cue: Token, subject: Token) -> Found | None:
    """'X happened, the ministry said.': a ccomp left of the cue, then the attribution."""
    doc = cue.doc
    if _reports_forwards(cue):
        return None  # "..., in an election the opposition has vowed to challenge"
    for child in cue.children:
        if child.dep_ != "ccomp" or child.i > cue.i:
            continue
        if subject.i <= child.right_edge.i:
            return None  # the subject is inside or before the clause: not clause-first
        # Only punctuation may separate the clause from the attribution that follows it.
        gap_end = min(np_bounds(subject)[0], cue.i)
        if any(not t.is_punct for t in doc[child.right_edge.i + 1 : gap_end]):
            return None
        if _nominal_attribution(doc, child.right_edge.i + 1, cue.i):
            return None
        if any(
            c.dep_.startswith("nsubj") and c.lower_ in RELATIVE_PRONOUNS for c in child.children
        ):
            return None  # "Pelly, who had led the party, said": a misparsed relative clause
        return child.left_edge.i, child.right_edge.i, "indirect:clause_first"
    return None


def _reports_forwards(cue: Token) -> bool:
    """Whether the cue has content of its own after it (a clause, an infinitive, an object),
    which rules out reading the clause before it as what it reports. The addressee of "told
    staff" is not content."""
    for c in cue.children:
        if c.i < cue.i:
            continue
        if c.dep_ in ("ccomp", "xcomp"):
            return True
        if c.dep_ == "dobj" and cue.lemma_.lower() not in ADDRESSEE_VERBS:
            return True
    return False


#: Nouns for what someone says, which make "X, an allegation Y denied" a nominal attribution
#: (README: not a quote) rather than "X, Y denied".
_SPEECH_ACT_NOUNS = frozenset(
    {"claim", "allegation", "charge", "accusation", "assertion", "suggestion", "view", "argument"}
)


def _nominal_attribution(doc: Doc, start: int, end: int) -> bool:
    """Whether doc[start:end] (between a clause and its cue) is ', a claim/charge ...'."""
    words = [t for t in doc[start:end] if not t.is_punct]
    return (
        len(words) > 1 and words[0].pos_ == "DET" and words[1].lemma_.lower() in _SPEECH_ACT_NOUNS
    )


#: Openers of an adverbial clause after a parenthetical cue (the parser tags some as ADV).
_REASONS = frozenset({"as", "because", "since", "so", "while", "although", "though", "when"})


def parenthetical(cue: Token, cue_last: int, subject: Token) -> tuple[Found, Found] | None:
    """'Survival, she said, depends on the rain.' / 'The economy grew, he said, and so will
    jobs.': an attribution set off by commas inside an unquoted sentence reports the whole
    sentence around it: the part before (possibly a word or two) and the clause after. None
    when the cue has content of its own after it, or nothing clausal follows."""
    if cue.dep_ in ("relcl", "acl", "xcomp") or _reports_forwards(cue):
        return None
    doc = cue.doc
    sent = cue.sent
    attr_first = min(np_bounds(subject)[0], cue.i)
    after_cue = cue_last + 1
    if attr_first - 1 <= sent.start or doc[attr_first - 1].text != ",":
        return None
    if after_cue + 1 >= sent.end or doc[after_cue].text != ",":
        return None
    start = first_clause_token(sent)
    end = sent.end - 1
    while end > after_cue and (doc[end].is_punct or doc[end].is_space):
        end -= 1
    first_after = after_cue + 1
    opener = doc[first_after]
    if opener.tag_ == "VBG" or opener.lower_ in RELATIVE_PRONOUNS:
        return None  # ", adding that ...", ", who ...": the speaker's, not the sentence's
    if opener.dep_ == "mark" or opener.pos_ == "SCONJ" or opener.lower_ in _REASONS:
        return None  # ", as it shows ...", ", because ...": a reason, not what was said
    closer = doc[attr_first - 2]
    if closer.dep_ == "mark" or closer.pos_ == "SCONJ" or closer.lower_ in _REASONS:
        # "The mayor resigned because, she explained, the job ...": the narrator's clause
        # before, what was said only after.
        return (start, start - 1, "indirect:parenthetical"), (
            first_after,
            end,
            "indirect:parenthetical",
        )
    if end - first_after < 2 or attr_first - 2 < start:
        return None
    if not any(t.pos_ in ("VERB", "AUX") for t in doc[first_after : end + 1]):
        return None
    return (start, attr_first - 2, "indirect:parenthetical"), (
        first_after,
        end,
        "indirect:parenthetical",
    )


def _clause_before_attribution(cue: Token, subject: Token) -> Found | None:
    """'X is meaningful, al-Hadithi added, as ...' / 'X cut deaths ..., researchers said.':
    a clause, a comma, then the attribution, however the parser attached them (as parataxis,
    as a second subject, as the root). The reported clause is everything before the comma."""
    if cue.dep_ in ("relcl", "acl", "xcomp", "conj"):
        return None
    if _reports_forwards(cue):
        return None
    doc = cue.doc
    attr_first = min(np_bounds(subject)[0], cue.i)
    if attr_first == 0 or doc[attr_first - 1].text not in (",", "—", "–"):
        return None
    if _nominal_attribution(doc, attr_first, cue.i):
        return None
    start = first_clause_token(cue.sent)
    if attr_first - 1 - start < 4:
        return None
    opener = doc[start]
    if opener.pos_ == "SCONJ" or opener.lower_ in _REASONS or opener.lower_ in ("if", "after"):
        return None  # "When he took office, X said": a fronted adverbial, not what was said
    if not any(t.pos_ in ("VERB", "AUX") for t in doc[start : attr_first - 1]):
        return None  # "In a statement on its website, the group said": no clause before
    return start, attr_first - 1, "indirect:clause_first"


def _xcomp(cue: Token, cue_last: int, *, needs_object: bool) -> Found | None:
    """'vowed to retaliate ...' / 'urged both sides to keep ...' / 'called on the bloc to ...'.

    Directive verbs need someone directed ("urged the EU to act"; "asked not to be named" is not
    a quote), commissives do not ("vowed to retaliate")."""
    inf = _find_dep(cue, "xcomp", depth=2) or _infinitival_ccomp(cue)
    if inf is None and needs_object:
        inf = _infinitive_after_addressee(cue)
    if inf is None or inf.i < cue.i:
        return None
    if needs_object:
        to = next((c.i for c in inf.children if c.lower_ == "to" and c.i < inf.i), inf.i)
        between = cue.doc[cue_last + 1 : to]
        if not any(t.pos_ in ("NOUN", "PROPN", "PRON") for t in between):
            return None
    last = _complements_end(cue, cue_last)
    return cue_last + 1, max(last, inf.right_edge.i), "indirect:xcomp"


def _infinitive_after_addressee(cue: Token) -> Token | None:
    """ "appealed to anyone who had seen a van ... to come forward": the parser hung the
    infinitive on the relative clause describing the addressee. Searched through the
    addressee's phrase only, never through the cue's own adverbial clauses."""
    frontier = [c for c in cue.children if c.i > cue.i and c.dep_ in ("dobj", "dative", "prep")]
    for _ in range(4):
        nxt: list[Token] = []
        for node in frontier:
            if node.dep_ in ("xcomp", "advcl", "ccomp") and any(
                c.lower_ == "to" and c.dep_ == "aux" for c in node.children
            ):
                return node
            if node.dep_ in ("dobj", "dative", "prep", "pobj", "relcl", "acl"):
                nxt.extend(node.children)
        frontier = nxt
    return None


def _infinitival_ccomp(cue: Token) -> Token | None:
    """A to-infinitive the parser labelled otherwise: "urged [both sides to keep ...]" as a
    clause with its own subject, "called on X to free ..." as an adverbial clause."""
    for child in cue.children:
        if (
            child.dep_ in ("ccomp", "advcl")
            and child.i > cue.i
            and any(c.lower_ == "to" and c.dep_ == "aux" for c in child.children)
        ):
            return child
    return None


def _prep_frame(cue: Token, cue_last: int, prep: str, frame: str) -> Found | None:
    """'accused Ankara of X' / 'described the protests as X' / 'warned his colleagues against X'."""
    found = None
    for tok in cue.subtree:
        if (
            tok.i > cue_last
            and tok.lower_ == prep
            and tok.dep_ in ("prep", "mark", "agent")
            and cue.i in (tok.head.i, tok.head.head.i)
        ):
            found = tok
            break
    if found is None and frame == AS:
        # "called the strike 'deeply disappointing'": an object predicate does the work of "as".
        has_object = any(c.dep_ == "dobj" and c.i > cue_last for c in cue.children)
        found = next(
            (c for c in cue.children if c.dep_ in ("oprd", "ccomp", "xcomp") and c.i > cue_last),
            None,
        )
        if not has_object:
            found = None
    if found is None:
        return None
    last = max(_complements_end(cue, cue_last), found.right_edge.i)
    return cue_last + 1, last, f"indirect:{frame}"


def _object(cue: Token) -> Found | None:
    """'promised a "ground-up" review of ...': the object noun phrase is the content."""
    for child in cue.children:
        if child.dep_ == "dobj" and child.i > cue.i:
            return child.left_edge.i, child.right_edge.i, "indirect:object"
    return None


def _find_dep(tok: Token, dep: str, depth: int) -> Token | None:
    frontier = [tok]
    for _ in range(depth):
        nxt: list[Token] = []
        for node in frontier:
            for child in node.children:
                if child.dep_ == dep:
                    return child
                if child.dep_ in ("dobj", "prep", "pobj", "dative"):
                    nxt.append(child)
        frontier = nxt
    return None


def _complements_end(cue: Token, cue_last: int) -> int:
    """Right edge of the cue's complements, leaving out adjuncts after a comma."""
    doc = cue.doc
    last = cue_last
    for child in cue.children:
        if child.i <= cue_last or child.dep_ not in _COMPLEMENT_DEPS:
            continue
        if child.dep_ == "advcl" or (child.i > 0 and doc[child.left_edge.i - 1].text == ","):
            break  # ", without giving details", ", saying ..."
        last = max(last, child.right_edge.i)
    return last
