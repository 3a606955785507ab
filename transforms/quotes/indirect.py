"""Indirect and mixed quotes: the content a reporting verb governs in the dependency parse.

For each cue verb outside quotation marks (see ``cues``), the reported content is the
complement its frame names:

* ``said (that) X`` / ``told Y (that) X``: the ccomp subtree, without "that", and without the
  adjuncts the parser hangs between cue and clause ("said on Wednesday it had ...");
* clause-first ``X, the ministry said``: the ccomp left of the cue, or, when the parser makes X
  the root and the cue a parataxis, everything before the attribution;
* ``according to Y``: the clause the phrase attaches to, on whichever side of it;
* ``urged Y to X`` / ``vowed to X`` / ``accused Y of X`` / ``described Y as X``: everything after
  the cue up to the end of its complements (trailing ", without giving details" adjuncts are
  not content).

A reported clause that contains a quote-mark fragment is a mixed quote. Cues inside another
quote's content are not separate quotes ("said she had warned him that ..." is one quote), except
a bare verb coordinated with the reported clause's head, which shares the outer subject ("said
the sanctions were illegal and vowed to respond": two quotes).
"""

from __future__ import annotations

from bisect import bisect_left

from spacy.tokens import Doc, Span, Token

from transforms.quotes.attribution import Attribution, Candidate, attribute, cue_entry, is_according
from transforms.quotes.cues import (
    AGAINST,
    AS,
    CLAUSE,
    FOR,
    NON_ASSERTING_HEADS,
    OBJ_XCOMP,
    OBJECT,
    OF,
    XCOMP,
    CueVerb,
)
from transforms.quotes.direct import DirectResult
from transforms.quotes.layout import DocLayout
from transforms.quotes.marks import QuoteSpan
from transforms.quotes.roles import RELATIVE_PRONOUNS
from transforms.quotes.speakers import is_non_speaker, is_quote_mark, np_bounds

CONFIDENCE = {
    "indirect:ccomp": 0.85,
    "indirect:clause_first": 0.8,
    "indirect:parataxis": 0.7,
    "indirect:according_to": 0.8,
    "indirect:xcomp": 0.75,
    "indirect:object": 0.6,
    "indirect:as": 0.7,
    "indirect:of": 0.75,
    "indirect:against": 0.7,
    "indirect:for": 0.6,
}
_FRAME_PREPS = {AS: "as", OF: "of", AGAINST: "against", FOR: "for"}
_AUX_TAGS = frozenset({"MD", "VBD", "VBZ", "VBP", "VB", "VBN", "VBG"})
_COMPLEMENT_DEPS = frozenset(
    {"dobj", "dative", "iobj", "xcomp", "ccomp", "prep", "oprd", "attr", "acomp", "obj", "advcl"}
)


def find_indirect_quotes(layout: DocLayout, direct: DirectResult) -> list[Candidate]:
    doc = layout.doc
    masks = _Masks(layout, direct)
    fragments = direct.fragments
    opens = [f.open for f in fragments]
    outer_cue_of = _split_coordinated_cues(doc, masks.no_cue)

    candidates: list[Candidate] = []
    for tok in doc:
        if masks.no_cue[tok.i] or tok.i in direct.used_cues:
            continue
        if is_according(tok):
            cand = _according(layout, tok, masks)
        else:
            entry = cue_entry(tok)
            if entry is None or not _asserts(tok):
                continue
            cand = _verb_quote(layout, tok, entry, masks, outer_cue_of)
        if cand is None:
            continue
        _mark_mixed(cand, fragments, opens)
        candidates.append(cand)
    return _drop_nested(candidates)


# --- which cue tokens count ---------------------------------------------------------------------


class _Masks:
    """Per-token flags, built once: ``walls`` (direct quotes and boilerplate lines, which no
    reported clause may enter) and ``no_cue`` (walls plus quote-mark fragments, whose words are
    quoted, not used to report)."""

    def __init__(self, layout: DocLayout, direct: DirectResult) -> None:
        n = len(layout.doc)
        self.walls = [False] * n
        for first, last in direct.covered:
            for i in range(first, last + 1):
                self.walls[i] = True
        for block in layout.blocks:
            if block.boilerplate:
                for i in layout.tokens_between(block.start, block.end):
                    self.walls[i] = True
        self.no_cue = list(self.walls)
        for span in direct.fragments:
            for i in layout.tokens_between(span.start, span.end):
                self.no_cue[i] = True


def walls_of(layout: DocLayout, direct: DirectResult) -> list[bool]:
    """Per-token flags for direct-quote and boilerplate tokens (for the entity table)."""
    return _Masks(layout, direct).walls


