"""Find direct quotations in an article and attribute each to its speaker, or to nobody: never a guess.

A quotation is a stretch between quote marks of at least three words, or a dash-led interview answer; an
unclosed one runs to the end of its paragraph and may go on in the next. Who said it is decided in
attribution.py. Needs the article's mentions.
"""

from __future__ import annotations

import re
from dataclasses import replace

from .attribution import Said, Speaker, attribute, reader
from .model import Block, Entity, Mention, Quote

_PAIRS = {"“": "”", "«": "»", "„": "“", '"': '"'}
_OPENER = re.compile('[“«„"]')
MIN_WORDS = 3


def find_quotes(slug: str, blocks: tuple[Block, ...], mentions: tuple[Mention, ...],
                entities: dict[str, Entity], language: str = "en") -> tuple[Quote, ...]:
    """Every direct quotation of at least three words, attributed where the text says who spoke."""
    spans = {block.index: _quote_spans(block.text) for block in blocks}
    words = reader(blocks, mentions, entities, {i: [(s[0], s[1]) for s in found] for i, found in spans.items()},
                   language)
    quotes: list[Quote] = []
    said: list[Said] = []
    running: list[int] = []  # indexes in `quotes` of a quotation still open at the end of a paragraph
    for block in blocks:
        found = spans[block.index]
        continues = running and found and found[0][0] == len(block.text) - len(block.text.lstrip())
        if not continues:
            running = []
        for number, (start, end, inner_start, inner_end, closed) in enumerate(found):
            text = block.text[inner_start:inner_end].strip().rstrip(",").rstrip()
            if len(text.split()) < MIN_WORDS:
                continue
            speaker = attribute(words, block.index, start, end, said)
            quote = Quote(slug, block.index, start, end, text, speaker.entity, speaker.name, speaker.cue)
            if number == 0 and continues:
                quote = _join_running(quotes, running, quote)
            quotes.append(quote)
            said.append(Said(block.index, start, end, Speaker(quote.speaker, quote.speaker_name, quote.cue)))
        still_open = bool(found) and not found[-1][4] and bool(quotes) and quotes[-1].block == block.index
        running = ((running if continues else []) + [len(quotes) - 1]) if still_open else []
    return tuple(quotes)


def _join_running(quotes: list[Quote], running: list[int], quote: Quote) -> Quote:
    """A quotation over several paragraphs (each opens with a quote mark, only the last one closes):
    every part gets the speaker that one of them names."""
    named = next((quotes[i] for i in running if quotes[i].speaker or quotes[i].speaker_name), None)
    if quote.speaker or quote.speaker_name:
        for i in running:
            if not (quotes[i].speaker or quotes[i].speaker_name):
                quotes[i] = replace(quotes[i], speaker=quote.speaker, speaker_name=quote.speaker_name,
                                    cue="continued in the next paragraph")
        return quote
    if named:
        return replace(quote, speaker=named.speaker, speaker_name=named.speaker_name,
                       cue="continues the quote from the previous paragraph")
    return quote


def _quote_spans(text: str) -> list[tuple[int, int, int, int, bool]]:
    """(start, end, inner start, inner end, closed) of each top-level quotation; an unclosed one runs to
    the end of the paragraph (and may go on in the next)."""
    spans: list[tuple[int, int, int, int, bool]] = []
    stripped = text.lstrip()
    if stripped[:1] in "–—" and stripped[1:2] == " ":  # a dash-led interview answer
        offset = len(text) - len(stripped)
        return [(offset, len(text), offset + 2, len(text), True)]
    i = 0
    while (found := _OPENER.search(text, i)) is not None:
        i = found.start()
        opener = text[i]
        closer = _PAIRS[opener]
        if opener == '"' and i > 0 and text[i - 1].isalnum():
            i += 1
            continue
        close = _closing(text, i, opener, closer)
        end = close + 1 if close >= 0 else len(text)
        spans.append((i, end, i + 1, close if close >= 0 else len(text), close >= 0))
        i = end
    return spans


def _closing(text: str, start: int, opener: str, closer: str) -> int:
    depth = 0
    for i in range(start + 1, len(text)):
        if text[i] == closer and (opener != closer or depth == 0):
            if depth == 0:
                return i
            depth -= 1
        elif text[i] == opener and opener != closer:
            if i > start + 1 and not text[i - 1].isspace() and (i + 1 == len(text) or text[i + 1] in " ,.;:"):
                return i  # an opening mark typed where the closing one belongs: `here,“ said`
            depth += 1
    return -1
