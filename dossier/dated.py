"""Dates in article prose with their precision and how each was found: written in full (`on 20
September 2022`, `in 2025`, `the 1996 campaign`), without a year (`on Sept. 30`, `in April`), or
relative to the publication (`yesterday`, `on Friday`, `last year`: relative.py).

A fast pass of regular expressions built from dateparser's month names finds candidates; each is
resolved from its own digits. A missing year comes from the article's date and the tense of the
clause (`expected to join in April`, written in December, is next April); without an article date
such a phrase is left out, never guessed. Month names are read in the article's language, English,
and the Cyrillic languages (whose words cannot be mistaken for others).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .dates import make_date, month_names, overlaps
from .inflection import is_cyrillic
from .link import lower_same_length, sentence_at, split_sentences
from .model import Block, DatedMention, Entity, Mention, PartialDate
from .patterns import alternatives
from .relative import find_relative, tense_at

_ORD = r"(?:st|nd|rd|th|\.)?"  # 3rd May; 3. Mai (German, Nordic, Slavic languages)
_YEAR = r"(1\d{3}|20\d{2})"
# One or two digits starting a word: `\b(\d{1,2})`, written to begin with the digit, so that the
# regular expression engine skips ahead to the next digit instead of trying every position (a
# pattern that begins with `\b` is tried at each: 3 times slower over an article).
_DAY = r"(\d(?<!\w\d)\d?)"
_LEAD = (r"(?:in|since|until|till|by|from|of|during|before|after|through|early|late|mid-?|the end of|"
         r"the beginning of|the start of|the middle of|spring|summer|autumn|fall|winter|"
         r"в|с|до|к|по|весной|летом|осенью|зимой)")
_DIGIT = re.compile(r"\d")
_NEEDS_MONTH = {"day-range", "day-month", "month-day", "month-year", "bare-month"}
_NEEDS_DIGIT = {"day-range", "day-month", "month-day", "month-year", "numeric", "iso", "year", "bare-year"}
# The kinds whose patterns begin with a word boundary and a month name, or a leading word: the regular
# expression engine would try them at every position of the text (see _DAY); they are tried only
# where a month name or a leading word begins, found once for both kinds of each (`_matches_at`).
_MONTH_LED = {"month-day", "month-year"}
_LEAD_LED = {"year", "bare-month"}
_SCRIPT_LANGUAGES = ("ru", "uk")  # read in every article: a Cyrillic date line in an English one
# A year in figures standing alone: "the 1996 campaign", "fiscal 1989", "mid-1996", "between 1994 and
# 1997"; not an amount ("$1990", "1,990", "1990%"), a decade ("1990s") or a count ("2000 troops").
_BARE_YEAR = re.compile(r"(?:(?<=\bmid-)|(?<![\w$€£¥.,/:#№-]))(1[89]\d\d|20\d\d)(?![\w%/:-]|[.,]\d|\s*(?:per ?cent|percent))"
                        r"(?!\s+[a-zа-яё]+[sиы]\b(?<!\bis)(?<!\bwas)(?<!\bhas))")


@lru_cache(maxsize=16)
def _patterns(languages: tuple[str, ...]) -> tuple[dict[str, int], re.Pattern, re.Pattern, list[tuple[str, re.Pattern]]]:
    """Month names; patterns that find where a month name and a leading word (`in`, `since`) can
    begin; and the candidate patterns by kind.

    The patterns run on lower-cased text (much faster than re.IGNORECASE); capitals are checked after.
    """
    names = month_names(languages)
    month = "(" + alternatives(names) + r")\.?"
    # where a month name can begin: its first three letters (a short alternation, tried at every word
    # start; the candidate patterns then check the whole name)
    prefixes = "|".join(sorted({re.escape(n[:3]) for n in names}))
    return names, re.compile(rf"\b(?={prefixes})"), re.compile(rf"\b(?={_LEAD})"), [
        ("day-range", re.compile(rf"{_DAY}{_ORD}\s*(?:-|–|—|to|and|until|till)\s*(\d{{1,2}}){_ORD}\s+(?:of\s+)?"
                                 rf"{month}(?:,?\s+{_YEAR})?\b(?!-)")),
        ("day-month", re.compile(rf"{_DAY}{_ORD}\s+(?:of\s+)?{month}(?:,?\s+{_YEAR})?\b(?!-)")),
        ("month-day", re.compile(rf"\b{month}\s+(\d{{1,2}}){_ORD}\b(?![.,]\d|\s*(?:%|per|years?|days?))"
                                 rf"(?:,?\s+{_YEAR}\b)?")),
        ("month-year", re.compile(rf"\b{month}(?:\s+of)?\s+{_YEAR}\b(?!-)")),
        ("numeric", re.compile(rf"{_DAY}\.(\d{{1,2}})\.(\d{{4}})\b")),
        ("iso", re.compile(r"(\d(?<!\w\d)\d{3})-(\d{2})-(\d{2})\b")),
        ("year", re.compile(rf"\b{_LEAD}\s+(?:the\s+)?(?:year\s+)?{_YEAR}\b(?!-|\s*(?:%|per))")),
        ("bare-month", re.compile(rf"\b(?:{_LEAD}\s+|mid-){month}\b(?!\.?\s*\d)")),  # "in May", "mid-November"
        ("bare-year", _BARE_YEAR),
    ]


def find_dated_mentions(slug: str, blocks: tuple[Block, ...], article_date: PartialDate | None,
                        languages: tuple[str, ...], mentions: tuple[Mention, ...],
                        entities: dict[str, Entity], date_order: str = "DMY") -> tuple[DatedMention, ...]:
    """Every date in the body, resolved, with how it was found and the entities and event of its sentence."""
    with_script = tuple(dict.fromkeys((*languages, *_SCRIPT_LANGUAGES)))
    found: list[DatedMention] = []
    for block in blocks:
        lowered = lower_same_length(block.text)
        # the Cyrillic languages' month names only where there is a Cyrillic letter to read
        languages_here = with_script if is_cyrillic(lowered) else languages
        candidates = _candidates(block.text, lowered, article_date, languages_here)
        if not candidates:
            continue
        sentences = split_sentences(block.text)
        where = _Where(block.text, _patterns(languages_here)[0], "en" in languages_here, article_date, date_order,
                       languages[0])
        taken_until = -1
        for start, end, kind, match in candidates:
            if start < taken_until:
                continue
            if kind == "relative":
                dates, how = ([match.date] if match.date else []), match.how
                taken_until = end  # `last week`, `Black Monday`: taken, though they name no single day
            else:
                dates, how = _resolve(kind, match, where)
            if dates and dates[0].precision == "year" and _part_of_year(lowered, start, end):
                taken_until = end
                continue
            if not dates:
                continue
            if how == _YEAR_WRITTEN_AFTER:
                end = _YEAR_AFTER.match(lowered, end).end()  # "October 12 this year": one mention
            taken_until = end
            text = block.text[start:end].strip()
            sentence = sentence_at(block.text, start)
            in_sentence = _entities_in_sentence(block, sentences, start, mentions)
            found += [DatedMention(slug, block.index, start, end, text, date, sentence, in_sentence,
                                   _event_for(date, in_sentence, entities), how) for date in dates]
    return tuple(found)


# "the third quarter of 1984", "the 1988 period", "last year's quarter": a part of a year, which a year
# would misstate
_PART_BEFORE = re.compile(r"(?:quarters?|half|halves|period)\s+(?:of\s+(?:the\s+)?)?$")
_PART_AFTER = re.compile(r"(?:['’]s)?\s+(?:(?:first|second|third|fourth|latest|same|comparable|fiscal|"
                         r"corresponding)\s+)?(?:quarter|half|period)\b")


def _part_of_year(lowered: str, start: int, end: int) -> bool:
    return bool(_PART_AFTER.match(lowered, end) or _PART_BEFORE.search(lowered, max(0, start - 40), start))


def _candidates(text: str, lowered: str, article_date: PartialDate | None, languages: tuple[str, ...]) -> list:
    """(start, end, kind, match) of every pattern's match in a block, earliest first, longest first."""
    _, month_starts, lead_starts, patterns = _patterns(languages)
    months = [match.start() for match in month_starts.finditer(lowered)]
    has_digit = _DIGIT.search(lowered) is not None
    leads = [match.start() for match in lead_starts.finditer(lowered)] if has_digit or months else []
    candidates = [(f.start, f.end, "relative", f) for f in find_relative(text, lowered, article_date, languages)]
    for kind, pattern in patterns:
        if (kind in _NEEDS_MONTH and not months) or (kind in _NEEDS_DIGIT and not has_digit):
            continue
        starts = months if kind in _MONTH_LED else leads if kind in _LEAD_LED else None
        for match in pattern.finditer(lowered) if starts is None else _matches_at(pattern, lowered, starts):
            candidates.append((match.start(), match.end(), kind, match))
    candidates.sort(key=lambda c: (c[0], -(c[1] - c[0])))
    return candidates


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
    order: str
    language: str  # the article's, for the tense of a clause


