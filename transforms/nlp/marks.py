"""Quote-mark spans: which marks open and close a quotation, and which are apostrophes.

News text mixes curly and straight marks, sometimes within one quotation (“...," or "...”),
so a mark's role comes from its shape when it has one (“ opens, ” closes) and from its
neighbours when it is straight ("): after a space or at the start of a line it opens, after a
word or punctuation it closes. Double marks (“ ” " « » „) delimit quotations; single marks
(‘ ’ ') delimit quotations nested inside them, which stay part of the outer quote's text.
Two apostrophes ('') are a double mark, as archive and wire copy write it.

Single marks are top-level quotation marks only in documents that use no double marks at all
(British house style: ‘We will fight,’ she said). Then ’ must be told apart from the apostrophe
it shares a glyph with: between letters it is an apostrophe (didn’t, Turkey’s, rock’n’roll),
before a letter after a space it opens, and after a word before a space or punctuation it
closes, unless it ends a plural possessive ("workers’ union") and a later mark can close.

A quotation never crosses a line: an unclosed quotation runs to the end of its paragraph, which
is how multi-paragraph quotes are written (an opening mark on every paragraph, a closing mark
on the last only).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from transforms.nlp.layout import Block, DocLayout

_DOUBLE_OPEN = frozenset("“„‟«")
_DOUBLE_CLOSE = frozenset("”»")
_DOUBLE_STRAIGHT = '"'
_SINGLE_OPEN = frozenset("‘‚‹")
_SINGLE_CLOSE = frozenset("’›")
_SINGLE_STRAIGHT = "'"
_DOUBLE_MARKS = _DOUBLE_OPEN | _DOUBLE_CLOSE | {_DOUBLE_STRAIGHT}

# Characters after which a straight mark opens rather than closes.
_OPENING_CONTEXT = frozenset(" \t\n([{—–-/:")


@dataclass(frozen=True, slots=True)
class QuoteSpan:
    """A top-level quotation: its marks and the text between them.

    ``start``/``end`` delimit the quoted text (without marks); ``close`` is None when the
    quotation runs to the end of its paragraph without a closing mark.
    """

    open: int
    close: int | None
    start: int
    end: int
    block: int

    @property
    def outer_end(self) -> int:
        """End of the quotation including its closing mark."""
        return self.end if self.close is None else self.close + 1


def find_quote_spans(text: str, blocks: list[Block]) -> list[QuoteSpan]:
    """Top-level quotations in ``text``, in order, one paragraph (block) at a time."""
    if "''" in text:
        text = _double_apostrophes(text)
    single_style = not any(c in _DOUBLE_MARKS for c in text)
    spans: list[QuoteSpan] = []
    for block in blocks:
        if single_style:
            spans.extend(_single_spans(text, block))
        else:
            spans.extend(_double_spans(text, block))
    return spans


def _double_apostrophes(text: str) -> str:
    """Archive and wire style writes a double mark as two apostrophes (''We will,'' she said).
    Each such pair is read as a curly mark and a space, which keeps the text's offsets: an
    opening pair (after a space or at a line start, before a word) as "“ ", a closing one as
    " ”", so that the mark sits on the side of the quotation and the space outside is trimmed
    like any other. Three or more apostrophes in a row are left alone."""
    chars = list(text)
    i = 0
    while i < len(chars) - 1:
        if chars[i] != "'" or chars[i + 1] != "'":
            i += 1
            continue
        run = i
        while run < len(chars) and chars[run] == "'":
            run += 1
        if run - i == 2:
            prev = text[i - 1] if i > 0 else " "
            nxt = text[i + 2] if i + 2 < len(text) else " "
            if (prev in _OPENING_CONTEXT or prev == "\n") and not nxt.isspace():
                chars[i], chars[i + 1] = "“", " "
            else:
                chars[i], chars[i + 1] = " ", "”"
        i = run
    return "".join(chars)


def _double_spans(text: str, block: Block) -> list[QuoteSpan]:
    spans: list[QuoteSpan] = []
    depth = 0  # curly marks can nest (“a “b” c”); straight ones cannot
    open_at = -1
    for i in range(block.start, block.end):
        c = text[i]
        if c in _DOUBLE_OPEN:
            if depth == 0:
                open_at = i
            depth = min(depth + 1, 2)
        elif c in _DOUBLE_CLOSE:
            if depth == 1:
                spans.append(_span(text, open_at, i, block))
            depth = max(depth - 1, 0)
        elif c == _DOUBLE_STRAIGHT:
            prev = text[i - 1] if i > block.start else " "
            if depth == 0:
                if prev.isdigit():
                    continue  # inches: a 12" pipe
                open_at = i
                depth = 1
            elif prev in _OPENING_CONTEXT and i + 1 < block.end and not text[i + 1].isspace():
                # An opening-shaped straight mark inside an open quotation: a nested one.
                depth = min(depth + 1, 2)
            else:
                if depth == 1:
                    spans.append(_span(text, open_at, i, block))
                depth -= 1
    if depth > 0:
        spans.append(_span(text, open_at, None, block))
    return spans


def _single_spans(text: str, block: Block) -> list[QuoteSpan]:
    spans: list[QuoteSpan] = []
    open_at = -1
    i = block.start
    while i < block.end:
        c = text[i]
        if c in _SINGLE_OPEN or c == _SINGLE_STRAIGHT or c in _SINGLE_CLOSE:
            prev = text[i - 1] if i > block.start else " "
            nxt = text[i + 1] if i + 1 < block.end else " "
            if prev.isalnum() and nxt.isalnum():
                i += 1
                continue  # apostrophe inside a word
            if open_at < 0:
                if c not in _SINGLE_CLOSE or c == _SINGLE_STRAIGHT:
                    if (prev in _OPENING_CONTEXT or i == block.start) and nxt.isalpha():
                        open_at = i
                elif prev in _OPENING_CONTEXT and nxt.isalpha():
                    open_at = i  # a ’ used as an opening mark
            elif c not in _SINGLE_OPEN and not prev.isspace() and not nxt.isalnum():
                if _is_plural_possessive(text, i, block) and _has_later_close(text, i, block):
                    i += 1
                    continue
                spans.append(_span(text, open_at, i, block))
                open_at = -1
        i += 1
    if open_at >= 0:
        spans.append(_span(text, open_at, None, block))
    return spans


def _is_plural_possessive(text: str, i: int, block: Block) -> bool:
    """A mark after "s" followed by a space and a lower-case word: "the workers’ union"."""
    if text[i - 1] not in "sS" or i + 2 >= block.end:
        return False
    return text[i + 1] == " " and text[i + 2].islower()


def _has_later_close(text: str, i: int, block: Block) -> bool:
    for j in range(i + 1, block.end):
        c = text[j]
        if (c in _SINGLE_CLOSE or c == _SINGLE_STRAIGHT) and not text[j - 1].isspace():
            nxt = text[j + 1] if j + 1 < block.end else " "
            if not nxt.isalnum():
                return True
    return False


def _span(text: str, open_at: int, close_at: int | None, block: Block) -> QuoteSpan:
    start = open_at + 1
    end = close_at if close_at is not None else block.end
    # Whitespace just inside the marks is not part of the quotation.
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return QuoteSpan(open_at, close_at, start, end, block.index)


def walled_tokens(layout: DocLayout, spans: Sequence[QuoteSpan]) -> list[bool]:
    """Per token: inside a quotation (marks included) or on a boilerplate line. Such words
    are someone's speech or page furniture, not the narrator's mentions."""
    walls = [False] * len(layout.doc)
    for span in spans:
        for i in layout.tokens_between(span.open, span.outer_end):
            walls[i] = True
    for block in layout.blocks:
        if block.boilerplate:
            for i in layout.tokens_between(block.start, block.end):
                walls[i] = True
    return walls
