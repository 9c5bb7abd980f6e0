"""Dates written relative to the publication (`yesterday`, `on Friday`, `last year`, `last May`, `two
weeks ago`, `вчера`, `в прошлом году`), and the tense of a clause, which places the dates it names.

The words are data (data/date_words.yaml, one table per language); each date found says how it was
counted. With no publication date, or one too coarse for the expression (`yesterday` in an article
dated only to a month), nothing is returned: a relative date is never invented.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import yaml

from .dates import make_date, month_names
from .inflection import is_cyrillic
from .link import split_sentences
from .model import PartialDate
from .patterns import alternatives

# "Thursday evening", "at noon Friday": a time, which a date would misstate
_TIME_OF_DAY = re.compile(r"\s+(?:nights?|evenings?|mornings?|afternoons?|noon|midnight)\b", re.IGNORECASE)
_CLOCK_BEFORE = re.compile(r"(?:[ap]\.m\.|noon|midnight|each|every),?\s+$", re.IGNORECASE)  # or a set: "each Thursday"
_QUOTED = re.compile(r"“[^”]*”|«[^»]*»|\"[^\"]*\"|``.*?''")
_CYRILLIC_LANGUAGES = {"ru", "uk"}


@dataclass(frozen=True)
class Found:
    """A relative date in a text: where, what it resolves to, and how it was counted."""

    start: int
    end: int
    date: PartialDate | None  # None for an expression that names no single date (`last week`)
    how: str


@lru_cache(maxsize=1)
def _tables() -> dict:
    return yaml.safe_load(resources.files("dossier").joinpath("data/date_words.yaml").read_text(encoding="utf-8"))


def date_languages(languages: tuple[str, ...]) -> tuple[str, ...]:
    """Those of `languages` that have a table of relative date words."""
    return tuple(code for code in languages if code in _tables())


@dataclass(frozen=True)
class _Language:
    table: dict
    pattern: re.Pattern
    weekday: dict[str, int]
    months: dict[str, int]
    unit: dict[str, str]
    count_unit: dict[str, str]
    future: re.Pattern
    past: re.Pattern


@lru_cache(maxsize=8)
def _language(code: str) -> _Language:
    table = _tables()[code]
    weekday = {form: number for number, forms in enumerate(table["weekdays"]) for form in forms}
    months = month_names((code,))
    unit = {form: name for name, forms in table["units"].items() for form in forms}
    count_unit = {form: name for name, forms in (table.get("count_units") or {}).items() for form in forms}
    if code == "en":
        count_unit = {form: name for name in ("year", "month", "week", "day") for form in (name, name + "s")}
    shift, units, weekdays = alternatives(table["shifts"]), alternatives(unit), alternatives(weekday)
    month = alternatives(m for m in months if len(m) > 3 or m == "may")
    counts = alternatives(table["counts"])
    ago = alternatives(table["ago"])
    not_dates = alternatives(table["not_dates"])
    on = r"(?:(?:в|во|у)\s+)?" if code != "en" else ""
    parts = [
        rf"(?P<not_date>{not_dates})" if not_dates else None,
        rf"(?P<day>{alternatives(table['days'])})",
        rf"(?P<month_shift_year>{month})\.?\s+(?:of\s+)?(?P<year_shift>{shift})\s+(?:{alternatives(table['units']['year'])})",
        rf"(?P<shift>{shift})\s+(?:(?P<unit>{units})|(?P<shift_weekday>{weekdays})|(?P<shift_month>{month})(?!\.?\s*\d))",
        rf"(?:(?P<count>{counts + '|' if counts else ''}\d{{1,2}})\s+){'?' if '' in table['counts'] else ''}(?P<count_unit>{alternatives(count_unit)})\s+(?:or so\s+)?(?P<ago>{ago})" if ago else None,
        rf"{on}(?P<weekday>{weekdays})(?!,?\s+(?:{month}|{alternatives(months)})\.?\s+\d)",  # not "Friday, April 25"
    ]
    # a whole word, or one with a possessive: "Friday's vote", "today's editions"
    pattern = re.compile(r"(?<![\w-])(?:" + "|".join(p for p in parts if p) + r")(?=['’]s\b|(?![\w’'-]))")
    past_words = alternatives(table["past"])
    # "to be completed", "will be paid": one future marker, not a future and a past one
    participle = rf"(?:\s+(?:[a-z]+ed|{past_words}))?" if code == "en" else ""
    future = re.compile(rf"(?<![\w’'])(?:{alternatives(table['future'])}){participle}(?![\w’'])")
    ending = table.get("past_ending")
    past = re.compile(rf"(?<![\w’'])(?:{past_words}{'|[a-z]{3,}' + ending if ending else ''})(?![\w’'])")
    return _Language(table, pattern, weekday, months, unit, count_unit, future, past)


def find_relative(text: str, lowered: str, article_date: PartialDate | None,
                  languages: tuple[str, ...]) -> list[Found]:
    """Every relative date expression in `text` (`lowered` is its lower-cased copy, the same length)."""
    if article_date is None:
        return []
    found: list[Found] = []
    cyrillic = is_cyrillic(lowered)
    for code in date_languages(languages):
        if code in _CYRILLIC_LANGUAGES and not cyrillic:
            continue  # its words cannot be in a text without a Cyrillic letter
        language = _language(code)
        for match in language.pattern.finditer(lowered):
            if code == "en" and (match["weekday"] or match["shift_month"] or match["month_shift_year"]):
                start = match.start("weekday") if match["weekday"] else match.start(
                    "shift_month" if match["shift_month"] else "month_shift_year")
                if not text[start].isupper():
                    continue  # "may", "march", a weekday in lower case: not a date
            if code == "en" and match["day"] and text[match.start()].isupper() and _mid_sentence(text, match.start()):
                continue  # "This is VOA Today": a name
            found.append(_resolve(match, text, article_date, language))
    return found


def _mid_sentence(text: str, position: int) -> bool:
    before = text[:position].rstrip(" “\"«(`'")
    return bool(before) and before[-1] not in ".!?:…"


def _resolve(match: re.Match, text: str, article: PartialDate, language: _Language) -> Found:
    table = language.table
    start, end = match.span()
    groups = match.groupdict()
    if groups.get("not_date"):
        return Found(start, end, None, "names no single day")
    if match["day"]:
        shift = table["days"][match["day"]]
        return Found(start, end, _days_from(article, shift), "counted in days from the publication date")
    if match["month_shift_year"]:
        month = language.months[match["month_shift_year"]]
        year = _year_of(article)
        date = make_date(year + table["shifts"][match["year_shift"]], month)
        return Found(start, end, date, "the year counted from the publication date")
    if match["unit"]:
        return Found(start, end, _unit_from(article, language.unit[match["unit"]], table["shifts"][match["shift"]]),
                     "counted from the publication date")
    if match["shift_month"]:
        return Found(start, end, _month_from(article, language.months[match["shift_month"]],
                                             table["shifts"][match["shift"]]), "the month's year from the publication date")
    if match["shift_weekday"]:
        shift = table["shifts"][match["shift"]]
        tense = {-1: "past", 1: "future"}.get(shift) or tense_at(text, start, language)
        return Found(start, end, _weekday_from(article, language.weekday[match["shift_weekday"]], tense, shift != 0),
                     "the weekday counted from the publication date")
    if groups.get("count_unit"):
        written = match["count"] or ""
        count = int(written) if written.isdigit() else table["counts"].get(written, 1 if not written else None)
        unit = language.count_unit[match["count_unit"]]
        if count is None or (count == 1 and unit in ("year", "month")):
            return Found(start, end, None, "no single date")  # "a year ago": that day, month or year?
        return Found(start, end, _unit_from(article, unit, -count, exact=True),
                     "counted back from the publication date")
    weekday = language.weekday[match["weekday"]]
    if _TIME_OF_DAY.match(text, end) or _CLOCK_BEFORE.search(text[max(0, start - 12):start]):
        return Found(start, end, None, "a time of day")
    return Found(start, end, _weekday_from(article, weekday, tense_at(text, start, language), False),
                 "the weekday counted from the publication date")


def _day_of(article: PartialDate) -> dt.date | None:
    return dt.date.fromisoformat(article.value) if article.precision == "day" else None


def _year_of(article: PartialDate) -> int:
    return int(article.value[:4])


def _days_from(article: PartialDate, days: int) -> PartialDate | None:
    day = _day_of(article)
    if day is None:
        return None
    try:
        day += dt.timedelta(days=days)
    except OverflowError:  # before year 1 or after 9999
        return None
    return make_date(day.year, day.month, day.day)


def _unit_from(article: PartialDate, unit: str, shift: int, exact: bool = False) -> PartialDate | None:
    """`last year`, `this month`, `two weeks ago` (a count of weeks or days gives a day; `last week` none)."""
    if unit == "year":
        return make_date(_year_of(article) + shift)
    if unit == "month":
        if article.precision == "year":
            return None
        months = _year_of(article) * 12 + int(article.value[5:7]) - 1 + shift
        return make_date(months // 12, months % 12 + 1)
    if not exact:
        return None  # `last week`, `next day`: no single date
    return _days_from(article, shift * (7 if unit == "week" else 1))


def _month_from(article: PartialDate, month: int, shift: int) -> PartialDate | None:
    """`last May` (the latest May before the publication's month), `this September`, `next April`."""
    if article.precision == "year":
        return None
    year, current = _year_of(article), int(article.value[5:7])
    if abs(shift) == 1 and (month - current) % 12 == shift % 12:
        return None  # "last February" in March: a month ago, or a year and a month?
    if shift < 0:
        year -= month >= current
    elif shift > 0:
        year += month <= current
    return make_date(year, month)


def _weekday_from(article: PartialDate, weekday: int, tense: str | None, strict: bool) -> PartialDate | None:
    """The weekday nearest the publication in the tense's direction: the publication's own day when it
    is that weekday (unless `last` or `next` said otherwise), else the last such day before it, or the
    first after it in the future tense."""
    day = _day_of(article)
    if day is None:
        return None
    if day.weekday() == weekday and not strict:
        return make_date(day.year, day.month, day.day)
    if tense == "future":
        step = (weekday - day.weekday()) % 7 or 7
    else:
        step = -((day.weekday() - weekday) % 7 or 7)
    try:
        found = day + dt.timedelta(days=step)
    except OverflowError:
        return None
    return make_date(found.year, found.month, found.day)


def tense_at(text: str, position: int, language: _Language | str) -> str | None:
    """`future`, `past` or None: the tense of the words nearest `position` in its clause (between
    commas, colons, semicolons or dashes), else in its sentence; quotations are left out, unless the
    position is inside one (then only the quotation is read)."""
    if isinstance(language, str):
        if language not in _tables():
            return None
        language = _language(language)
    start, end = next(((s, e) for s, e in split_sentences(text) if s <= position <= e), (0, len(text)))
    lowered, position = text[start:end].lower(), position - start
    inside = next((m for m in _QUOTED.finditer(lowered) if m.start() < position < m.end()), None)
    if inside:
        lowered = " " * inside.start() + lowered[inside.start():inside.end()] + " " * (len(lowered) - inside.end())
    else:
        lowered = _QUOTED.sub(lambda m: " " * len(m.group(0)), lowered)
    clause_start = max((m.end() for m in _CLAUSE_END.finditer(lowered, 0, position)), default=0)
    clause_end = next((m.start() for m in _CLAUSE_END.finditer(lowered, position)), len(lowered))
    return (_nearest_tense(lowered, position, language, clause_start, clause_end)
            or _nearest_tense(lowered, position, language, 0, len(lowered)))


def _nearest_tense(lowered: str, position: int, language: _Language, start: int, end: int) -> str | None:
    nearest: tuple[int, str] | None = None
    for tense, pattern in (("future", language.future), ("past", language.past)):
        for marker in pattern.finditer(lowered, start, end):
            if tense == "past" and marker.group(0) in _NOT_PAST:  # "scheduled" looks past, and is future
                continue
            distance = marker.start() - position if marker.start() >= position else position - marker.end()
            if nearest is None or distance < nearest[0]:
                nearest = (distance, tense)
    return nearest[1] if nearest else None


_CLAUSE_END = re.compile(r"[,;:()\[\]]|\s[-–—]+\s")
_NOT_PAST = {"expected", "scheduled", "planned", "proposed", "based", "need", "speed", "seed", "feed", "indeed",
             "red", "bed", "united", "limited", "related", "called", "so-called", "detailed", "interested",
             "concerned", "advanced", "armed", "hundred", "needed"}
