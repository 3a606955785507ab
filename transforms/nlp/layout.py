"""Where things are in a parsed document: paragraphs, boilerplate lines, tokens and sentences.

The extractors move between character offsets (quote marks, record spans) and tokens
(dependency parse). ``DocLayout`` precomputes the lookups once per document so that every
offset-to-token or offset-to-sentence question is a binary search, never a scan.

A line is boilerplate by the cleaning stage's rules (``transforms.clean.boilerplate``):
cleaning drops such lines from the articles it builds, and the same rules flag the ones a text
arriving by another road still carries ("Read also: X questions Y: 'I hope ...'" is a
headline of another story, whose quote marks are no quotation of this article and whose verbs
are no event).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from spacy.strings import StringStore
from spacy.tokens import Doc, Span, Token

from transforms.clean.boilerplate import is_boilerplate

_MARKUP = "*_#> "
#: ``Token.ent_iob_`` by the code ``Doc.to_array("ENT_IOB")`` gives (spaCy's IOB_STRINGS).
_IOB = ("", "I", "O", "B")


@dataclass(frozen=True, slots=True)
class Block:
    """One line of text: a paragraph in ``Document.text`` (which separates them by a blank line)."""

    index: int  # position among non-empty blocks
    start: int
    end: int  # exclusive, trailing whitespace removed
    boilerplate: bool


class DocLayout:
    """Offset lookups for one parsed document (built in one pass over tokens and lines)."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.text: str = doc.text
        # Per-token columns in one array read: Token objects cost, strings do not.
        attrs: list[int | str] = ["IDX", "SPACY", "SENT_START", "ENT_IOB"]
        attrs += ["LOWER", "POS", "DEP", "ENT_TYPE", "TAG"]
        columns = doc.to_array(attrs).T.tolist() if len(doc) else [[] for _ in attrs]
        starts, spaces, sent_starts, iobs = columns[:4]
        strings = doc.vocab.strings
        self.token_starts: list[int] = starts
        # A token ends where the next starts, less the space between them (spaCy's offsets).
        pairs = zip(starts[1:], spaces[:-1], strict=True)
        self.token_ends: list[int] = [nxt - space for nxt, space in pairs]
        if spaces:
            self.token_ends.append(len(self.text) - spaces[-1])
        marked = zip(starts, sent_starts, strict=True)
        self.sentence_starts: list[int] = [i for i, s in marked if s == 1]
        self.ent_iobs: list[str] = [_IOB[code] for code in iobs]  # as ``Token.ent_iob_``
        self.lowers: list[str] = _strings(columns[4], strings)
        self.pos: list[str] = _strings(columns[5], strings)
        self.deps: list[str] = _strings(columns[6], strings)
        self.ent_types: list[str] = _strings(columns[7], strings)  # "" outside entities
        self.tags: list[str] = _strings(columns[8], strings)
        self.blocks: list[Block] = text_blocks(self.text)
        self._block_starts = [b.start for b in self.blocks]
        # doc.ents builds new Span objects on every access (a scan of the whole document):
        # take them once, and index them.
        self.ents: tuple[Span, ...] = tuple(doc.ents)
        self._ent_starts = [ent.start for ent in self.ents]
        self.entity_bounds: list[tuple[int, int] | None] = [None] * len(doc)
        self.entity_roots: list[int] = list(range(len(doc)))  # a token's own index if no entity
        for ent in self.ents:
            root = ent.root.i
            for i in range(ent.start, ent.end):
                self.entity_bounds[i] = (ent.start, ent.end)
                self.entity_roots[i] = root
        # Offsets of the "\n\n" separators, counted as transforms.nlp.paragraph_index_of does.
        self._paragraph_breaks: list[int] = []
        at = self.text.find("\n\n")
        while at >= 0:
            self._paragraph_breaks.append(at)
            at = self.text.find("\n\n", at + 2)

    # --- characters -> structure ------------------------------------------------------------

    def token_index_at(self, char: int) -> int:
        """Index of the token that contains (or, in whitespace, precedes) offset ``char``."""
        return max(0, bisect_right(self.token_starts, char) - 1)

    def token_at(self, char: int) -> Token:
        return self.doc[self.token_index_at(char)]

    def tokens_between(self, start: int, end: int) -> range:
        """Indices of the tokens that start inside [start, end)."""
        lo = bisect_right(self.token_starts, start - 1)
        hi = bisect_right(self.token_starts, end - 1)
        return range(lo, hi)

    def paragraph_index(self, char: int) -> int:
        """Same answer as ``transforms.nlp.paragraph_index_of(text, char)``, by binary search."""
        return bisect_right(self._paragraph_breaks, char - 2)

    def sentence_index(self, char: int) -> int:
        return max(0, bisect_right(self.sentence_starts, char) - 1)

    def block_at(self, char: int) -> Block | None:
        i = bisect_right(self._block_starts, char) - 1
        if i < 0:
            return None
        block = self.blocks[i]
        return block if char <= block.end else None

    def is_boilerplate(self, char: int) -> bool:
        block = self.block_at(char)
        return block is not None and block.boilerplate

    def entities_in(self, span: Span) -> list[Span]:
        """``span.ents`` without rebuilding every entity of the document: the entities from
        the first one starting inside ``span`` up to the first one ending after it."""
        found: list[Span] = []
        for k in range(bisect_left(self._ent_starts, span.start), len(self.ents)):
            ent = self.ents[k]
            if ent.end > span.end:
                break
            found.append(ent)
        return found

    # --- tokens -> characters ----------------------------------------------------------------

    def text_of(self, first: int, last: int) -> str:
        """Verbatim text of tokens ``first..last`` (inclusive)."""
        return self.text[self.token_starts[first] : self.token_ends[last]]

    def char_span(self, first: int, last: int) -> tuple[int, int]:
        return self.token_starts[first], self.token_ends[last]


def _strings(hashes: list[int], strings: StringStore) -> list[str]:
    """The strings of a column of hashes, each distinct hash looked up once (the store decodes
    a new string on every lookup, and a column repeats a few values many times)."""
    names = {h: strings[h] for h in set(hashes)}
    return [names[h] for h in hashes]


def text_blocks(text: str) -> list[Block]:
    """The non-empty lines of ``text`` as blocks, each flagged when it is boilerplate."""
    blocks: list[Block] = []
    pos = 0
    n = len(text)
    while pos < n:
        nl = text.find("\n", pos)
        line_end = n if nl < 0 else nl
        start = pos
        while start < line_end and text[start] in " \t\r\f\v":
            start += 1
        end = line_end
        while end > start and text[end - 1] in " \t\r\f\v":
            end -= 1
        if end > start:
            # Cleaned text has no Markdown; a text that skipped cleaning may open a line with
            # emphasis ("**Related article:** ...").
            line = text[start:end].lstrip(_MARKUP)
            blocks.append(Block(len(blocks), start, end, is_boilerplate(line)))
        pos = line_end + 1
    return blocks
