"""Explicit dates in article prose (`on 20 September`, `in September 2022`, `in 2025`) with their precision.

A fast pass of regular expressions built from dateparser's month names finds candidates; each is
resolved from its own digits. A missing year comes from the article's date and the sentence's tense
(`on October 12 this year`); without an article date such a phrase is left out, never guessed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .dates import bounds, make_date, month_names, overlaps
from .link import lower_same_length, sentence_at, split_sentences
from .model import Block, DatedMention, Entity, Mention, PartialDate

_ORD = r"(?:st|nd|rd|th|\.)?"  # 3rd May; 3. Mai (German, Nordic, Slavic languages)
_YEAR = r"(1\d{3}|20\d{2})"
# One or two digits starting a word: `\b(\d{1,2})`, written to begin with the digit, so that the
# regular expression engine skips ahead to the next digit instead of trying every position (a
# pattern that begins with `\b` is tried at each: 3 times slower over an article).
_DAY = r"(\d(?<!\w\d)\d?)"
_LEAD = (r"(?:in|since|until|till|by|from|of|during|before|after|through|early|late|mid-?|the end of|"
         r"the beginning of|the start of|the middle of|spring|summer|autumn|fall|winter|"
         r"в|с|до|к|по|весной|летом|осенью|зимой)")
_FUTURE = re.compile(r"\b(will|shall|to be held|scheduled|plans?|planned|expects?|expected|upcoming|next|"
                     r"considering|is due|are due|intends?|would)\b", re.IGNORECASE)
_DIGIT = re.compile(r"\d")
_NEEDS_MONTH = {"day-range", "day-month", "month-day", "month-year", "bare-month"}
_NEEDS_DIGIT = {"day-range", "day-month", "month-day", "month-year", "numeric", "iso", "year"}
# The kinds whose patterns begin with a word boundary and a month name, or a leading word: the regular
# expression engine would try them at every position of the text (see _DAY); they are tried only
# where a month name or a leading word begins, found once for both kinds of each (`_matches_at`).
_MONTH_LED = {"month-day", "month-year"}
_LEAD_LED = {"year", "bare-month"}
_RELATIVE_YEAR = {"this year": 0, "last year": -1, "next year": 1, "previous year": -1}


@lru_cache(maxsize=16)
def _patterns(languages: tuple[str, ...]) -> tuple[dict[str, int], re.Pattern, re.Pattern, list[tuple[str, re.Pattern]]]:
    """Month names; patterns that find where a month name and a leading word (`in`, `since`) can
    begin; and the candidate patterns by kind.

    The patterns run on lower-cased text (much faster than re.IGNORECASE); capitals are checked after.
    """
    names = month_names(languages)
    month = "(" + "|".join(sorted((re.escape(n) for n in names), key=len, reverse=True)) + r")\.?"
    return names, re.compile(rf"\b(?={month})"), re.compile(rf"\b(?={_LEAD})"), [
        ("day-range", re.compile(rf"{_DAY}{_ORD}\s*(?:-|–|—|to|and|until|till)\s*(\d{{1,2}}){_ORD}\s+(?:of\s+)?"
                                 rf"{month}(?:,?\s+{_YEAR})?\b(?!-)")),
        ("day-month", re.compile(rf"{_DAY}{_ORD}\s+(?:of\s+)?{month}(?:,?\s+{_YEAR})?\b(?!-)")),
        ("month-day", re.compile(rf"\b{month}\s+(\d{{1,2}}){_ORD}\b(?![.,]\d|\s*(?:%|per|years?|days?))"
                                 rf"(?:,?\s+{_YEAR}\b)?")),
        ("month-year", re.compile(rf"\b{month}(?:\s+of)?\s+{_YEAR}\b(?!-)")),
        ("numeric", re.compile(rf"{_DAY}\.(\d{{1,2}})\.(\d{{4}})\b")),
        ("iso", re.compile(r"(\d(?<!\w\d)\d{3})-(\d{2})-(\d{2})\b")),
        ("year", re.compile(rf"\b{_LEAD}\s+(?:the\s+)?(?:year\s+)?{_YEAR}\b(?!-|\s*(?:%|per))")),
        ("bare-month", re.compile(rf"\b{_LEAD}\s+{month}\b(?!\s*\d)")),
    ]


def find_dated_mentions(slug: str, blocks: tuple[Block, ...], article_date: PartialDate | None,
                        languages: tuple[str, ...], mentions: tuple[Mention, ...],
                        entities: dict[str, Entity], date_order: str = "DMY") -> tuple[DatedMention, ...]:
    """Every explicit date in the body, resolved, with the entities and event of its sentence."""
    names, month_starts, lead_starts, patterns = _patterns(languages)
    english = "en" in languages
    found: list[DatedMention] = []
    for block in blocks:
        lowered = lower_same_length(block.text)
        months = [match.start() for match in month_starts.finditer(lowered)]
        has_digit = _DIGIT.search(lowered) is not None
        leads = [match.start() for match in lead_starts.finditer(lowered)] if has_digit or months else []
        candidates = []
        for kind, pattern in patterns:
            if (kind in _NEEDS_MONTH and not months) or (kind in _NEEDS_DIGIT and not has_digit):
                continue
            starts = months if kind in _MONTH_LED else leads if kind in _LEAD_LED else None
            for match in pattern.finditer(lowered) if starts is None else _matches_at(pattern, lowered, starts):
                candidates.append((match.start(), match.end(), kind, match))
        if not candidates:
            continue
        sentences = split_sentences(block.text)
        candidates.sort(key=lambda c: (c[0], -(c[1] - c[0])))
        taken_until = -1
        for start, end, kind, match in candidates:
            if start < taken_until:
                continue
            sentence = sentence_at(block.text, start)
            dates = _resolve(kind, match, _Where(block.text, names, english, article_date, sentence, date_order))
            if not dates:
                continue
            taken_until = end
            text = block.text[start:end].strip()
            in_sentence = _entities_in_sentence(block, sentences, start, mentions)
            found += [DatedMention(slug, block.index, start, end, text, date, sentence, in_sentence,
                                   _event_for(date, in_sentence, entities)) for date in dates]
    return tuple(found)


def _matches_at(pattern: re.Pattern, text: str, starts: list[int]):
    """`pattern.finditer(text)`, given every position where a match can begin (in order): the same
    matches, none starting inside the one before."""
    end = 0
    for start in starts:
        if start >= end:
            match = pattern.match(text, start)
            if match:
                end = match.end()
                yield match


@dataclass(frozen=True)
class _Where:
    """What resolving a candidate needs besides the match: the text, the language, the article's date."""

    original: str  # the block, as written (candidates are matched on its lower-cased copy)
    names: dict[str, int]
    english: bool
    article_date: PartialDate | None
    sentence: str
    order: str


