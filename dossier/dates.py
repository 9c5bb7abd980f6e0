"""Calendar dates known to a day, month or year: parsing written dates into PartialDate.

Short strings only. dateparser is asked about one short phrase at a time and its answers are
cached; it is never asked to search a whole text (far too slow for every article).
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

from .model import PartialDate
from .patterns import alternatives

_ISO = re.compile(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$")
_NUMERIC = re.compile(r"^(\d{1,4})[./-](\d{1,2})[./-](\d{1,4})$")
# Words around a dateline that are not part of the date itself.
_DATELINE_NOISE = re.compile(
    r"^(?:published|posted|updated|last updated|last modified|modified|date|dated|on|опубликовано|обновлено|дата)"
    r"\s*(?:on|at)?\s*[:\-–—]?\s*",
    re.IGNORECASE,
)
_LEADING_TIME = re.compile(r"^\d{1,2}:\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?\s*[,|·–—-]?\s*(?=\d)", re.IGNORECASE)  # "14:25 03/03/2023"
_TIME = re.compile(
    r"(?:,|\bat|\bum|\bà|\bв|\s[-–—|])?\s*\d{1,2}[:.h]\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?(?:\s*[A-Z]{2,5}|\s*[+-]\d{2}:?\d{2})?\s*$",
    re.IGNORECASE,
)


def parse_iso(text: str) -> PartialDate | None:
    """`YYYY`, `YYYY-MM` or `YYYY-MM-DD`, checked to be a real date; None otherwise."""
    m = _ISO.match(text.strip())
    if not m:
        return None
    year, month, day = (int(g) if g else None for g in m.groups())
    return make_date(year, month, day)


def make_date(year: int, month: int | None = None, day: int | None = None) -> PartialDate | None:
    """A PartialDate from its parts, or None if they name no real date."""
    try:
        dt.date(year, month or 1, day or 1)  # also years 1 to 9999 only
    except ValueError:
        return None
    if day is not None and month is not None:
        return PartialDate(f"{year:04d}-{month:02d}-{day:02d}", "day")
    if month is not None:
        return PartialDate(f"{year:04d}-{month:02d}", "month")
    return PartialDate(f"{year:04d}", "year")


def parse_numeric(text: str, order: str, short_year: bool = False) -> PartialDate | None:
    """`09.10.2023`, `2023/10/09`, `10-09-2023` or `18. 05. 2014`; day and month read in the site's
    `order`, unless only the other order names a real day (`12/30/2019`). With `short_year` (a time
    stands beside it, as in `19.10.19, 08:16`), a two-digit year is read too."""
    m = _NUMERIC.match(_SPACED_DOTS.sub(".", text.strip()))
    if not m:
        return None
    a, b, c = m.groups()
    if len(a) == 4:  # year first is unambiguous: Y-M-D
        return make_date(int(a), int(b), int(c))
    if len(c) == 2 and short_year:
        c = f"20{c}" if int(c) < 69 else f"19{c}"  # strptime's %y: 00-68 are 2000-2068
    if len(c) != 4:
        return None
    first, second = int(a), int(b)
    day, month = (second, first) if order == "MDY" else (first, second)
    return make_date(int(c), month, day) or make_date(int(c), day, month)


_SPACED_DOTS = re.compile(r"\s*\.\s*(?=\d)")


@lru_cache(maxsize=4096)
def _dateparser_parse(text: str, languages: tuple[str, ...], order: str):
    parser = _parser(languages, order)
    data = parser.get_date_data(text)
    if data.date_obj is None:
        return None
    precision = data.period if data.period in ("day", "month", "year") else "day"
    d = data.date_obj
    return make_date(d.year, d.month if precision != "year" else None, d.day if precision == "day" else None)


@lru_cache(maxsize=16)
def _parser(languages: tuple[str, ...], order: str):
    from dateparser.date import DateDataParser  # imported when first needed: ~0.3 s

    return DateDataParser(
        languages=list(known_languages(languages)),
        settings={"DATE_ORDER": order, "PREFER_DAY_OF_MONTH": "first", "STRICT_PARSING": False,
                  "REQUIRE_PARTS": ["year"]},
    )


@lru_cache(maxsize=64)
def known_languages(languages: tuple[str, ...]) -> tuple[str, ...]:
    """Those of `languages` dateparser has data for, or English: an article in a language it lacks
    (detected as Latin, or `language: xx` in front matter) is read with English month names instead
    of stopping the build. A regional code is read as its language (`pt-BR` as `pt`); Norwegian is
    detected as `no`, which dateparser calls `nb`."""
    from dateparser.data.languages_info import language_order

    codes = [_ALIASES.get(code, code) for code in languages]
    codes = [code if code in language_order else code.replace("_", "-").split("-")[0] for code in codes]
    return tuple(dict.fromkeys(code for code in codes if code in language_order)) or ("en",)


_ALIASES = {"no": "nb"}


def parse_dateline(line: str, languages: tuple[str, ...], order: str = "DMY") -> PartialDate | None:
    """A line that is only a date (with a time, weekday or 'Published:' around it), else None.

    The year must be written: a line such as "Tuesday" is not a dateline. A line of parts such as
    `April 20, 2024 · 5 min read` is a dateline when one part is a date and the rest is short.
    """
    found = _parse_date_part(line, languages, order)
    if found or len(line) > 90:
        return found
    place = _PLACE.match(line)  # "MOSCOW, March 12, 2024", "Київ, 12 березня 2024 року"
    if place:
        found = _parse_date_part(place.group(1), languages, order)
        date_and_agency = _AGENCY.split(place.group(1), maxsplit=1)  # "Москва, 24 февраля 2024. РИА Новости."
        if not found and len(date_and_agency) == 2 and len(date_and_agency[1].split()) <= 4 \
                and not _CREDIT.search(date_and_agency[1]):  # "Protesters in Yerevan, 12 May 2023. Photo: Jo Roe"
            found = _parse_date_part(date_and_agency[0], languages, order)
        if found and found.precision != "year":  # "Armenia, 2024" is a place and a year, not a dateline
            return found
    parts = [p for p in _SEPARATORS.split(line) if p.strip()]
    dated = [d for d in (_parse_date_part(p, languages, order) for p in parts) if d]
    if len(parts) > 1 and dated and all(len(p.split()) <= 4 for p in parts):
        if len(dated) == 1:
            return dated[0]
        if all(d.precision == "day" for d in dated):  # "Published 22 February · Updated 23 February": the first
            return min(dated, key=lambda d: d.value)
    return None


_AGENCY = re.compile(r"\.\s+|\s[-–—]\s")
_CREDIT = re.compile(r"\b(?:photo|foto|фото|image|picture|bild|credit)s?\b", re.IGNORECASE)  # a caption's credit
_PLACE = re.compile(r"^[^\W\d_][\w.'’-]*(?:[ -][^\W\d_][\w.'’-]*){0,2},\s+(\S.*)$")


_SEPARATORS = re.compile(r"\s[·|•]\s|\s[-–—]\s")


def _parse_date_part(line: str, languages: tuple[str, ...], order: str) -> PartialDate | None:
    text = line.strip().strip("|·•").strip()
    if not text or len(text) > 60 or not re.search(r"\d{4}|\d\.\d\d\b", text):
        return None
    text = _DATELINE_NOISE.sub("", text)
    timed = _TIME.sub("", _LEADING_TIME.sub("", text)).strip(" ,|-–—")
    text, with_time = timed, timed != text.strip(" ,|-–—")
    found = parse_iso(text) or parse_numeric(text, order, short_year=with_time)
    if found:
        return found
    if re.search(r"[^\W\d_]{2,}", text) is None:  # digits and punctuation that are not a date
        return None
    return parse_written(text, languages) or (_dateparser_parse(text, languages, order)
                                              if not _not_a_date(text, languages) else None)


def _not_a_date(text: str, languages: tuple[str, ...]) -> bool:
    """Whether `text` has two or more words dateparser does not know in any of `languages`: it then
    finds no date in it (a headline with a year in it: `Talks in Baku (2024)`), and asking it is
    dear. Checked against dateparser on the lines of the tests, the demo and the benchmark corpus in
    five sets of languages: it found a date in none of those so left out (bench/RESULTS.md)."""
    known = _date_words(known_languages(languages))
    return sum(word not in known for word in _WORD.findall(text.casefold())) >= 2


_WORD = re.compile(r"[^\W\d_]{3,}")


@lru_cache(maxsize=16)
def _date_words(languages: tuple[str, ...]) -> frozenset[str]:
    """Every word (lower case) dateparser knows in `languages`, and in English (which it knows a few
    words of in every language): its locale data as written and as it reads them (without accents),
    and the names of time zones (which it takes out first)."""
    from dateparser.languages.loader import default_loader
    from dateparser.timezones import timezone_info_list
    from dateparser.utils import normalize_unicode

    texts = [name for group in timezone_info_list for name, _ in group["timezones"]]
    for language in dict.fromkeys((*languages, "en")):
        for value in default_loader.get_locale(language).info.values():  # month names, simplifications, ...
            for item in value if isinstance(value, list) else [value]:
                texts += [*map(str, item), *map(str, item.values())] if isinstance(item, dict) else [str(item)]
    return frozenset(word.casefold() for text in texts for form in (text, normalize_unicode(text))
                     for word in re.findall(r"[^\W\d_]+", form))


def parse_written(text: str, languages: tuple[str, ...]) -> PartialDate | None:
    """The common written forms, read with dateparser's month and weekday names but without asking
    dateparser (slow for each date): `12 March 2024`, `March 12, 2024`, `Tuesday, 12 March 2024`, `March
    2024`, all words in one of `languages`. None for anything else (dateparser is asked then)."""
    folded = text.casefold()
    for language in known_languages(languages):
        weekdays, months, pattern = _written(language)
        m = pattern.fullmatch(folded)
        if m and (not m["weekday"] or m["weekday"] in weekdays):
            day = m["day"] or m["day_after"]
            return make_date(int(m["year"]), months[m["month"] or m["month_first"]], int(day) if day else None)
    return None


@lru_cache(maxsize=16)
def _written(language: str) -> tuple[frozenset[str], dict[str, int], re.Pattern]:
    from dateparser.languages.loader import default_loader

    info = default_loader.get_locale(language).info
    weekdays = frozenset(form.casefold().rstrip(".") for key in
                         ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
                         for form in info.get(key, []))
    months = {name.casefold(): number for name, number in month_names((language,)).items()}
    month = alternatives(months)
    ordinal = "(?:st|nd|rd|th)?" if language == "en" else ""
    return weekdays, months, re.compile(
        rf"(?:(?P<weekday>[^\W\d_]+)\.?,?\s+)?"
        rf"(?:(?P<day>\d{{1,2}}){ordinal}\s+(?P<month>{month})\.?"
        rf"|(?P<month_first>{month})\.?(?:\s+(?P<day_after>\d{{1,2}}){ordinal})?),?"
        rf"\s+(?P<year>\d{{4}})")


@lru_cache(maxsize=32)
def month_names(languages: tuple[str, ...]) -> dict[str, int]:
    """Every written form of each month (lower case) in `languages`, from dateparser's locale data."""
    from dateparser.languages.loader import default_loader

    keys = ("january", "february", "march", "april", "may", "june", "july", "august",
            "september", "october", "november", "december")
    names: dict[str, int] = {}
    for language in known_languages(languages):
        info = default_loader.get_locale(language).info
        for number, key in enumerate(keys, start=1):
            for form in info.get(key, []):
                if len(form) >= 3 and not form.isdigit():
                    names.setdefault(form.lower().rstrip("."), number)
    return names


def date_sort_key(date: PartialDate | None) -> str:
    """Orders dates as text: a year sorts before its months, a month before its days; None last."""
    return date.value if date else "~"


def bounds(date: PartialDate) -> tuple[str, str]:
    """The first and last day a PartialDate covers, as YYYY-MM-DD text."""
    if date.precision == "day":
        return date.value, date.value
    if date.precision == "month":
        return date.value + "-01", date.value + "-31"
    return date.value + "-01-01", date.value + "-12-31"


def overlaps(start: PartialDate, end: PartialDate | None, other: PartialDate) -> bool:
    """Whether `other` shares a day with the period from `start` to `end` (or with `start` alone)."""
    lo, _ = bounds(start)
    _, hi = bounds(end or start)
    other_lo, other_hi = bounds(other)
    return other_lo <= hi and lo <= other_hi

