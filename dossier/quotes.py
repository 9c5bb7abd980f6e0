"""Find direct quotations in an article and attribute each to its speaker, or to nobody: never a guess.

A quotation is a stretch between quote marks of at least three words, or a dash-led interview answer; an
unclosed one runs to the end of its paragraph and may go on in the next. Who said it is decided in
attribution.py. Needs the article's mentions.
"""

from __future__ import annotations

import re
from dataclasses import replace

from .attribution import Said, attribute
from .speakers import Reader, Speaker, reader, sentence_bounds
from .model import Block, DatedMention, Entity, Mention, PartialDate, Quote

_PAIRS = {"“": "”", "«": "»", "„": "“", '"': '"'}
_OPENER = re.compile('[“«„"]')
MIN_WORDS = 3


def find_quotes(slug: str, blocks: tuple[Block, ...], mentions: tuple[Mention, ...],
                entities: dict[str, Entity], language: str = "en", dated: tuple[DatedMention, ...] = (),
                published: PartialDate | None = None) -> tuple[Quote, ...]:
    """Every direct quotation of at least three words, attributed where the text says who spoke, and
    dated: the day its cue gives ("said on Tuesday"), else the publication's, else none."""
    spans = {block.index: _quote_spans(block.text) for block in blocks}
    words = reader(blocks, mentions, entities, {i: [(s[0], s[1]) for s in found] for i, found in spans.items()},
                   language)
    quotes: list[Quote] = []
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
            speaker = attribute(words, block.index, start, end)
            date, date_source = _said_on(words, block.index, start, end, dated, published)
            quote = Quote(slug, block.index, start, end, text, speaker.entity, speaker.name, speaker.cue, date,
                          date_source)
            if number == 0 and continues:
                quote = _join_running(quotes, running, quote)
            quotes.append(quote)
            words.said.append(Said(block.index, start, end, Speaker(quote.speaker, quote.speaker_name, quote.cue)))
        still_open = bool(found) and not found[-1][4] and bool(quotes) and quotes[-1].block == block.index
        running = ((running if continues else []) + [len(quotes) - 1]) if still_open else []
    return tuple(quotes)


def _said_on(r: Reader, block: int, start: int, end: int, dated: tuple[DatedMention, ...],
             published: PartialDate | None) -> tuple[PartialDate | None, str]:
    """The day a statement was made: a date of day precision beside the speech verb of its sentence
    ("Becker said on Tuesday", "told reporters on 9 October"), else the publication's date."""
    first, last = sentence_bounds(r, block, start, end)
    text = r.masked[block]
    for mention in dated:
        if mention.block != block or mention.date.precision != "day" or not first <= mention.start < last \
                or start <= mention.start < end:
            continue
        near = text[max(first, mention.start - 40):mention.start] + " " + text[mention.end:min(last, mention.end + 40)]
        if r.words.verb.search(near) and _words_to_verb(r, text, mention, first, last) <= 4:
            return mention.date, f"said “{mention.text}” ({mention.how})"
    if published is None:
        return None, ""
    return published, "the publication's date"


def _words_to_verb(r: Reader, text: str, mention: DatedMention, first: int, last: int) -> int:
    """How many words stand between a date and the nearest speech verb of its sentence."""
    before = [v for v in r.words.verb.finditer(text, first, mention.start)]
    after = r.words.verb.search(text, mention.end, last)
    counts = []
    if before:
        counts.append(len(text[before[-1].end():mention.start].split()))
    if after:
        counts.append(len(text[mention.end:after.start()].split()))
    return min(counts, default=99)


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