_WRITTEN = "written in full"
_YEAR_WRITTEN_AFTER = "the year written after it, counted from the publication's"
# "October 12 this year", "in January of last year": the year said just after the date
_YEAR_AFTER = re.compile(r"\s*,?\s*(?:of\s+)?(this|last|next|previous) year\b")
_YEAR_SHIFT = {"this": 0, "last": -1, "previous": -1, "next": 1}
# "since March" is past whatever the clause says; "by August", "until Dec. 31" a time still to come
_LEAD_WORD = re.compile(r"(since|by|until|till|through)\s", re.IGNORECASE)
_WORD_BEFORE = re.compile(r"\b(since|by|until|till|through|to)\s+$", re.IGNORECASE)
_LEAD_TENSE = {"since": "past", "by": "future", "until": "future", "till": "future", "through": "future",
               "to": "future"}  # "extended to Nov. 16"


def _resolve(kind: str, match: re.Match, where: _Where) -> tuple[list[PartialDate], str]:
    """The dates a candidate names (none if it is not a date after all), and how they were found."""
    groups = match.groups()
    if kind == "day-range":  # "from 1 to 3 August": both ends
        first, second, _, year = groups
        found = [_from_month_name(match, 3, int(day), year, where) for day in (first, second)]
        return [d for d, _ in found if d], found[0][1]
    if kind in ("numeric", "iso"):
        a, b, c = (int(g) for g in groups)
        day, month = (b, a) if kind == "numeric" and where.order == "MDY" else (a, b)
        date = make_date(a, b, c) if kind == "iso" else make_date(c, month, day)
        return ([date] if date else []), _WRITTEN
    if kind in ("year", "bare-year"):
        date = make_date(int(groups[-1]))
        return ([date] if date else []), _WRITTEN
    day, year = None, None  # "bare-month": neither written
    if kind == "day-month":
        day, year = groups[0], groups[2]
    elif kind == "month-day":
        day, year = groups[1], groups[2]
    elif kind == "month-year":
        year = groups[1]
    month_group = next(i for i, g in enumerate(groups, start=1) if g and not g.isdigit())
    date, how = _from_month_name(match, month_group, int(day) if day else None, year, where)
    return ([date] if date else []), how


