"""Per-token flags the indirect extractor consults, built once per document."""

from __future__ import annotations

from transforms.nlp.layout import DocLayout
from transforms.quotes.direct import DirectResult


class TokenMasks:
    """Per-token flags, built once per document: ``walls`` (direct quotes and boilerplate
    lines, which no reported clause may enter and whose names are no antecedents) and
    ``no_cue`` (walls plus quote-mark fragments, whose words are quoted, not used to report)."""

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
