"""Direct quotes: which quote-mark spans are quotations, and the cue that attributes each.

A span is a quotation when it stands where speech stands: at the start of a sentence, after a
colon, or after a cue and comma. Its attribution is read from the text around the marks:

* the *trailer*, from the closing mark to the end of that sentence ('...," he said.' /
  '...," said Ali Mansour, a fish trader.' / '...," Minister Kemal Yavuz told reporters.');
* the *lead*, from the start of the sentence to the opening mark ('Lindqvist said: "...' /
  'He told AFP, "...').

A span with no cue of its own is still a quotation when it fills its paragraph or its sentence:
then it continues the quote before it in the same paragraph ('"A," he said. "B."'), continues a
multi-paragraph quote (an unclosed quote and a paragraph opening with a mark), belongs to the
subject of the clause introducing it ('Owens was cautious: "..."' / 'Owens smiled. "..."'), or
floats (belongs to the previous speaker). Every other span (mid-sentence, no cue: "the so-called
“red line”", a title, a fragment inside a reported clause) is returned as a fragment for the
indirect extractor, which keeps the ones inside reported clauses as mixed quotes and drops the
rest. ``_classify`` lists the rules in the order they apply.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Token

from transforms.nlp.layout import DocLayout
from transforms.nlp.marks import QuoteSpan
from transforms.nlp.nouns import is_person_noun
from transforms.nlp.phrases import is_quote_mark
from transforms.nlp.speech import cue_entry, is_according
from transforms.quotes.attribution import Attribution, Candidate, attribute

_SENTENCE_END = frozenset(".!?")
# Punctuation that can end a quoted segment that the attribution follows: '...," he said'.
_ATTRIBUTABLE_END = frozenset(",!?…—–-:;")
_TRAILER_STOP = frozenset({".", "!", "?"})

CONFIDENCE = {
    "direct:after_cue": 0.95,
    "direct:before_cue": 0.9,
    "direct:colon": 0.9,
    "direct:continuation": 0.85,
    "direct:multi_paragraph": 0.85,
    "floating": 0.7,
    "floating:in_paragraph": 0.5,
    "direct:colon_uncued": 0.6,
    "direct:after_narrative": 0.6,
}


@dataclass(slots=True)
class DirectResult:
    """Direct quotes, the spans left over as fragments, and the cue tokens already used."""

    quotes: list[Candidate] = field(default_factory=list)
    fragments: list[QuoteSpan] = field(default_factory=list)
    used_cues: set[int] = field(default_factory=set)
    #: Token ranges (inclusive) covered by direct quotes' marks and text.
    covered: list[tuple[int, int]] = field(default_factory=list)


def find_direct_quotes(layout: DocLayout, spans: list[QuoteSpan]) -> DirectResult:
    result = DirectResult()
    by_block: dict[int, list[QuoteSpan]] = {}
    for span in spans:
        by_block.setdefault(span.block, []).append(span)

    open_chain: Candidate | None = None  # an unclosed direct quote at the end of the last block
    for block in layout.blocks:
        bspans = by_block.get(block.index, [])
        if block.boilerplate:
            continue  # neither quotes nor fragments: headlines of other stories, share prompts
        chain_parent, open_chain = open_chain, None
        previous: Candidate | None = None  # the last direct quote in this block
        prev_end = block.start
        for k, span in enumerate(bspans):
            next_open = bspans[k + 1].open if k + 1 < len(bspans) else block.end
            cand = _classify(layout, span, prev_end, next_open, previous, chain_parent)
            chain_parent = None  # only the block's first span can continue a paragraph chain
            if cand is None:
                result.fragments.append(span)
            else:
                cand.block = block.index
                result.quotes.append(cand)
                first, last = _token_range(layout, span.open, span.outer_end)
                result.covered.append((first, last))
                if cand.attribution is not None:
                    result.used_cues.add(cand.attribution.cue.i)
                previous = cand
                if span.close is None:
                    open_chain = cand
            prev_end = span.outer_end
    _propagate_chain_attributions(result.quotes)
    return result


def _classify(
    layout: DocLayout,
    span: QuoteSpan,
    prev_end: int,
    next_open: int,
    previous: Candidate | None,
    chain_parent: Candidate | None,
) -> Candidate | None:
    """Decide whether ``span`` is a direct quote, and with which attribution (rules in order)."""
    text = layout.text
    content = text[span.start : span.end]
    if not content.strip():
        return None
    # What precedes the opening mark since the previous quote (or the paragraph start).
    before = text[prev_end : span.open].rstrip()
    last_char = before[-1:]
    at_block_start = not before and prev_end == layout.blocks[span.block].start
    sentence_initial = not before or last_char in _SENTENCE_END
    colon_led, comma_led = last_char == ":", last_char == ","

    trailer = _trailer_attribution(layout, span, next_open)
    lead = _lead_attribution(layout, span, prev_end) if before else None

    # 1. The next paragraph of a multi-paragraph quote (its own closing cue, if any, is kept
    #    and later lent to the earlier paragraphs).
    if chain_parent is not None and at_block_start:
        return _make(span, "direct:multi_paragraph", trailer, parent=chain_parent)
    # 2. 'Lindqvist said: "..."'
    if colon_led and lead is not None:
        return _attributed(span, "direct:colon", lead, previous)
    # 3. '"...," he said.' / '..., "...," she added.'
    if (sentence_initial or comma_led) and trailer is not None:
        return _attributed(span, "direct:after_cue", trailer, previous)
    # 4. 'He told AFP, "..."' / 'said "We ..."' ('"A," he said, "b."' continues A).
    if lead is not None and (comma_led or (_follows_cue(lead, span) and _starts_upper(content))):
        return _attributed(span, "direct:before_cue", lead, previous)
    # 5. 'Owens was more cautious: "We lost."': no cue; the subject before the colon speaks.
    if colon_led and _starts_upper(content) and _word_count(content) >= 3:
        start = _sentence_start_in(text, prev_end, span.open)
        subject = _clause_subject(layout, start, span.open)
        if subject is not None:
            return _make(span, "direct:colon_uncued", hint=subject)
    if not (sentence_initial and _fills_its_sentence(layout, span, next_open)):
        return None  # mid-sentence and uncued: a fragment (mixed quote, scare quote or title)
    # 6. '"A," he said. "B."': a further sentence of the quote before it in the paragraph.
    if previous is not None:
        return _make(span, "direct:continuation", parent=previous)
    # 7. 'Owens smiled. "I'm happy here."' / 'The ministry said it would act. "We will."':
    #    the subject of the sentence before, when it is someone who could be speaking.
    if not at_block_start and last_char in _SENTENCE_END:
        body_end = prev_end + len(before) - 1
        start = _sentence_start_in(text, prev_end, body_end)
        subject = _clause_subject(layout, start, body_end)
        if subject is not None and (_can_speak(subject) or cue_entry(subject.head) is not None):
            return _make(span, "direct:after_narrative", hint=subject)
    # 8. A quoted sentence or paragraph with no cue: the previous speaker's (resolved in
    #    article order); at the start of a paragraph this is the classic floating quote.
    return _make(span, "floating" if at_block_start else "floating:in_paragraph")


def _make(
    span: QuoteSpan,
    method: str,
    attribution: Attribution | None = None,
    *,
    parent: Candidate | None = None,
    hint: Token | None = None,
) -> Candidate:
    return Candidate(
        span.start,
        span.end,
        "direct",
        method,
        CONFIDENCE[method],
        attribution,
        parent=parent,
        subject_hint=hint,
    )


def _attributed(
    span: QuoteSpan, method: str, attribution: Attribution, previous: Candidate | None
) -> Candidate:
    if previous is not None and _same_cue(attribution, previous):
        # Cut by its cue ('"A," he said, "b."'): both segments share one attribution.
        return _make(span, "direct:continuation", attribution, parent=previous)
    return _make(span, method, attribution)


def _same_cue(attribution: Attribution, previous: Candidate) -> bool:
    other = previous.attribution
    return other is not None and other.cue.i == attribution.cue.i


def _trailer_attribution(layout: DocLayout, span: QuoteSpan, next_open: int) -> Attribution | None:
    """The cue after the closing mark: '...," he said.' (only when the quote lets one follow)."""
    if span.close is None:
        return None
    text = layout.text
    # The last character before the closing mark, looking through a nested quote's closing
    # mark: "... the answer is 'we have no vehicle,'" Okafor said.
    content_end = text[span.start : span.end].rstrip("'’‘\"”“ ")[-1:]
    after = text[span.outer_end : next_open]
    after_stripped = after.lstrip()
    ok = content_end in _ATTRIBUTABLE_END or after_stripped[:1] in (",", "—", "–")
    if not ok and content_end == ".":
        first_alpha = next((c for c in after_stripped if c.isalpha()), "")
        ok = first_alpha.islower()
    if not ok:
        return None
    tokens = _trailer_tokens(layout, span.outer_end, next_open)
    for i in tokens:
        tok = layout.doc[i]
        if tok.dep_ in ("relcl", "acl") or _inside_relative(tok, tokens):
            continue
        if is_according(tok) or cue_entry(tok) is not None:
            attribution = attribute(tok, layout)
            if attribution.subject is None or not (
                tokens[0] <= attribution.subject.i <= tokens[-1]
            ):
                attribution.subject = _nearest_np(layout, tok, tokens)
            if attribution.subject is None:
                return None
            return attribution
    return None


def _lead_attribution(layout: DocLayout, span: QuoteSpan, prev_end: int) -> Attribution | None:
    """The cue before the opening mark: 'Lindqvist said: "...' / 'He told AFP, "...'."""
    text = layout.text
    prefix = text[prev_end : span.open]
    # The lead starts after the last sentence end in the prefix.
    cut = 0
    for i in range(len(prefix) - 1, 0, -1):
        if prefix[i - 1] in _SENTENCE_END and prefix[i].isspace():
            cut = i
            break
    tokens = list(layout.tokens_between(prev_end + cut, span.open))
    tokens = [i for i in tokens if not layout.doc[i].is_space]
    if not tokens:
        return None
    for i in reversed(tokens):
        tok = layout.doc[i]
        if tok.dep_ in ("relcl", "acl"):
            continue
        if is_according(tok) or cue_entry(tok) is not None:
            attribution = attribute(tok, layout)
            if attribution.subject is None or not (
                tokens[0] <= attribution.subject.i <= tokens[-1]
            ):
                attribution.subject = _nearest_np(layout, tok, tokens)
            return attribution if attribution.subject is not None else None
    return None


def _trailer_tokens(layout: DocLayout, start: int, end: int) -> list[int]:
    out: list[int] = []
    for i in layout.tokens_between(start, end):
        tok = layout.doc[i]
        if tok.is_space:
            continue
        if is_quote_mark(tok) and not out:
            continue
        out.append(i)
        if tok.text in _TRAILER_STOP:
            break
    return out


def _inside_relative(tok: Token, tokens: list[int]) -> bool:
    """Whether ``tok`` sits in a relative clause within the trailer ("X, who said ..., told")."""
    head = tok.head
    steps = 0
    while head.i != tok.i and steps < 4 and tokens[0] <= head.i <= tokens[-1]:
        if head.dep_ in ("relcl", "acl"):
            return True
        tok, head = head, head.head
        steps += 1
    return False


def _nearest_np(layout: DocLayout, cue: Token, tokens: list[int]) -> Token | None:
    """When the parse gives the cue no subject here: the noun right before it, else after it."""
    doc = layout.doc
    before = [i for i in tokens if i < cue.i]
    for i in reversed(before):
        tok = doc[i]
        if tok.pos_ in ("NOUN", "PROPN", "PRON"):
            return tok
        if tok.pos_ in ("VERB", "AUX", "ADP") or tok.text == ",":
            break
    for i in tokens:
        if i <= cue.i:
            continue
        tok = doc[i]
        if tok.pos_ in ("NOUN", "PROPN", "PRON"):
            while tok.dep_ in ("compound", "flat") and tok.head.i in tokens and tok.head.i > tok.i:
                tok = tok.head
            return tok
        if tok.pos_ in ("VERB", "AUX"):
            break
    return None


def _sentence_start_in(text: str, start: int, end: int) -> int:
    """Offset just after the last sentence end ('. ', '? ', '! ') in text[start:end]."""
    for i in range(end - 1, start, -1):
        if text[i - 1] in _SENTENCE_END and text[i].isspace():
            return i
    return start


def _clause_subject(layout: DocLayout, start: int, end: int) -> Token | None:
    """The subject of the main clause in text[start:end], outside any quote marks."""
    doc = layout.doc
    tokens = layout.tokens_between(start, end)
    inside = set(tokens)
    for i in tokens:
        tok = doc[i]
        if tok.dep_ not in ("nsubj", "nsubjpass") or tok.lower_ in ("who", "which", "that"):
            continue
        head = tok.head
        if head.dep_ == "ROOT" or head.head.i not in inside or head.dep_ == "conj":
            return tok
    return None


def _can_speak(tok: Token) -> bool:
    """A subject that can be the speaker of the quote that follows: a person, by name, pronoun
    or role noun ("Owens smiled."), not "The final will be played ..."."""
    if tok.pos_ == "PRON":
        return tok.lower_ in ("he", "she", "they")
    if tok.ent_type_ == "PERSON" or (tok.pos_ == "PROPN" and not tok.ent_type_):
        return True
    if tok.pos_ == "PROPN" and any(c.dep_ == "appos" and c.like_num for c in tok.children):
        return True  # "Smith, 52, joined the firm": an age makes a person, whatever NER says
    return tok.pos_ == "NOUN" and is_person_noun(tok.lemma_.lower())


def _fills_its_sentence(layout: DocLayout, span: QuoteSpan, next_open: int) -> bool:
    """A quotation that is a whole sentence (or paragraph) of speech, not a title or name."""
    if span.close is None:
        return True
    text = layout.text
    content = text[span.start : span.end].rstrip()
    after = text[span.outer_end : next_open]
    if any(c.isalnum() for c in after):
        return False  # narrative follows: '"Dune" was a hit.'
    return content[-1:] in _SENTENCE_END or content[-1:] in "…" or _word_count(content) >= 4


def _follows_cue(attribution: Attribution, span: QuoteSpan) -> bool:
    """The opening mark comes right after the cue phrase ('said "We ...')."""
    return attribution.cue.idx + len(attribution.cue_text) >= span.open - 2


def _starts_upper(content: str) -> bool:
    first = next((c for c in content if c.isalpha()), "")
    return first.isupper()


def _word_count(content: str) -> int:
    return len(content.split())


def _token_range(layout: DocLayout, start: int, end: int) -> tuple[int, int]:
    toks = layout.tokens_between(start, end)
    if not len(toks):
        i = layout.token_index_at(start)
        return i, i
    return toks[0], toks[-1]


def _propagate_chain_attributions(quotes: list[Candidate]) -> None:
    """A multi-paragraph quote attributed only at its end gives that cue to every paragraph."""
    for cand in quotes:
        if cand.method != "direct:multi_paragraph" or cand.attribution is None:
            continue
        node = cand.parent
        while node is not None and node.attribution is None:
            node.attribution = cand.attribution
            if node.method == "floating":
                node.method = "direct:after_cue"
            node = node.parent
