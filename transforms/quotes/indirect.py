"""Indirect and mixed quotes: the content a reporting verb governs in the dependency parse.

Every cue verb outside quotation marks (see ``cues``) that asserts something (not negated, not
passive, not "declined to say") and has a speaker-like subject reports the content its frame
names (see ``frames``); "according to Y" reports the clause it attaches to, on whichever side.
Only speech and writing are quotes: a thought ("believes that ...", "feels that ...") is not,
nor is evidence from something that cannot speak ("the data suggest that ...").

A reported clause that contains a quote-mark fragment is a mixed quote. Cues inside another
quote's content are not separate quotes ("said she had warned him that ..." is one quote), except
a bare verb coordinated with the reported clause's head, which shares the outer subject ("said
the sanctions were illegal and vowed to respond": two quotes). When "according to" relays a
quote that has its own cue ("Lavrov said X, according to RIA"), the inner quote is kept.
"""

from __future__ import annotations

from bisect import bisect_left

from spacy.tokens import Token

from transforms.nlp.layout import DocLayout
from transforms.nlp.marks import QuoteSpan
from transforms.nlp.nouns import DATA_NOUNS, could_be_someone
from transforms.nlp.phrases import first_clause_token, is_quote_mark
from transforms.nlp.speech import (
    AGAINST,
    AS,
    CLAUSE,
    EVIDENCE_CUES,
    FOR,
    OBJ_XCOMP,
    OBJECT,
    OF,
    XCOMP,
    CueVerb,
    asserts,
    cue_entry,
    is_according,
    may_cue,
)
from transforms.nlp.subjects import is_non_speaker, issuer_of
from transforms.quotes.attribution import Attribution, Candidate, attribute
from transforms.quotes.direct import DirectResult
from transforms.quotes.frames import (
    FRAME_PREPS,
    Found,
    is_infinitival,
    parenthetical,
    reported_content,
)
from transforms.quotes.masks import TokenMasks

CONFIDENCE = {
    "indirect:ccomp": 0.85,
    "indirect:clause_first": 0.8,
    "indirect:parenthetical": 0.75,
    "indirect:according_to": 0.8,
    "indirect:xcomp": 0.75,
    "indirect:object": 0.6,
    "indirect:as": 0.7,
    "indirect:of": 0.75,
    "indirect:against": 0.7,
    "indirect:for": 0.6,
}


def find_indirect_quotes(
    layout: DocLayout, direct: DirectResult, masks: TokenMasks
) -> list[Candidate]:
    """Indirect and mixed quotes, in no particular order, outside the direct quotes found."""
    doc = layout.doc
    fragments = direct.fragments
    opens = [f.open for f in fragments]
    outer_cue_of = _split_coordinated_cues(layout, masks.no_cue)

    candidates: list[Candidate] = []
    pos, tags, lowers = layout.pos, layout.tags, layout.lowers
    for i in range(len(doc)):
        if masks.no_cue[i] or i in direct.used_cues:
            continue
        if lowers[i] != "according" and not may_cue(pos[i], tags[i]):
            continue  # neither "according to" nor a verb: no Token built
        tok = doc[i]
        if is_according(tok):
            cand = _according(layout, tok, masks)
        else:
            entry = cue_entry(tok)
            if entry is None or entry.cognition or not asserts(tok):
                continue  # "believes that ...", "feels that ...": a thought, not speech
            cand = _verb_quote(layout, tok, entry, masks, outer_cue_of)
        if cand is None:
            continue
        for part in _with_parent(cand):
            _mark_mixed(part, fragments, opens)
            candidates.append(part)
    return _drop_nested(candidates)


def _with_parent(cand: Candidate) -> list[Candidate]:
    """A candidate, preceded by the part it continues when it has one (a parenthetical cue)."""
    return [cand] if cand.parent is None else [cand.parent, cand]


# --- which cue tokens count ---------------------------------------------------------------------


