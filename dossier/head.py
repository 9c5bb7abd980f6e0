"""The head of an article's text: title, dateline, kicker, category line, byline, source,
address and standfirst, read from its first lines (and a date looked for just below them, or
labelled further down). What front matter states is never looked for. Pure: no I/O."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .dates import parse_dateline
from .frontmatter import FrontMatter
from .model import PartialDate, Removed, SiteConfig
from .shapes import (ADDRESS, BREADCRUMB, BYLINE, CATEGORY_PREFIX, MEDIA_LINE, category_tags, is_standfirst, same_text,
                     is_name_line, split_dated_byline)
from .units import TERMINAL, Unit
from .wholepage import labelled_date_in_page


@dataclass(frozen=True)
class Head:
    title: str = ""
    subtitle: str = ""
    date: PartialDate | None = None
    date_source: str | None = None
    tags: tuple[str, ...] = ()
    author: str = ""
    source: str = ""  # the publication a byline names
    url: str = ""  # the page's address, pasted above its text


_BYLINE_ROLE = re.compile(r"^([A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){1,3}),\s*(?:\w+\s+){0,2}"
                          r"(?:reporter|correspondent|writer|editor|journalist|columnist)$", re.IGNORECASE)
_SECTION = re.compile(r"^[A-ZА-ЯЁ][\w'’-]*(?: (?:&|[A-ZА-ЯЁ][\w'’-]*))?$")  # "World", "BBC News", "Middle East"
_NAME_IN_PLACE = re.compile(r"^((?:[A-Z]\.|[A-Z][\w'’-]*)(?: (?:[A-Z]\.|[A-Z][\w'’-]*)){1,3})"
                            r" in [A-Z][\w'’-]*(?: [A-Z][\w'’-]*)?$")  # "Andrew Roth in Moscow"
_LEDE_DATELINE = re.compile(r"^[A-ZА-Я][\w .'’-]{1,30}(?:,\s*[\w .'’-]{1,30})?[,\s]+"
                            r"(.{6,32}?\d{4})\s*(?:\([^)]{1,30}\))?\s*[-–—]\s")
_PUBLISHED_IN_TEXT = re.compile(r"\b(?:published|posted|updated)(?: on)?:?\s+(\w+ \d{1,2},? \d{4}|\d{1,2} \w+,? \d{4}"
                                r"|\d{4}-\d{2}-\d{2}|\d{1,2}\.\d{1,2}\.\d{4})", re.IGNORECASE)
# HTML with nothing a reader would see: comments, scripts and styles with what they hold, and tags.

_KICKER = re.compile(r"^(?:[A-ZА-ЯЁ]{3,}(?:\s+[A-ZА-ЯЁ]{2,}){0,2}|[A-ZА-ЯЁ][a-zа-яё]+)$")


def read_head(units: list[Unit], front: FrontMatter, site: SiteConfig, language: str,
              headline: str = "") -> tuple[Head, list[Unit], tuple[Removed, ...]]:
    """Title, dateline, category line, byline and standfirst from the top of the text (`headline`:
    the title a whole pasted page was found to have).

    A field that front matter states is never looked for, so normalising twice changes nothing.
    """
    languages = tuple(dict.fromkeys((language, "en", "ru", "uk")))  # a Russian date line above an English text
    title = front.text.get("title", "") or headline
    fields: dict = {"title": headline} if headline and "title" not in front.given else {}
    decided = set(front.given)  # fields found so far, or stated by the editor
    removed: list[Removed] = []
    i = 0
    while i < min(len(units), 8):
        if len(parts := split_dated_byline(units[i], languages, site.date_order)) > 1:  # "By Jo Roe on May 4, 2022"
            units = units[:i] + parts + units[i + 1:]
        unit, plain = units[i], units[i].plain
        title_follows = bool(title) or (i + 1 < len(units) and _plausible_title(units[i + 1].plain))
        date = parse_dateline(plain, languages, site.date_order) if "date" not in decided else None
        if date:
            fields["date"], fields["date_source"] = date, "dateline"
            removed.append(Removed(plain, "dateline", unit.line))
        elif "date" in fields and parse_dateline(plain, languages, site.date_order):
            removed.append(Removed(plain, "dateline", unit.line))  # "Last modified on …" after the dateline
        elif title and same_text(plain, title):
            removed.append(Removed(plain, "repeated title", unit.line))
        elif not title and _above_headline(units, i, "kicker" not in fields, languages, site):
            fields["kicker"] = plain
            kicker = plain.title() if plain.isupper() else plain
            fields["tags"] = tuple(dict.fromkeys((*fields.get("tags", ()), kicker)))
            removed.append(Removed(plain, "kicker", unit.line))
        elif "tags" not in decided and _is_category_line(plain, title_follows):
            fields["tags"] = category_tags(plain)
            removed.append(Removed(plain, "category line", unit.line))
        elif by := _byline_fields(units, i, bool(title), decided, removed, languages, site):
            fields.update(by)
            removed.append(Removed(plain, "byline", unit.line))
        elif not title and BREADCRUMB.match(plain):
            removed.append(Removed(plain, "breadcrumb", unit.line))
        elif "url" not in decided and ADDRESS.match(plain):
            fields["url"] = plain  # the page's address, pasted with its text
            removed.append(Removed(plain, "web address", unit.line))
        elif not title and _plausible_title(plain):
            title = fields["title"] = plain
        elif title and "subtitle" not in decided and "title" not in front.given \
                and is_standfirst(plain, units[i + 1:]) and not MEDIA_LINE.match(plain):
            # under a title the editor stated, the text is the story: its first paragraph is never a subtitle
            fields["subtitle"] = plain
        else:
            break
        decided |= fields.keys()
        i += 1
    if "date" not in decided:
        found, dateline, units = _date_below_head(units, i, languages, site)
        fields.update(found)
        removed += [dateline] if dateline else []
    head = Head(**{k: fields[k] for k in ("title", "subtitle", "date", "date_source", "tags", "author", "source",
                                         "url") if k in fields})
    return head, units[i:], tuple(removed)


def _date_below_head(units: list[Unit], i: int, languages: tuple[str, ...],
                     site: SiteConfig) -> tuple[dict, Removed | None, list[Unit]]:
    """For a head that gave no date (it ends at `i`): a date alone on its line just below it (taken
    out of the text), a dateline inside the lede, or a labelled date further down ("Written by Jo Roe
    on July 27, 2017"). The fields found, the date line set aside, and the units left."""
    for k, unit in enumerate(units[i:i + 3]):
        if date := parse_dateline(unit.plain, languages, site.date_order):
            return ({"date": date, "date_source": "dateline"}, Removed(unit.plain, "dateline", unit.line),
                    units[:i + k] + units[i + k + 1:])
    if found := _date_near_top(units[i:i + 3], languages, site.date_order):
        return found, None, units
    labelled = labelled_date_in_page(units, languages, site)
    date = parse_dateline(labelled.plain, languages, site.date_order) if labelled else None
    return ({"date": date, "date_source": "text"} if date else {}), None, units


def _byline_fields(units: list[Unit], i: int, titled: bool, decided: set[str], removed: list[Removed],
                   languages: tuple[str, ...], site: SiteConfig) -> dict[str, str]:
    """The author and source that line `i` gives: a byline ("By Jo Roe | Reuters"), the publication
    under the author's name ("Paul Kirby / BBC News"), or a name beside the dateline; {} if none."""
    plain = units[i].plain
    byline = BYLINE.match(plain) or _BYLINE_ROLE.match(plain) if "author" not in decided else None
    if byline:
        source = byline.re is BYLINE and byline.group(2) and "source" not in decided
        return {"author": byline.group(1), **({"source": byline.group(2)} if source else {})}
    if "source" not in decided and _SECTION.match(plain) and _set_aside_just_above(removed, units, i, "byline"):
        return {"source": plain}
    if titled and "author" not in decided and (author := _name_beside_dateline(units, i, removed, languages, site)):
        return {"author": author}
    return {}


def _name_beside_dateline(units: list[Unit], i: int, removed: list[Removed], languages: tuple[str, ...],
                          site: SiteConfig) -> str:
    """The author's name when line `i` is a name just below or above the dateline ("Joshua Kucera"
    over "Oct 3, 2023", or "Andrew Roth in Moscow"); "" when it is not."""
    plain = units[i].plain
    in_place = _NAME_IN_PLACE.match(plain)
    if not (in_place or is_name_line(plain)):
        return ""
    if _set_aside_just_above(removed, units, i, "dateline") \
            or (i + 1 < len(units) and parse_dateline(units[i + 1].plain, languages, site.date_order)):
        return in_place.group(1) if in_place else plain
    return ""


def _set_aside_just_above(removed: list[Removed], units: list[Unit], i: int, reason: str) -> bool:
    """The line just above units[i] was set aside as `reason`."""
    return i > 0 and bool(removed) and removed[-1].reason == reason and removed[-1].line == units[i - 1].line


def _above_headline(units: list[Unit], i: int, first_kicker: bool, languages, site: SiteConfig) -> bool:
    """units[i] is a kicker (`ANALYSIS`, only one) or one of a run of section names (`World` / `Europe`)
    above the headline."""
    plain, following = units[i].plain, units[i + 1:]
    if first_kicker and following and _KICKER.match(plain) and _is_headline(following[0].plain) \
            and len(following[0].plain) > len(plain) + 3:
        return True
    return bool(_SECTION.match(plain)) and _headline_after_sections(following[:5], languages, site)


def _headline_after_sections(following: list[Unit], languages, site: SiteConfig) -> bool:
    """Below a run of section names (World / Europe / Armenia), the headline: four words or more,
    not a date."""
    for unit in following:
        if _SECTION.match(unit.plain):
            continue
        return _is_headline(unit.plain) and len(unit.plain.split()) >= 4 \
            and not parse_dateline(unit.plain, languages, site.date_order)
    return False




def _is_category_line(text: str, title_follows: bool) -> bool:
    """`| News, Politics`, `Tags: a, b`, or a short list of capitalised names above a title."""
    if CATEGORY_PREFIX.match(text):
        return True
    items = [item.strip() for item in text.split(",")]
    if len(items) < 2 or len(text) > 80 or text[-1] in TERMINAL or not title_follows:
        return False
    return all(item and len(item.split()) <= 4 and all(w[0].isupper() for w in item.split()) for item in items)


def _plausible_title(text: str) -> bool:
    return 0 < len(text) <= 250 and len(re.findall(r"[.!?]\s+[A-ZА-Я]", text)) == 0


def _is_headline(text: str) -> bool:
    """Looks like a headline rather than a sentence of prose: short, and no full stop at the end."""
    return _plausible_title(text) and len(text) <= 150 and not text.endswith(".")


def _date_near_top(units: list[Unit], languages, order) -> dict:
    """A dateline inside the lede (`MOSCOW, 10 November 2020 (Reuters) –`) or `published on ...`."""
    for unit in units:
        for pattern, how in ((_LEDE_DATELINE, "dateline"), (_PUBLISHED_IN_TEXT, "text")):
            match = pattern.search(unit.plain) if how == "text" else pattern.match(unit.plain)
            if match and (date := parse_dateline(match.group(1), languages, order)):
                return {"date": date, "date_source": how}
    return {}