def _asserts(tok: Token) -> bool:
    """A cue that reports an assertion: active, not negated, not "declined to say"."""
    for child in tok.children:
        if child.dep_ in ("neg", "auxpass", "nsubjpass"):
            return False
    if tok.tag_ == "VBN" and not any(c.dep_ in ("aux", "nsubj") for c in tok.children):
        return False  # "Asked about job cuts, the chief executive said ..."
    return not (tok.dep_ == "xcomp" and tok.head.lemma_.lower() in NON_ASSERTING_HEADS)


def _split_coordinated_cues(doc: Doc, blocked: list[bool]) -> dict[int, Token]:
    """Cues coordinated with the head of another cue's reported clause, that share its subject.

    "said the sanctions were illegal and vowed to respond": "vowed" hangs off "were" but its
    subject is the ministry. Only a bare finite verb with a complement of its own qualifies;
    one with its own subject or auxiliary ("and had warned him") is inside the reported clause,
    and so is one continuing a backshifted clause about the speaker itself ("said it had
    summoned the ambassador and accused Ankara of ...": "it" is the speaker, "had" marks the
    whole coordination as reported).
    """
    outer: dict[int, Token] = {}
    for tok in doc:
        if tok.dep_ not in ("conj", "advcl") or blocked[tok.i]:
            continue
        entry = cue_entry(tok)
        if entry is None or not _has_complement(tok, entry):
            continue
        if any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") for c in tok.children):
            continue
        if tok.dep_ == "advcl":
            # "said passengers should check, warning that ...": a participle after a comma
            # reports in the outer speaker's voice wherever the parser attached it.
            if tok.tag_ != "VBG" or doc[tok.left_edge.i - 1].text != ",":
                continue
            clause = _enclosing_reported_clause(tok)
            if clause is not None:
                outer[tok.i] = clause.head
            continue
        root = tok.head
        while root.dep_ == "conj" and root.head.i != root.i:
            root = root.head
        if root.dep_ != "ccomp" or cue_entry(root.head) is None or root.head.i > root.i:
            continue
        if _backshifted_self_report(root):
            continue
        outer[tok.i] = root.head
    return outer


def _enclosing_reported_clause(tok: Token) -> Token | None:
    """The ccomp of a cue verb that ``tok`` sits inside, if any (a few levels up)."""
    node = tok.head
    for _ in range(4):
        if node.dep_ == "ccomp" and cue_entry(node.head) is not None and node.head.i < node.i:
            return node
        if node.head.i == node.i:
            return None
        node = node.head
    return None


def _has_complement(tok: Token, entry: CueVerb) -> bool:
    deps = {
        c.dep_
        for c in tok.children
        if c.i > tok.i and not (c.dep_ == "ccomp" and _is_infinitival(c))
    }
    preps = {c.lower_ for c in tok.children if c.dep_ == "prep"}
    if CLAUSE in entry.frames and "ccomp" in deps:
        return True
    if (XCOMP in entry.frames or OBJ_XCOMP in entry.frames) and "xcomp" in deps:
        return True
    if OBJECT in entry.frames and "dobj" in deps:
        return True
    if AS in entry.frames and "dobj" in deps and deps & {"oprd", "ccomp", "xcomp"}:
        return True  # "calling it 'reckless'"
    wanted = {_FRAME_PREPS[f] for f in (AS, OF, AGAINST, FOR) if f in entry.frames}
    objects = [c for c in tok.children if c.dep_ == "dobj"]
    for obj in objects:
        preps |= {c.lower_ for c in obj.children if c.dep_ == "prep"}
    return bool(wanted & preps)


def _backshifted_self_report(clause: Token) -> bool:
    """A reported clause in the past perfect or with a modal whose subject is a pronoun."""
    subj = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None or subj.pos_ != "PRON":
        return False
    return any(
        c.dep_ == "aux" and (c.lemma_.lower() == "have" or c.tag_ == "MD") for c in clause.children
    )


# --- frames ---------------------------------------------------------------------------------------


def _verb_quote(
    layout: DocLayout,
    cue: Token,
    entry: CueVerb,
    masks: _Masks,
    outer_cue_of: dict[int, Token],
) -> Candidate | None:
    attribution = attribute(cue, layout, outer_cue_of)
    subject = attribution.subject
    if subject is None or is_non_speaker(subject) or masks.no_cue[subject.i]:
        return None
    cue_last = _cue_last(layout, attribution)
    frames = entry.frames
    weight = entry.weight
    found: tuple[int, int, str] | None = None
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
            found = _prep_frame(cue, cue_last, _FRAME_PREPS[frame], frame)
    if found is None and OBJECT in frames:
        found = _object(cue)
    if found is None:
        return None
    first, last, method = found
    last = _before_reporting_adjunct(cue.doc, first, last)
    span = _trim(layout, first, last, masks)
    if span is None:
        return None
    start, end = span
    return Candidate(
        start, end, "indirect", method, round(CONFIDENCE[method] * weight, 3), attribution
    )