def _split_coordinated_cues(layout: DocLayout, blocked: list[bool]) -> dict[int, Token]:
    """Cues coordinated with the head of another cue's reported clause, that share its subject.

    "said the sanctions were illegal and vowed to respond": "vowed" hangs off "were" but its
    subject is the ministry. Only a bare finite verb with a complement of its own qualifies;
    one with its own subject or auxiliary ("and had warned him") is inside the reported clause,
    and so is one continuing a backshifted clause about the speaker itself ("said it had
    summoned the ambassador and accused Ankara of ...": "it" is the speaker, "had" marks the
    whole coordination as reported).
    """
    doc = layout.doc
    outer: dict[int, Token] = {}
    for i, dep in enumerate(layout.deps):
        if dep not in ("conj", "advcl") or blocked[i]:
            continue
        tok = doc[i]
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
        if c.i > tok.i and not (c.dep_ == "ccomp" and is_infinitival(c))
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
    wanted = {FRAME_PREPS[f] for f in (AS, OF, AGAINST, FOR) if f in entry.frames}
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
    masks: TokenMasks,
    outer_cue_of: dict[int, Token],
) -> Candidate | None:
    attribution = attribute(cue, layout, outer_cue_of)
    subject = attribution.subject
    if subject is None or is_non_speaker(subject) or masks.no_cue[subject.i]:
        return None
    if entry.lemma in EVIDENCE_CUES and not _can_speak(subject):
        return None  # "the figures suggest that ...", "exit polls indicate ...": not speech
    cue_last = _cue_last(layout, attribution)
    if CLAUSE in entry.frames and asserts(cue):
        parts = parenthetical(cue, cue_last, subject)
        if parts is not None:
            return _parenthetical_quote(layout, parts, attribution, entry, masks)
    found = reported_content(cue, entry, cue_last, subject, outer_cue_of)
    if found is None:
        return None
    first, last, method = found
    span = _trim(layout, first, last, masks)
    if span is None:
        return None
    start, end = span
    return Candidate(
        start, end, "indirect", method, round(CONFIDENCE[method] * entry.weight, 3), attribution
    )


def _parenthetical_quote(
    layout: DocLayout,
    parts: tuple[Found, Found],
    attribution: Attribution,
    entry: CueVerb,
    masks: TokenMasks,
) -> Candidate | None:
    """The clause after a parenthetical cue, continuing the part before it when that part is
    more than a word or two or holds the clause's subject ("The bill, he noted, had ..."); an
    adverb ("Now, she said, ...") is not reported on its own."""
    (b_first, b_last, method), (a_first, a_last, _) = parts
    after = _trim(layout, a_first, a_last, masks)
    if after is None:
        return None
    confidence = round(CONFIDENCE[method] * entry.weight, 3)
    cand = Candidate(*after, "indirect", method, confidence, attribution)
    doc = layout.doc
    subject_before = any(
        t.dep_ in ("nsubj", "nsubjpass") and a_first <= t.head.i <= a_last
        for t in doc[b_first : b_last + 1]
    )
    before = None
    if b_last - b_first >= 2:
        before = _trim(layout, b_first, b_last, masks)
    elif subject_before and not any(masks.walls[i] for i in range(b_first, b_last + 1)):
        before = layout.char_span(b_first, b_last)
    if before is not None:
        cand.parent = Candidate(*before, "indirect", method, confidence, attribution)
    return cand


def _can_speak(subject: Token) -> bool:
    """A subject that can say something: a name, a pronoun, or a noun for people or a body."""
    return subject.pos_ in ("PROPN", "PRON") or could_be_someone(subject)


def _cue_last(layout: DocLayout, attribution: Attribution) -> int:
    """Index of the cue phrase's last token ("said in a statement" -> "statement")."""
    end = attribution.cue.idx + len(attribution.cue_text)
    return layout.token_index_at(end - 1)


# --- according to ---------------------------------------------------------------------------------


def _according(layout: DocLayout, tok: Token, masks: TokenMasks) -> Candidate | None:
    attribution = attribute(tok, layout)
    if attribution.subject is None or attribution.source_tokens is None:
        return None
    source = attribution.subject
    doc = layout.doc
    s_first, s_last = attribution.source_tokens
    named = any(t.pos_ == "PROPN" for t in doc[s_first : s_last + 1])
    if source.lemma_.lower() in DATA_NOUNS and not named:
        issuer = issuer_of(source)
        if issuer is None or issuer[0].lemma_.lower() in DATA_NOUNS:
            return None  # "according to a review of the data": a figure's basis, no one's words
    sent = tok.sent
    src_last = attribution.source_tokens[1]
    if tok.i == first_clause_token(sent):
        # "According to X, CLAUSE."
        j = src_last + 1
        while j < sent.end and doc[j].text != ",":
            j += 1
        first, last = j + 1, sent.end - 1
    else:
        # "CLAUSE, according to X[, more]."
        first, last = first_clause_token(sent), tok.i - 1
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


# --- span clean-up ------------------------------------------------------------------------------


def _trim(layout: DocLayout, first: int, last: int, masks: TokenMasks) -> tuple[int, int] | None:
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