def _resolve(kind: str, match: re.Match, where: _Where) -> list[PartialDate]:
    """The dates a candidate names; none if it is not a date after all."""
    groups = match.groups()
    if kind == "day-range":  # "from 1 to 3 August": both ends
        first, second, _, year = groups
        dates = [_from_month_name(match, 3, int(day), year, where) for day in (first, second)]
        return [d for d in dates if d]
    if kind in ("numeric", "iso"):
        a, b, c = (int(g) for g in groups)
        day, month = (b, a) if kind == "numeric" and where.order == "MDY" else (a, b)
        date = make_date(a, b, c) if kind == "iso" else make_date(c, month, day)
    elif kind == "year":
        date = make_date(int(groups[-1]))
    else:
        day, year = None, None  # "bare-month": neither written
        if kind == "day-month":
            day, year = groups[0], groups[2]
        elif kind == "month-day":
            day, year = groups[1], groups[2]
        elif kind == "month-year":
            year = groups[1]
        month_group = next(i for i, g in enumerate(groups, start=1) if g and not g.isdigit())
        date = _from_month_name(match, month_group, int(day) if day else None, year, where)
    return [date] if date else []


def _from_month_name(match: re.Match, group: int, day: int | None, year: str | None,
                     where: _Where) -> PartialDate | None:
    """A date from a month name (group `group` of the match), a day and a year if written."""
    month_word = where.original[match.start(group):match.end(group)]
    if where.english and month_word.islower() and month_word in month_names(("en",)):  # "may", "march"
        return None
    month = where.names.get(month_word.lower())
    if month is None:
        return None
    if year:
        return make_date(int(year), month, day)
    return _year_from_context(month, day, where.article_date, where.sentence)


def _year_from_context(month: int, day: int | None, article_date: PartialDate | None,
                       sentence: str) -> PartialDate | None:
    """A day or month written without a year, placed in the year the article's date and tense imply."""
    if article_date is None:
        return None
    year = int(article_date.value[:4])
    lowered = sentence.lower()
    for phrase, shift in _RELATIVE_YEAR.items():
        if phrase in lowered:
            return make_date(year + shift, month, day)
    candidate = make_date(year, month, day)
    if candidate and bounds(candidate)[0] > bounds(article_date)[1] and not _FUTURE.search(sentence):
        return make_date(year - 1, month, day)  # a past event written about early the next year
    return candidate


def _entities_in_sentence(block: Block, sentences, position: int, mentions: tuple[Mention, ...]) -> tuple[str, ...]:
    start, end = next(((s, e) for s, e in sentences if s <= position <= e), (0, len(block.text)))
    return tuple(dict.fromkeys(m.entity for m in mentions if m.block == block.index and start <= m.start < end))


def _event_for(date: PartialDate, in_sentence: tuple[str, ...], entities: dict[str, Entity]) -> str | None:
    """The registered event named in the same sentence whose dates agree with this one."""
    for entity_id in in_sentence:
        event = entities[entity_id]
        start = event.date or event.start
        if event.kind == "event" and start and overlaps(start, event.end, date):
            return event.id
    return None