def _cue_last(layout: DocLayout, attribution: Attribution) -> int:
    """Index of the cue phrase's last token ("said in a statement" -> "statement")."""
    end = attribution.cue.idx + len(attribution.cue_text)
    return layout.token_index_at(end - 1)


def _ccomp_after(
    cue: Token, cue_last: int, outer_cue_of: dict[int, Token]
) -> tuple[int, int, str] | None:
    # A to-infinitive is not a reported clause ("expected the deal to close").
    ccomps = [
        c for c in cue.children if c.dep_ == "ccomp" and c.i > cue_last and not _is_infinitival(c)
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


def _is_infinitival(clause: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in clause.children) and not any(
        c.dep_ == "mark" for c in clause.children
    )


def _conj_chain(head: Token) -> list[Token]:
    out: list[Token] = []
    stack = [c for c in head.children if c.dep_ == "conj"]
    while stack:
        tok = stack.pop()
        out.append(tok)
        stack.extend(c for c in tok.children if c.dep_ == "conj")
    return sorted(out, key=lambda t: t.i)


def _that_clause_below(cue: Token, cue_last: int) -> tuple[int, int, str] | None:
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


def _clause_before(cue: Token, subject: Token) -> tuple[int, int, str] | None:
    """'X happened, the ministry said.': a ccomp left of the cue, then the attribution."""
    doc = cue.doc
    if any(c.dep_ in ("ccomp", "xcomp", "dobj") and c.i > cue.i for c in cue.children):
        return None  # the cue reports forwards ("..., in an election X has vowed to challenge")
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


def _clause_before_attribution(cue: Token, subject: Token) -> tuple[int, int, str] | None:
    """'X is meaningful, al-Hadithi added, as ...' / 'X cut deaths ..., researchers said.':
    a clause, a comma, then the attribution, however the parser attached them (as parataxis,
    as a second subject, as the root). The reported clause is everything before the comma."""
    if cue.dep_ in ("relcl", "acl", "xcomp", "conj"):
        return None
    if any(c.dep_ in ("ccomp", "xcomp", "dobj") and c.i > cue.i for c in cue.children):
        return None  # the cue reports forwards
    doc = cue.doc
    attr_first = min(np_bounds(subject)[0], cue.i)
    if attr_first == 0 or doc[attr_first - 1].text not in (",", "—", "–"):
        return None
    if _nominal_attribution(doc, attr_first, cue.i):
        return None
    start = _first_word(cue.sent)
    if attr_first - 1 - start < 4:
        return None
    if not any(t.pos_ in ("VERB", "AUX") for t in doc[start : attr_first - 1]):
        return None  # "In a statement on its website, the group said": no clause before
    return start, attr_first - 1, "indirect:clause_first"


def _xcomp(cue: Token, cue_last: int, *, needs_object: bool) -> tuple[int, int, str] | None:
    """'vowed to retaliate ...' / 'urged both sides to keep ...' / 'called on the bloc to ...'.

    Directive verbs need someone directed ("urged the EU to act"; "asked not to be named" is not
    a quote), commissives do not ("vowed to retaliate")."""
    inf = _find_dep(cue, "xcomp", depth=2) or _infinitival_ccomp(cue)
    if inf is None or inf.i < cue.i:
        return None
    if needs_object:
        to = next((c.i for c in inf.children if c.lower_ == "to" and c.i < inf.i), inf.i)
        between = cue.doc[cue_last + 1 : to]
        if not any(t.pos_ in ("NOUN", "PROPN", "PRON") for t in between):
            return None
    last = _complements_end(cue, cue_last)
    return cue_last + 1, max(last, inf.right_edge.i), "indirect:xcomp"


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


def _prep_frame(cue: Token, cue_last: int, prep: str, frame: str) -> tuple[int, int, str] | None:
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


def _object(cue: Token) -> tuple[int, int, str] | None:
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


# --- according to ---------------------------------------------------------------------------------


def _according(layout: DocLayout, tok: Token, masks: _Masks) -> Candidate | None:
    attribution = attribute(tok, layout)
    if attribution.subject is None or attribution.source_tokens is None:
        return None
    doc = layout.doc
    sent = tok.sent
    src_last = attribution.source_tokens[1]
    if tok.i == _first_word(sent):
        # "According to X, CLAUSE."
        j = src_last + 1
        while j < sent.end and doc[j].text != ",":
            j += 1
        first, last = j + 1, sent.end - 1
    else:
        # "CLAUSE, according to X[, more]."
        first, last = _first_word(sent), tok.i - 1
    span = _trim(layout, first, last, masks)
    if span is None:
        return None
    start, end = span
    return Candidate(
        start,
        end,
        "indirect",
        "indirect:according_to",
        CONFIDENCE["indirect:according_to"],
        attribution,
    )


def _first_word(sent: Span) -> int:
    """First token of a sentence that can start a clause (a quoted fragment's mark can)."""
    for tok in sent:
        if is_quote_mark(tok) or not (tok.is_space or tok.is_punct):
            return tok.i
    return sent.start


# --- span clean-up ------------------------------------------------------------------------------


def _trim(layout: DocLayout, first: int, last: int, masks: _Masks) -> tuple[int, int] | None:
    """Char span of tokens first..last without a leading "that" or trailing punctuation, cut
    before any direct quote or boilerplate line it would run into."""
    doc = layout.doc
    for i in range(first, last + 1):
        if masks.walls[i]:
            last = i - 1
            break
    while first <= last and _droppable_start(doc[first]):
        first += 1
    while last >= first and _droppable_end(doc[last]):
        last -= 1
    if last - first < 1:
        return None
    return layout.char_span(first, last)


def _droppable_start(tok: Token) -> bool:
    if tok.is_space or (tok.is_punct and not is_quote_mark(tok)):
        return True
    return tok.dep_ in ("cc", "mark") and tok.lower_ in ("that", "and", "but")


def _droppable_end(tok: Token) -> bool:
    """Trailing punctuation outside the marks, and an opening mark with nothing after it."""
    if tok.is_space or (tok.is_punct and not is_quote_mark(tok)):
        return True
    return is_quote_mark(tok) and tok.tag_ == "``"


def _mark_mixed(cand: Candidate, fragments: list[QuoteSpan], opens: list[int]) -> None:
    """Mixed when a quote-mark fragment overlaps the span; a fragment that opens inside the
    span and closes just past it (the parse stopped at "orders" in 'for "disobeying lawful
    police orders."') is taken whole, closing mark included."""
    # Fragments never cross a paragraph, so only those opening near the span can overlap it.
    lo = max(0, bisect_left(opens, cand.start) - 1)
    for frag in fragments[lo:]:
        if frag.open >= cand.end:
            break
        if frag.outer_end <= cand.start:
            continue
        cand.quote_type = "mixed"
        if (
            frag.open >= cand.start
            and frag.close is not None
            and cand.end < frag.outer_end
            and frag.close - cand.end <= _FRAGMENT_REACH
        ):
            cand.end = frag.outer_end


#: How far past a reported clause's last token a fragment's closing mark may be and still be
#: taken into the quote (characters).
_FRAGMENT_REACH = 80


#: Outer frames that only relay a report ("X said Y, the agency reported" / "according to"):
#: when one contains a quote with its own cue, the inner quote is the one to keep.
_RELAYING = frozenset({"indirect:according_to"})


def _drop_nested(candidates: list[Candidate]) -> list[Candidate]:
    """Keep one report per stretch of text.

    A cue inside another quote's content is part of that quote ("said she had warned him that
    ..." is one quote), unless the outer one only relays it ("Lavrov said X, according to RIA"),
    in which case the relay goes and the inner quote stays."""
    # Reports nest only within a sentence, so compare candidates sentence by sentence.
    by_sentence: dict[int, list[Candidate]] = {}
    for cand in candidates:
        assert cand.attribution is not None
        by_sentence.setdefault(cand.attribution.cue.sent.start, []).append(cand)
    out: list[Candidate] = []
    for group in by_sentence.values():
        out.extend(_outermost(group))
    out.sort(key=lambda c: (c.start, -(c.end - c.start)))
    return out


def _outermost(group: list[Candidate]) -> list[Candidate]:
    cue_at = {id(c): c.attribution.cue.idx for c in group if c.attribution is not None}
    relays = {
        id(outer)
        for outer in group
        if outer.method in _RELAYING
        and any(o is not outer and outer.start <= cue_at[id(o)] < outer.end for o in group)
    }
    keep = [c for c in group if id(c) not in relays]
    return [
        c for c in keep if not any(o is not c and o.start <= cue_at[id(c)] < o.end for o in keep)
    ]