def _from_month_name(match: re.Match, group: int, day: int | None, year: str | None,
                     where: _Where) -> tuple[PartialDate | None, str]:
    """A date from a month name (group `group` of the match), a day and a year if written."""
    month_word = where.original[match.start(group):match.end(group)]
    if where.english and month_word.islower() and month_word in month_names(("en",)):  # "may", "march"
        return None, ""
    month = where.names.get(month_word.lower())
    if month is None:
        return None, ""
    if year:
        return make_date(int(year), month, day), _WRITTEN
    return _year_from_context(month, day, match, where)


def _year_from_context(month: int, day: int | None, match: re.Match, where: _Where) -> tuple[PartialDate | None, str]:
    """A day or month written without a year, placed by the tense of its clause: in the past tense the
    latest such day not after the publication, in the future the first not before it; with no tense,
    the nearer of the two. A past-tense day within two months after the publication gets no year:
    a year ago, or a date reported ahead ("was extended to Nov. 16", written on 30 October)?"""
    article_date = where.article_date
    if article_date is None:
        return None, ""
    year = int(article_date.value[:4])
    said = _YEAR_AFTER.match(where.original, match.end())
    if said:
        return make_date(year + _YEAR_SHIFT[said.group(1).lower()], month, day), _YEAR_WRITTEN_AFTER
    if article_date.precision == "year":
        return None, ""
    article_month = int(article_date.value[5:7])
    if month == article_month:
        return make_date(year, month, day), "the publication's year"
    lead = _LEAD_WORD.match(where.original, match.start()) or _WORD_BEFORE.search(
        where.original, max(0, match.start() - 10), match.start())
    tense = _LEAD_TENSE.get(lead.group(1).lower()) if lead else None
    tense = tense or tense_at(where.original, match.start(), where.language)
    ahead = (month - article_month) % 12  # months from the publication's month to the next such month
    if tense == "past" and month > article_month and day and ahead <= 2:
        return None, ""  # "closed Nov. 22", written on 27 October: a year ago, or a date reported ahead?
    if tense == "past" and month > article_month and ahead > 1:
        return make_date(year - 1, month, day), "the year before the publication's (past tense)"
    if tense == "future" and month < article_month:
        return make_date(year + 1, month, day), "the year after the publication's (future tense)"
    if tense is None and ahead != 6:
        shift = (1 if month < article_month else 0) if ahead < 6 else (-1 if month > article_month else 0)
        return make_date(year + shift, month, day), "the nearer year to the publication"
    if tense is None:
        return None, ""  # six months either way: no nearer year
    return make_date(year, month, day), f"the publication's year ({tense} tense)"


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
